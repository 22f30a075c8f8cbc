import { redirect } from '@sveltejs/kit';
import { backend } from '$server/registry';
import { AppError } from '$server/errors';
import { formFailure, safeNext } from '$lib/server/access';
import { sessionCookie } from '$lib/server/guards';
import { formObject, signInForm } from '$lib/validation';
import { m } from '$lib/paraglide/messages.js';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.actor) redirect(303, safeNext(url.searchParams.get('next')));
	return { passwordSet: url.searchParams.has('password-set') };
};

export const actions: Actions = {
	/** `POST /login` from the form or a program: 303 and a new session cookie, or the page with the refusal [A1]–[A5]. */
	default: async (event) => {
		const fields = formObject(await event.request.formData());
		try {
			const parsed = signInForm.safeParse(fields);
			if (!parsed.success) throw new AppError('bad_request', parsed.error.issues[0]?.message ?? m.validation_enter_email());
			const { token } = await backend().signIn.attempt({
				email: parsed.data.email,
				password: parsed.data.password,
				clientAddress: event.getClientAddress(),
				userAgent: event.request.headers.get('user-agent')
			});
			const { name, options } = sessionCookie(event.url.protocol === 'https:');
			event.cookies.set(name, token, options);
		} catch (caught) {
			if (caught instanceof AppError && caught.code === 'too_many_attempts') {
				event.setHeaders({ 'retry-after': String(caught.details?.retryAfterSeconds ?? 900) });
			}
			return formFailure(caught, { email: fields.email ?? '' });
		}
		redirect(303, safeNext(event.url.searchParams.get('next')));
	}
};
