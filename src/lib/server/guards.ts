import { json, type Handle } from '@sveltejs/kit';
import { backend } from '$server/registry';
import { sessionCookieName } from '$server/auth/sessions';
import { isForeignRequest } from '$server/http/origin';
import { AppError } from '$server/errors';
import { errorResponse } from '$lib/server/api';
import { SESSION_ABSOLUTE_LIFETIME_MS } from '$lib/limits';
import { m } from '$lib/paraglide/messages.js';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Cross-site request forgery: an unsafe request whose browser says it comes from another
 * origin is refused, for forms and JSON alike, in dev and in production [W2].
 */
export const refuseForeignOrigin: Handle = async ({ event, resolve }) => {
	if (UNSAFE_METHODS.has(event.request.method) && isForeignRequest(event.request.headers, event.url.origin)) {
		backend().log.warn({ event: 'foreign-origin-refused', path: event.url.pathname, origin: event.request.headers.get('origin') });
		const message = m.error_foreign_origin();
		return event.url.pathname.startsWith('/api/')
			? json({ error: { code: 'foreign_origin', message } }, { status: 403 })
			: new Response(message, { status: 403, headers: { 'content-type': 'text/plain; charset=utf-8' } });
	}
	return resolve(event);
};

const FORM_TYPES = /^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i;

/**
 * A plain form post (no `use:enhance`) from a client that does not ask for JSON is a
 * classic form submission: the page's action answers it with a redirect or the page.
 * Without this SvelteKit would answer `Accept: *\/*` (curl, scripts) with a JSON envelope,
 * and `POST /login` would not be the documented 303 with a cookie.
 */
export const classicFormPosts: Handle = async ({ event, resolve }) => {
	const { request } = event;
	if (
		request.method === 'POST' &&
		request.headers.get('x-sveltekit-action') !== 'true' &&
		FORM_TYPES.test(request.headers.get('content-type') ?? '') &&
		!/application\/json/i.test(request.headers.get('accept') ?? '')
	) {
		request.headers.set('accept', 'text/html');
	}
	return resolve(event);
};

/** The cookie's options; `__Host-` and Secure over HTTPS (the prefix requires both) [A2]. */
export function sessionCookie(secure: boolean) {
	return {
		name: sessionCookieName(secure),
		options: {
			path: '/',
			httpOnly: true,
			sameSite: 'lax' as const,
			secure,
			maxAge: SESSION_ABSOLUTE_LIFETIME_MS / 1000
		}
	};
}

/** Turns the session cookie into `locals.actor`; a cookie that no longer opens a session is removed. */
export const authenticate: Handle = async ({ event, resolve }) => {
	const { name, options } = sessionCookie(event.url.protocol === 'https:');
	const token = event.cookies.get(name);
	const result = token ? backend().sessions.validate(token) : null;
	event.locals.actor = result?.actor ?? null;
	event.locals.session = result?.session ?? null;
	if (token && !result) event.cookies.delete(name, options);
	return resolve(event);
};

/** One structured line per request; never the query string's secrets, nor a header's. */
export const logRequest: Handle = async ({ event, resolve }) => {
	const started = performance.now();
	const response = await resolve(event);
	backend().log.info({
		event: 'request',
		method: event.request.method,
		path: event.url.pathname,
		status: response.status,
		ms: Math.round(performance.now() - started),
		userId: event.locals.actor?.id
	});
	return response;
};

/** The headers CSP (svelte.config.js) does not cover, and a strict CSP for non-HTML answers. */
export const secureHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const set = (name: string, value: string) => {
		if (!response.headers.has(name)) response.headers.set(name, value);
	};
	try {
		set('x-content-type-options', 'nosniff');
		set('referrer-policy', 'same-origin');
		set('x-frame-options', 'DENY');
		set('permissions-policy', 'camera=(), microphone=(), geolocation=(), payment=()');
		set('cross-origin-opener-policy', 'same-origin');
		if (!(response.headers.get('content-type') ?? '').startsWith('text/html')) {
			set('content-security-policy', "default-src 'none'; frame-ancestors 'none'");
		}
	} catch {
		// Responses built from fetch() have immutable headers; they come from our own code paths only.
	}
	return response;
};

/**
 * SvelteKit answers a path that does not decode (400) and a method a route does not export
 * (405) itself, as a page or as text; on the API they take the API's error shape [W1].
 */
export const apiErrorShape: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const isJson = (response.headers.get('content-type') ?? '').startsWith('application/json');
	if (!event.url.pathname.startsWith('/api/') || isJson) return response;
	if (response.status === 400) return errorResponse(new AppError('bad_request', m.error_malformed_address()));
	if (response.status !== 405) return response;
	const allowed = response.headers.get('allow') ?? '';
	const refusal = errorResponse(new AppError('method_not_allowed', m.error_method_not_allowed({ method: event.request.method, allowed })));
	refusal.headers.set('allow', allowed);
	return refusal;
};
