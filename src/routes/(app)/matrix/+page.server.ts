import { backend } from '$server/registry';
import { signedIn } from '$lib/server/access';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const actor = signedIn(event);
	const { coverage, strategies } = backend();
	return {
		matrix: coverage.matrix(actor),
		strategies: strategies.readableBy(actor).map(({ id, delegation, module }) => ({ id, delegation: delegation.code, module }))
	};
};
