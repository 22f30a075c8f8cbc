import { backend } from '$server/registry';
import { can } from '$server/auth/policy';
import { DELEGATION_CODES } from '$lib/vocabulary';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => {
	const actor = locals.actor;
	if (!actor) return { user: null };
	const programme = backend().programme;
	return {
		user: {
			id: actor.id,
			name: actor.name,
			email: actor.email,
			roles: actor.grants.map((grant) => programme.describe(grant)),
			isAdmin: can(actor, 'manage-users', { kind: 'programme' }),
			mayReadAudit: DELEGATION_CODES.some((delegation) => can(actor, 'read-audit', { kind: 'delegation', delegation }))
		}
	};
};
