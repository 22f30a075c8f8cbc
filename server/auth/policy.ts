import type { DelegationCode, ModuleCode, Role, StrategyStatus } from '../../src/lib/vocabulary';
import type { Locale } from '../../src/lib/paraglide/runtime.js';

/**
 * Who may do what: the one place that decides (SPEC.md [P1]–[P9]). Pages, the JSON API and
 * the live socket all ask `can`; the interface only hides what this already refuses.
 */

/** One role within its scope; an observer's scope is a delegation, a module, or (both null) the programme. */
export interface Grant {
	role: Role;
	delegation: DelegationCode | null;
	module: ModuleCode | null;
}

/** A signed-in, active person and every grant they hold. */
export interface Actor {
	id: number;
	email: string;
	name: string;
	/** The interface language they chose, or null to follow their browser. */
	locale: Locale | null;
	grants: Grant[];
}

export interface StrategyScope {
	delegation: DelegationCode;
	module: ModuleCode;
	status: StrategyStatus;
}

export type StrategyAction =
	| 'read'
	| 'edit'
	| 'comment'
	| 'annotate'
	| 'snapshot'
	| 'restore'
	| 'import'
	| 'lock'
	| 'unlock'
	| 'sign';

export type ProgrammeAction = 'manage-users' | 'manage-catalogue' | 'read-audit';

export type Resource =
	| { kind: 'strategy'; strategy: StrategyScope }
	| { kind: 'programme' }
	/** The audit record of one delegation, which its head may read. */
	| { kind: 'delegation'; delegation: DelegationCode };

/** What the members of a delegation may do to its strategies (authors; heads add lock, unlock, sign). */
const MEMBER_ACTIONS: ReadonlySet<StrategyAction> = new Set(['read', 'edit', 'comment', 'annotate', 'snapshot', 'restore', 'import']);
const HEAD_ACTIONS: ReadonlySet<StrategyAction> = new Set([...MEMBER_ACTIONS, 'lock', 'unlock', 'sign']);
/** Experts discuss and assess; they never change the text [P3]. */
const EXPERT_ACTIONS: ReadonlySet<StrategyAction> = new Set(['read', 'comment', 'annotate']);

/** Actions that change the text, and so need a draft [P5]. */
const TEXT_CHANGES: ReadonlySet<StrategyAction> = new Set(['edit', 'restore', 'import']);

function statusAllows(action: StrategyAction, status: StrategyStatus): boolean {
	if (TEXT_CHANGES.has(action)) return status === 'draft';
	if (action === 'lock') return status === 'draft';
	if (action === 'unlock' || action === 'sign') return status !== 'draft';
	return true;
}

function grantAllows(grant: Grant, action: StrategyAction, strategy: StrategyScope): boolean {
	switch (grant.role) {
		case 'admin':
			return action === 'read';
		case 'author':
			return grant.delegation === strategy.delegation && MEMBER_ACTIONS.has(action);
		case 'head':
			return grant.delegation === strategy.delegation && HEAD_ACTIONS.has(action);
		case 'expert':
			return grant.module === strategy.module && EXPERT_ACTIONS.has(action);
		case 'observer':
			return (
				action === 'read' &&
				(grant.delegation === null || grant.delegation === strategy.delegation) &&
				(grant.module === null || grant.module === strategy.module)
			);
	}
}

/** Whether the actor holds a grant that would allow the action if the strategy were a draft. */
export function hasRole(actor: Actor, action: StrategyAction, strategy: StrategyScope): boolean {
	return actor.grants.some((grant) => grantAllows(grant, action, strategy));
}

export function can(actor: Actor, action: StrategyAction, resource: { kind: 'strategy'; strategy: StrategyScope }): boolean;
export function can(actor: Actor, action: ProgrammeAction, resource: { kind: 'programme' } | { kind: 'delegation'; delegation: DelegationCode }): boolean;
export function can(actor: Actor, action: StrategyAction | ProgrammeAction, resource: Resource): boolean {
	const isAdmin = actor.grants.some((grant) => grant.role === 'admin');
	switch (resource.kind) {
		case 'strategy':
			return statusAllows(action as StrategyAction, resource.strategy.status) && hasRole(actor, action as StrategyAction, resource.strategy);
		case 'programme':
			return isAdmin;
		case 'delegation':
			return (
				action === 'read-audit' &&
				(isAdmin || actor.grants.some((grant) => grant.role === 'head' && grant.delegation === resource.delegation))
			);
	}
}
