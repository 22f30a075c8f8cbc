import { hasRole, type Actor } from '../auth/policy';
import { strategyScope, type Strategy } from '../strategies';
import type { PresenceUser } from '../../src/lib/collab/protocol';
import type { Role } from '../../src/lib/vocabulary';

/** Caret and avatar colours, each dark enough for white text at 4.5:1 or more. */
const COLOURS = ['#b42318', '#0b5394', '#1e7b34', '#8e24aa', '#b54708', '#0e7490', '#c11574', '#4338ca', '#7a5a00', '#9f1239', '#155e75', '#5b21b6'];

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
		color: COLOURS[actor.id % COLOURS.length]!,
		role,
		editor: hasRole(actor, 'edit', scope)
	};
}
