import { fail } from '@sveltejs/kit';
import { backend } from '$server/registry';
import { hasRole } from '$server/auth/policy';
import { strategyScope } from '$server/strategies';
import { formFailure, orErrorPage, signedIn } from '$lib/server/access';
import { formObject, newSnapshot } from '$lib/validation';
import { m } from '$lib/paraglide/messages.js';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const actor = signedIn(event);
	return orErrorPage(() => {
		const { strategies, snapshots } = backend();
		const strategy = strategies.authorize(actor, 'read', event.params.id);
		const scope = strategyScope(strategy).strategy;
		return {
			strategy,
			snapshots: snapshots.list(actor, strategy.id),
			maySnapshot: hasRole(actor, 'snapshot', scope),
			mayRestore: hasRole(actor, 'restore', scope) && strategy.status === 'draft'
		};
	});
};

export const actions: Actions = {
	take: async (event) => {
		const actor = signedIn(event);
		const form = formObject(await event.request.formData());
		const parsed = newSnapshot.safeParse(form);
		if (!parsed.success) return fail(422, { message: parsed.error.issues[0]?.message ?? m.validation_snapshot_name() });
		try {
			const snapshot = backend().snapshots.take(actor, event.params.id, parsed.data.name);
			return { done: m.snapshot_taken({ name: snapshot.name }) };
		} catch (caught) {
			return formFailure(caught);
		}
	}
};
