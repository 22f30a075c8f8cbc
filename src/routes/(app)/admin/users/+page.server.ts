import { fail } from '@sveltejs/kit';
import { backend } from '$server/registry';
import { administrator, formFailure } from '$lib/server/access';
import { formObject, grantForm, newUserForm } from '$lib/validation';
import { m } from '$lib/paraglide/messages.js';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	administrator(event);
	const { users, programme } = backend();
	return {
		users: users.list().map((user) => ({
			id: user.id,
			email: user.email,
			name: user.name,
			active: user.active,
			hasPassword: user.hasPassword,
			roles: user.grants.map((grant) => programme.describe(grant))
		})),
		delegations: programme.delegations(),
		modules: programme.modules()
	};
};

export const actions: Actions = {
	create: async (event) => {
		const actor = administrator(event);
		const form = formObject(await event.request.formData());
		const values = { email: form.email ?? '', name: form.name ?? '' };
		const person = newUserForm.safeParse(form);
		if (!person.success) return fail(422, { ...values, message: person.error.issues[0]?.message ?? m.validation_invalid_value() });
		const role = form.role ? grantForm.safeParse(form) : null;
		if (role && !role.success) return fail(422, { ...values, message: role.error.issues[0]?.message ?? m.validation_choose_role() });
		try {
			const { users } = backend();
			const user = await users.create(person.data, actor.id);
			if (role?.success) users.grant(user.id, role.data, actor.id);
			const link = users.createPasswordLink(user.id, actor.id);
			return { created: { id: user.id, email: user.email, link: `${event.url.origin}/set-password/${link.token}` } };
		} catch (caught) {
			return formFailure(caught, values);
		}
	}
};
