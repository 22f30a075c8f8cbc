import { fail } from '@sveltejs/kit';
import { backend } from '$server/registry';
import { administrator } from '$lib/server/access';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages.js';

export const load: PageServerLoad = (event) => {
	administrator(event);
	return { sessions: backend().sessions.listActive(), currentSessionId: event.locals.session?.id };
};

export const actions: Actions = {
	end: async (event) => {
		const actor = administrator(event);
		const id = (await event.request.formData()).get('id');
		if (typeof id !== 'string' || id === '') return fail(422, { message: m.validation_choose_session() });
		const { sessions, users, audit } = backend();
		const owner = sessions.end(id);
		if (owner === undefined) return fail(404, { message: m.error_session_gone() });
		audit.record({ userId: actor.id, action: 'sessions-ended', details: { sessionId: id, user: users.get(owner).email } });
		return { done: m.session_ended() };
	}
};
