import type { HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { backend } from '$server/registry';
import { start } from '$server/start';
import { authenticate, classicFormPosts, logRequest, refuseForeignOrigin, secureHeaders } from '$lib/server/guards';
import { localize } from '$lib/server/locale';
import { m } from '$lib/paraglide/messages.js';

/** Creates the process's one back end before the first request (the production entry reuses it). */
export const init: ServerInit = async () => {
	await start();
};

// The origin check comes after `localize` so that its refusal is in the person's language.
export const handle = sequence(secureHeaders, logRequest, classicFormPosts, authenticate, localize, refuseForeignOrigin);

export const handleError: HandleServerError = ({ error, status }) => {
	if (status !== 404) backend().log.error({ event: 'unexpected-error', err: error });
	return { message: status === 404 ? m.error_page_missing() : m.error_internal() };
};
