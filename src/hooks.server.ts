import type { HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { createBackend } from '$server/backend';
import { loadConfig } from '$server/config';
import { backend, startBackend } from '$server/registry';
import { authenticate, classicFormPosts, logRequest, refuseForeignOrigin, secureHeaders } from '$lib/server/guards';

/** Creates the process's one back end before the first request (the production entry reuses it). */
export const init: ServerInit = async () => {
	await startBackend(() => createBackend(loadConfig()));
};

export const handle = sequence(secureHeaders, logRequest, refuseForeignOrigin, classicFormPosts, authenticate);

export const handleError: HandleServerError = ({ error, status }) => {
	if (status !== 404) backend().log.error({ event: 'unexpected-error', err: error });
	return { message: status === 404 ? 'This page does not exist.' : 'Something went wrong on the server.' };
};
