import { describe, expect, it } from 'vitest';
import { can, type Actor, type Grant, type StrategyAction, type StrategyScope } from '../../server/auth/policy';
import type { StrategyStatus } from '../../src/lib/vocabulary';

const actor = (...grants: Grant[]): Actor => ({ id: 1, email: 'x@example.org', name: 'X', locale: null, grants });
const strategy = (status: StrategyStatus = 'draft'): { kind: 'strategy'; strategy: StrategyScope } => ({
	kind: 'strategy',
	strategy: { delegation: 'al', module: 'asylum', status }
});

const admin = actor({ role: 'admin', delegation: null, module: null });
const author = actor({ role: 'author', delegation: 'al', module: null });
const otherAuthor = actor({ role: 'author', delegation: 'hr', module: null });
const head = actor({ role: 'head', delegation: 'al', module: null });
const otherHead = actor({ role: 'head', delegation: 'mk', module: null });
const expert = actor({ role: 'expert', delegation: null, module: 'asylum' });
const otherExpert = actor({ role: 'expert', delegation: null, module: 'visa' });
const observer = actor({ role: 'observer', delegation: null, module: null });
const delegationObserver = actor({ role: 'observer', delegation: 'al', module: null });
const otherModuleObserver = actor({ role: 'observer', delegation: null, module: 'migration' });
const nobody = actor();

const ALL: StrategyAction[] = ['read', 'edit', 'comment', 'annotate', 'snapshot', 'restore', 'import', 'lock', 'unlock', 'sign'];
const allowed = (who: Actor, status: StrategyStatus = 'draft') => ALL.filter((action) => can(who, action, strategy(status)));

describe('policy: who may do what to a strategy (Albania, Asylum)', () => {
	it('[P1] readers are exactly its delegation, its module’s experts, covering observers and admins', () => {
		for (const who of [admin, author, head, expert, observer, delegationObserver]) expect(can(who, 'read', strategy())).toBe(true);
		for (const who of [otherAuthor, otherHead, otherExpert, otherModuleObserver, nobody]) expect(can(who, 'read', strategy())).toBe(false);
	});

	it('[P2] an author of the delegation edits, comments, annotates, snapshots, restores and imports a draft', () => {
		expect(allowed(author)).toEqual(['read', 'edit', 'comment', 'annotate', 'snapshot', 'restore', 'import']);
	});

	it('[P3] an expert of the module reads, comments and annotates, and never changes the text', () => {
		expect(allowed(expert)).toEqual(['read', 'comment', 'annotate']);
	});

	it('[P4] observers and admins only read a strategy', () => {
		for (const who of [observer, delegationObserver, admin]) expect(allowed(who)).toEqual(['read']);
	});

	it('[P5] nobody changes the text of a locked or signed strategy; comments go on', () => {
		for (const status of ['locked', 'signed'] as const) {
			for (const who of [author, head, expert]) {
				for (const action of ['edit', 'restore', 'import'] as const) expect(can(who, action, strategy(status))).toBe(false);
				expect(can(who, 'comment', strategy(status))).toBe(true);
			}
		}
	});

	it('[P7] only the head of the delegation locks a draft, and signs and unlocks a locked text', () => {
		expect(allowed(head)).toEqual(['read', 'edit', 'comment', 'annotate', 'snapshot', 'restore', 'import', 'lock']);
		expect(allowed(head, 'locked')).toEqual(['read', 'comment', 'annotate', 'snapshot', 'unlock', 'sign']);
		for (const who of [author, otherHead, expert, admin]) {
			for (const action of ['lock', 'unlock', 'sign'] as const) {
				expect(can(who, action, strategy('draft'))).toBe(false);
				expect(can(who, action, strategy('locked'))).toBe(false);
			}
		}
	});

	it('[P1] several grants add up: an author of one delegation and expert of a module', () => {
		const both = actor({ role: 'author', delegation: 'hr', module: null }, { role: 'expert', delegation: null, module: 'asylum' });
		expect(allowed(both)).toEqual(['read', 'comment', 'annotate']);
	});
});

describe('policy: the programme', () => {
	it('[P6] only admins manage users and the benchmark catalogue', () => {
		expect(can(admin, 'manage-users', { kind: 'programme' })).toBe(true);
		expect(can(admin, 'manage-catalogue', { kind: 'programme' })).toBe(true);
		for (const who of [author, head, expert, observer]) {
			expect(can(who, 'manage-users', { kind: 'programme' })).toBe(false);
			expect(can(who, 'manage-catalogue', { kind: 'programme' })).toBe(false);
		}
	});

	it('[P8] the audit record of a delegation is for admins and that delegation’s head', () => {
		const albania = { kind: 'delegation', delegation: 'al' } as const;
		expect(can(admin, 'read-audit', albania)).toBe(true);
		expect(can(head, 'read-audit', albania)).toBe(true);
		for (const who of [otherHead, author, expert, observer]) expect(can(who, 'read-audit', albania)).toBe(false);
	});
});
