import { fail, redirect } from '@sveltejs/kit';
import { backend } from '$server/registry';
import { AppError } from '$server/errors';
import { formFailure } from '$lib/server/access';
import { formObject, setPasswordForm } from '$lib/validation';
import { m } from '$lib/paraglide/messages.js';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => {
	try {
		const user = backend().users.passwordLinkUser(params.token);
		return { valid: true as const, email: user.email, name: user.name };
	} catch (caught) {
		if (caught instanceof AppError) return { valid: false as const, message: caught.message };
		throw caught;
	}
};

export const actions: Actions = {
	default: async ({ request, params }) => {
		const parsed = setPasswordForm.safeParse(formObject(await request.formData()));
		if (!parsed.success) {
			const issue = parsed.error.issues[0];
			return fail(422, { field: String(issue?.path[0] ?? 'password'), message: issue?.message ?? m.validation_invalid_value() });
		}
		try {
			await backend().users.redeemPasswordLink(params.token, parsed.data.password);
		} catch (caught) {
			return formFailure(caught, { field: 'password' });
		}
		redirect(303, '/login?password-set');
	}
};
