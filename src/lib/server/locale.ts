import type { Handle } from '@sveltejs/kit';
import { paraglideMiddleware } from '$lib/paraglide/server.js';
import { cookieName, cookieMaxAge, defineCustomServerStrategy, type Locale } from '$lib/paraglide/runtime.js';
import { localeFromAcceptLanguage } from '$lib/i18n/browser-language';

/** The saved language of the person behind each request, for Paraglide's `custom-user` strategy. */
const savedLocales = new WeakMap<Request, Locale>();

defineCustomServerStrategy('custom-user', {
	getLocale: (request) => (request ? savedLocales.get(request) : undefined)
});

defineCustomServerStrategy('custom-browser', {
	getLocale: (request) => localeFromAcceptLanguage(request?.headers.get('accept-language') ?? null)
});

/** Cookie options of the language cookie: readable by the page's script, which renders with it too. */
export function localeCookie(secure: boolean) {
	return { path: '/', httpOnly: false, sameSite: 'lax' as const, secure, maxAge: cookieMaxAge };
}

/**
 * Chooses the language of each request (SPEC.md [L1]): the person's saved choice, else the
 * language cookie, else the browser's Accept-Language, else English; the API listens to
 * Accept-Language alone [L3]. Pages then keep the cookie equal to that choice, so the
 * browser renders in the same language as the server did.
 */
export const localize: Handle = ({ event, resolve }) => {
	const saved = event.locals.actor?.locale;
	if (saved) savedLocales.set(event.request, saved);
	return paraglideMiddleware(event.request, ({ locale }) => {
		if (!event.url.pathname.startsWith('/api/') && event.cookies.get(cookieName) !== locale) {
			event.cookies.set(cookieName, locale, localeCookie(event.url.protocol === 'https:'));
		}
		return resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%lang%', locale)
		});
	});
};
