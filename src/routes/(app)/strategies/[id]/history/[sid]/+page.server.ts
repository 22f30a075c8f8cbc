import { redirect } from '@sveltejs/kit';
import { backend } from '$server/registry';
import { hasRole } from '$server/auth/policy';
import { strategyScope } from '$server/strategies';
import { documentToHTML } from '$server/document/render';
import { formFailure, orErrorPage, signedIn } from '$lib/server/access';
import { idParam } from '$lib/server/params';
import { m } from '$lib/paraglide/messages.js';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const actor = signedIn(event);
	return orErrorPage(() => {
		const { strategies, snapshots } = backend();
		const strategy = strategies.authorize(actor, 'read', event.params.id);
		const { snapshot, json } = snapshots.get(actor, strategy.id, idParam(event.params.sid, m.error_snapshot_not_found));
		return {
			strategy,
			snapshot,
			html: documentToHTML(json),
			mayRestore: hasRole(actor, 'restore', strategyScope(strategy).strategy) && strategy.status === 'draft'
		};
	});
};

export const actions: Actions = {
	restore: async (event) => {
		const actor = signedIn(event);
		try {
			await backend().snapshots.restore(actor, event.params.id, idParam(event.params.sid, m.error_snapshot_not_found));
		} catch (caught) {
			return formFailure(caught);
		}
		redirect(303, `/strategies/${event.params.id}?restored=${event.params.sid}`);
	}
};
