import type { Db } from './db/database';
import { can, type Actor } from './auth/policy';
import { AppError } from './errors';
import { DELEGATION_CODES, type AuditAction } from '../src/lib/vocabulary';
import { m } from '../src/lib/paraglide/messages.js';
import type { SnapshotKind } from './snapshots';

export interface AuditFilter {
	strategyId?: string;
	userId?: number;
	action?: string;
	/** Inclusive bounds, milliseconds since the epoch. */
	from?: number;
	to?: number;
}

export interface AuditRecord {
	id: number;
	at: string;
	user: { id: number; name: string; email: string } | null;
	action: string;
	strategyId?: string;
	details: Record<string, unknown>;
}

/**
 * Whom and which versions the details of some entries name, so that a page can call them by
 * name: people by e-mail address and by id, snapshots by `<strategyId>/<snapshotId>`.
 */
export interface AuditReferences {
	peopleByEmail: Record<string, string>;
	peopleById: Record<number, string>;
	versions: Record<string, { name: string; kind: SnapshotKind }>;
}

/** Rows a page or the JSON API shows at most: filters narrow a long record down, nobody pages through it. The CSV has them all. */
export const AUDIT_PAGE = 5_000;

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
	private readonly people;
	private readonly versions;

	constructor(private readonly db: Db) {
		this.insert = db.prepare(
			'INSERT INTO audit_log (at, user_id, action, strategy_id, details) VALUES (?, ?, ?, ?, ?)'
		);
		this.people = db.prepare(
			'SELECT id, email, name FROM users WHERE email IN (SELECT value FROM json_each(?)) OR id IN (SELECT value FROM json_each(?))'
		);
		// A snapshot is named only within its entry's own strategy, which the reader may read.
		this.versions = db.prepare(
			`SELECT snapshots.id, snapshots.strategy_id, snapshots.name, snapshots.kind FROM json_each(?) AS wanted
			 JOIN snapshots ON snapshots.id = json_extract(wanted.value, '$.id') AND snapshots.strategy_id = json_extract(wanted.value, '$.strategyId')`
		);
	}

	/**
	 * The record, newest first, as far as the actor may read it (SPEC.md [P8]): admins see
	 * everything, a head of delegation the rows about their delegation's strategies.
	 */
	list(actor: Actor, filter: AuditFilter = {}, { whole = false } = {}): AuditRecord[] {
		const all = can(actor, 'read-audit', { kind: 'programme' });
		const delegations = DELEGATION_CODES.filter((code) => can(actor, 'read-audit', { kind: 'delegation', delegation: code }));
		if (!all && delegations.length === 0) throw new AppError('forbidden', m.error_audit_forbidden());
		const where: string[] = [];
		const values: (string | number)[] = [];
		if (!all) {
			where.push(`audit_log.strategy_id IN (SELECT id FROM strategies WHERE delegation_code IN (${delegations.map(() => '?').join(',')}))`);
			values.push(...delegations);
		}
		const add = (clause: string, value: string | number | undefined) => {
			if (value === undefined || value === '') return;
			where.push(clause);
			values.push(value);
		};
		add('audit_log.strategy_id = ?', filter.strategyId);
		add('audit_log.user_id = ?', filter.userId);
		add('audit_log.action = ?', filter.action);
		add('audit_log.at >= ?', filter.from);
		add('audit_log.at <= ?', filter.to);
		const rows = this.db
			.prepare(
				`SELECT audit_log.*, users.name AS user_name, users.email AS user_email FROM audit_log
				 LEFT JOIN users ON users.id = audit_log.user_id
				 ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY audit_log.id DESC LIMIT ?`
			)
			// SQLite reads a negative LIMIT as none.
			.all(...values, whole ? -1 : AUDIT_PAGE) as {
			id: number;
			at: number;
			user_id: number | null;
			user_name: string | null;
			user_email: string | null;
			action: string;
			strategy_id: string | null;
			details: string;
		}[];
		return rows.map((row) => ({
			id: row.id,
			at: new Date(row.at).toISOString(),
			user: row.user_id === null ? null : { id: row.user_id, name: row.user_name!, email: row.user_email! },
			action: row.action,
			...(row.strategy_id && { strategyId: row.strategy_id }),
			details: JSON.parse(row.details) as Record<string, unknown>
		}));
	}

	/**
	 * The names behind the ids in these entries' details: the person an entry concerns
	 * (`user`, an e-mail address; `userId`) and the versions it names (`snapshotId`,
	 * `preRestoreId`). Only what the entries name is looked up, so the reader learns no more
	 * than the rows they may read already say.
	 */
	references(records: AuditRecord[]): AuditReferences {
		const emails = new Set<string>();
		const ids = new Set<number>();
		const versions = new Map<string, { id: number; strategyId: string }>();
		for (const { details, strategyId } of records) {
			if (typeof details.user === 'string') emails.add(details.user);
			if (typeof details.userId === 'number') ids.add(details.userId);
			for (const id of [details.snapshotId, details.preRestoreId]) {
				if (strategyId && typeof id === 'number') versions.set(`${strategyId}/${id}`, { id, strategyId });
			}
		}
		const people = this.people.all(JSON.stringify([...emails]), JSON.stringify([...ids])) as { id: number; email: string; name: string }[];
		const named = this.versions.all(JSON.stringify([...versions.values()])) as { id: number; strategy_id: string; name: string; kind: SnapshotKind }[];
		return {
			peopleByEmail: Object.fromEntries(people.map((person) => [person.email, person.name])),
			peopleById: Object.fromEntries(people.map((person) => [person.id, person.name])),
			versions: Object.fromEntries(named.map((version) => [`${version.strategy_id}/${version.id}`, { name: version.name, kind: version.kind }]))
		};
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
