import type { HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { backend } from '$server/registry';
import { start } from '$server/start';
import { apiErrorShape, authenticate, classicFormPosts, logRequest, refuseForeignOrigin, secureHeaders } from '$lib/server/guards';
import { localize } from '$lib/server/locale';
import { m } from '$lib/paraglide/messages.js';

/** Creates the process's one back end before the first request (the production entry reuses it). */
export const init: ServerInit = async () => {
	await start();
};

// The origin check comes after `localize` so that its refusal is in the person's language.
export const handle = sequence(secureHeaders, logRequest, classicFormPosts, authenticate, localize, apiErrorShape, refuseForeignOrigin);

export const handleError: HandleServerError = ({ error, status }) => {
	// Refusals of what a client sent (a path that does not decode, say) are not the server's errors.
	if (status >= 500) backend().log.error({ event: 'unexpected-error', err: error });
	if (status === 404) return { message: m.error_page_missing() };
	if (status === 400) return { message: m.error_malformed_address() };
	return { message: status < 500 ? m.error_title_other() : m.error_internal() };
};
