import { error } from '@sveltejs/kit';
import { backend } from '$server/registry';
import { orErrorPage, signedIn } from '$lib/server/access';
import { idParam } from '$lib/server/params';
import { m } from '$lib/paraglide/messages.js';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const actor = signedIn(event);
	const version = (name: 'from' | 'to') => {
		const value = event.url.searchParams.get(name);
		if (value === 'current') return 'current' as const;
		if (!value) error(400, m.error_version_required());
		return idParam(value, m.error_snapshot_not_found);
	};
	return orErrorPage(() => {
		const { strategies, snapshots } = backend();
		const strategy = strategies.authorize(actor, 'read', event.params.id);
		const from = version('from');
		const to = version('to');
		const describe = (which: number | 'current') => (which === 'current' ? null : snapshots.get(actor, strategy.id, which).snapshot);
		return { strategy, from: describe(from), to: describe(to), diff: snapshots.diff(actor, strategy.id, from, to) };
	});
};
