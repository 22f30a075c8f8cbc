import { hasRole, type Actor } from '../auth/policy';
import { strategyScope, type Strategy } from '../strategies';
import { presenceColour, type PresenceUser } from '../../src/lib/collab/protocol';
import type { Role } from '../../src/lib/vocabulary';

/** The role that gives a person access to this strategy, strongest first. */
const PRECEDENCE: Role[] = ['head', 'author', 'expert', 'observer', 'admin'];

/** Who a connection is, as everyone else in the room sees it: set by the server from the session [S5]. */
export function presenceOf(actor: Actor, strategy: Strategy): PresenceUser {
	const scope = strategyScope(strategy).strategy;
	const role =
		PRECEDENCE.find((candidate) => actor.grants.some((grant) => grant.role === candidate) && hasRole({ ...actor, grants: actor.grants.filter((grant) => grant.role === candidate) }, 'read', scope)) ??
		'observer';
	return {
		name: actor.name,
		color: presenceColour(actor.id),
		role,
		editor: hasRole(actor, 'edit', scope)
	};
}
