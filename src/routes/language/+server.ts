import { error, redirect } from '@sveltejs/kit';
import { backend } from '$server/registry';
import { cookieName, isLocale } from '$lib/paraglide/runtime.js';
import { safeNext } from '$lib/server/access';
import { localeCookie } from '$lib/server/locale';
import { m } from '$lib/paraglide/messages.js';
import type { RequestHandler } from './$types';

/** The language switcher's form: saves the choice for the person (if signed in) and in the cookie, then goes back. */
export const POST: RequestHandler = async ({ request, locals, cookies, url }) => {
	const form = await request.formData();
	const locale = form.get('locale');
	if (!isLocale(locale)) error(422, m.validation_locale());
	if (locals.actor) backend().users.setLocale(locals.actor.id, locale);
	cookies.set(cookieName, locale, localeCookie(url.protocol === 'https:'));
	const next = form.get('next');
	redirect(303, typeof next === 'string' ? safeNext(next) : '/strategies');
};
