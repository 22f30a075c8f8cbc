/**
 * The fixed words of the programme, shared by the browser and the back end. The database
 * enforces the same lists in its CHECK constraints, all but the audit actions, which only
 * the server writes.
 */

export const MODULES = ['migration', 'asylum', 'visa'] as const;
export type ModuleCode = (typeof MODULES)[number];

export const DELEGATION_CODES = ['al', 'ba', 'hr', 'cs', 'mk'] as const;
export type DelegationCode = (typeof DELEGATION_CODES)[number];

export const ROLES = ['admin', 'author', 'head', 'expert', 'observer'] as const;
export type Role = (typeof ROLES)[number];

export const STRATEGY_STATUSES = ['draft', 'locked', 'signed'] as const;
export type StrategyStatus = (typeof STRATEGY_STATUSES)[number];

/**
 * The languages a strategy's text may be written in, as BCP 47 tags (SPEC.md [L6]): the
 * programme's own and the EU's working languages, named in the reader's language by
 * `languageName` (src/lib/i18n/names.ts).
 */
export const TEXT_LANGUAGES = ['en', 'fr', 'de', 'sq', 'bs', 'hr', 'mk', 'sr-Latn', 'sr-Cyrl'] as const;
export type TextLanguage = (typeof TEXT_LANGUAGES)[number];

/** How far a passage is from a benchmark, always shown with its word (never colour alone). */
export const ASSESSMENTS = ['aligned', 'partial', 'gap', 'planned'] as const;
export type Assessment = (typeof ASSESSMENTS)[number];

/**
 * What the audit record says was done: the server records only these, and the audit page
 * names each in the reader's language. Codes already in the record never change meaning.
 */
export const AUDIT_ACTIONS = [
	'sign-in',
	'sign-in-failed',
	'sign-in-throttled',
	'sign-out',
	'user-created',
	'user-deactivated',
	'user-reactivated',
	'password-set',
	'password-link-created',
	'role-granted',
	'role-revoked',
	'sessions-ended',
	'benchmark-created',
	'benchmark-updated',
	'benchmark-retired',
	'benchmark-restored',
	'snapshot-taken',
	'snapshot-restored',
	'document-imported',
	'strategy-locked',
	'strategy-signed',
	'strategy-unlocked',
	'text-language-changed',
	'socket-write-refused'
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
