import { error, fail } from '@sveltejs/kit';
import { backend } from '$server/registry';
import { AppError } from '$server/errors';
import { administrator, formFailure } from '$lib/server/access';
import { formObject, grantForm } from '$lib/validation';
import { m } from '$lib/paraglide/messages.js';
import type { Actions, PageServerLoad } from './$types';

function userId(param: string): number {
	const id = Number(param);
	if (!Number.isSafeInteger(id) || id <= 0) error(404, m.error_user_not_found());
	return id;
}

export const load: PageServerLoad = (event) => {
	administrator(event);
	const { users, sessions, programme } = backend();
	try {
		const user = users.get(userId(event.params.id));
		return {
			user: {
				...user,
				grants: user.grants.map((grant) => ({ ...grant, label: programme.describe(grant) }))
			},
			sessions: sessions.listActive().filter((session) => session.userId === user.id),
			delegations: programme.delegations(),
			modules: programme.modules()
		};
	} catch (caught) {
		if (caught instanceof AppError) error(caught.status, caught.message);
		throw caught;
	}
};

/** Every action re-checks the administrator itself: a layout's guard does not cover form actions. */
export const actions: Actions = {
	grant: async (event) => {
		const actor = administrator(event);
		const parsed = grantForm.safeParse(formObject(await event.request.formData()));
		if (!parsed.success) return fail(422, { message: parsed.error.issues[0]?.message ?? m.validation_choose_role() });
		try {
			backend().users.grant(userId(event.params.id), parsed.data, actor.id);
			return { done: m.role_granted() };
		} catch (caught) {
			return formFailure(caught);
		}
	},
	revoke: async (event) => {
		const actor = administrator(event);
		const parsed = grantForm.safeParse(formObject(await event.request.formData()));
		if (!parsed.success) return fail(422, { message: m.validation_choose_role() });
		try {
			backend().users.revoke(userId(event.params.id), parsed.data, actor.id);
			return { done: m.role_removed() };
		} catch (caught) {
			return formFailure(caught);
		}
	},
	deactivate: async (event) => {
		const actor = administrator(event);
		try {
			backend().users.setActive(userId(event.params.id), false, actor.id);
			return { done: m.account_deactivated() };
		} catch (caught) {
			return formFailure(caught);
		}
	},
	reactivate: async (event) => {
		const actor = administrator(event);
		try {
			backend().users.setActive(userId(event.params.id), true, actor.id);
			return { done: m.account_reactivated() };
		} catch (caught) {
			return formFailure(caught);
		}
	},
	link: async (event) => {
		const actor = administrator(event);
		try {
			const { token } = backend().users.createPasswordLink(userId(event.params.id), actor.id);
			return { link: `${event.url.origin}/set-password/${token}` };
		} catch (caught) {
			return formFailure(caught);
		}
	},
	endSessions: async (event) => {
		const actor = administrator(event);
		const id = userId(event.params.id);
		const ended = backend().sessions.endAllFor(id);
		backend().audit.record({ userId: actor.id, action: 'sessions-ended', details: { userId: id, ended } });
		return { done: m.sessions_ended({ count: ended }) };
	}
};
