import { backend } from '$server/registry';
import { signedIn } from '$lib/server/access';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const actor = signedIn(event);
	const { strategies, programme } = backend();
	const readable = strategies.readableBy(actor);
	const modules = programme.modules();
	const delegations = programme
		.delegations()
		.map((delegation) => ({
			...delegation,
			strategies: modules.flatMap((module) => {
				const strategy = readable.find((s) => s.delegation.code === delegation.code && s.module === module.code);
				return strategy ? [{ ...strategy, partner: module.partner }] : [];
			})
		}))
		.filter((delegation) => delegation.strategies.length > 0);
	return { programmeTitle: programme.title(), delegations };
};
