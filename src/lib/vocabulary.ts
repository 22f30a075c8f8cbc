/**
 * The fixed words of the programme, shared by the browser and the back end. The database
 * enforces the same lists in its CHECK constraints.
 */

export const MODULES = ['migration', 'asylum', 'visa'] as const;
export type ModuleCode = (typeof MODULES)[number];

export const DELEGATION_CODES = ['al', 'ba', 'hr', 'cs', 'mk'] as const;
export type DelegationCode = (typeof DELEGATION_CODES)[number];

export const ROLES = ['admin', 'author', 'head', 'expert', 'observer'] as const;
export type Role = (typeof ROLES)[number];

export const STRATEGY_STATUSES = ['draft', 'locked', 'signed'] as const;
export type StrategyStatus = (typeof STRATEGY_STATUSES)[number];

/** How far a passage is from a benchmark, always shown with its word (never colour alone). */
export const ASSESSMENTS = ['aligned', 'partial', 'gap', 'planned'] as const;
export type Assessment = (typeof ASSESSMENTS)[number];
