import type { Db } from './db/database';

/** What the audit record knows how to say; the list grows with the capabilities that write it. */
export type AuditAction =
	| 'sign-in'
	| 'sign-in-failed'
	| 'sign-in-throttled'
	| 'sign-out'
	| 'user-created'
	| 'user-deactivated'
	| 'user-reactivated'
	| 'password-set'
	| 'password-link-created'
	| 'role-granted'
	| 'role-revoked'
	| 'sessions-ended'
	| 'benchmark-created'
	| 'benchmark-updated'
	| 'benchmark-retired'
	| 'benchmark-restored'
	| 'snapshot-taken'
	| 'snapshot-restored';

export interface AuditEntry {
	userId: number | null;
	action: AuditAction;
	strategyId?: string | null;
	details?: Record<string, unknown>;
}

/**
 * The append-only record of who did what. The database itself refuses UPDATE and DELETE on
 * the table (triggers in the first migration), so not even a bug here can rewrite history.
 */
export class Audit {
	private readonly insert;

	constructor(db: Db) {
		this.insert = db.prepare(
			'INSERT INTO audit_log (at, user_id, action, strategy_id, details) VALUES (?, ?, ?, ?, ?)'
		);
	}

	record(entry: AuditEntry): void {
		this.insert.run(
			Date.now(),
			entry.userId,
			entry.action,
			entry.strategyId ?? null,
			JSON.stringify(entry.details ?? {})
		);
	}
}
