import type { Db } from './db/database';
import type { Audit } from './audit';
import type { EventBus } from './events';
import type { Strategies } from './strategies';
import type { Snapshots, SnapshotSummary } from './snapshots';
import type { Actor } from './auth/policy';
import type { SignIn } from './auth/sign-in';
import { AppError } from './errors';
import { m } from '../src/lib/paraglide/messages.js';

export interface Signature {
	user: { email: string; name: string };
	signedAt: string;
	contentHash: string;
	statement?: string;
	/** The strategy was unlocked after this signature: it signed a version that is no longer the text. */
	superseded: boolean;
	snapshotId: number;
}

export interface Lock {
	by: { id: number; name: string; email: string };
	at: string;
	snapshotId: number;
	/** SHA-256 of the canonical text of the locked version (SPEC.md [V3]). */
	contentHash: string;
	name: string;
}

interface SignatureRow {
	user_name: string;
	user_email: string;
	signed_at: number;
	content_hash: string;
	statement: string | null;
	superseded: 0 | 1;
	snapshot_id: number;
}

/**
 * Locking for signing, signing and unlocking (SPEC.md [G1]–[G4]): the moment a head of
 * delegation makes a text final. Each asks for the password again; each writes the audit
 * record; each changes who may write, at once, for every open connection.
 */
export class Signing {
	constructor(
		private readonly db: Db,
		private readonly strategies: Strategies,
		private readonly snapshots: Snapshots,
		private readonly signIn: SignIn,
		private readonly audit: Audit,
		private readonly bus: EventBus
	) {}

	/** The current lock of a strategy, or null for a draft. */
	lockOf(strategyId: string): Lock | null {
		const row = this.db
			.prepare(
				`SELECT strategies.locked_at, strategies.lock_snapshot_id, users.id, users.name, users.email, snapshots.content_hash, snapshots.name AS snapshot_name
				 FROM strategies JOIN users ON users.id = strategies.locked_by JOIN snapshots ON snapshots.id = strategies.lock_snapshot_id
				 WHERE strategies.id = ? AND strategies.status <> 'draft'`
			)
			.get(strategyId) as
			| { locked_at: number; lock_snapshot_id: number; id: number; name: string; email: string; content_hash: string; snapshot_name: string }
			| undefined;
		if (!row) return null;
		return {
			by: { id: row.id, name: row.name, email: row.email },
			at: new Date(row.locked_at).toISOString(),
			snapshotId: row.lock_snapshot_id,
			contentHash: row.content_hash,
			name: row.snapshot_name
		};
	}

	/** Every signature ever given to the strategy, oldest first, superseded ones included [G3]. */
	signaturesOf(strategyId: string): Signature[] {
		return (
			this.db
				.prepare(
					`SELECT users.name AS user_name, users.email AS user_email, signatures.signed_at, signatures.content_hash,
						signatures.statement, signatures.superseded, signatures.snapshot_id
					 FROM signatures JOIN users ON users.id = signatures.user_id WHERE strategy_id = ? ORDER BY signatures.signed_at, signatures.id`
				)
				.all(strategyId) as SignatureRow[]
		).map((row) => ({
			user: { email: row.user_email, name: row.user_name },
			signedAt: new Date(row.signed_at).toISOString(),
			contentHash: row.content_hash,
			...(row.statement && { statement: row.statement }),
			superseded: row.superseded === 1,
			snapshotId: row.snapshot_id
		}));
	}

	/**
	 * The lock, read inside the transaction that acts on it: the password check before it
	 * waits, and another request may have unlocked the strategy meanwhile.
	 */
	private lockNow(strategyId: string): Lock {
		const lock = this.lockOf(strategyId);
		if (!lock) throw new AppError('not_locked', m.error_strategy_not_locked());
		return lock;
	}

	private changed(strategyId: string): void {
		const status = this.strategies.find(strategyId)!.status;
		this.bus.emit('strategy-status-changed', strategyId);
		this.bus.emit('strategy-event', strategyId, { type: 'status', status });
	}

	/**
	 * Locks a draft for signing [G1]: a `lock` snapshot fixes the version and its content hash,
	 * the status becomes `locked`, and every live connection becomes read-only at once.
	 */
	async lock(actor: Actor, strategyId: string, input: { password?: string; name?: string }, clientAddress: string): Promise<Lock> {
		const strategy = this.strategies.authorize(actor, 'lock', strategyId);
		await this.signIn.confirm(actor, input.password, clientAddress);
		let snapshot: SnapshotSummary | undefined;
		this.db.transaction(() => {
			// The status is checked again inside the transaction: two heads locking at once lock once.
			if (this.strategies.find(strategy.id)!.status !== 'draft') throw new AppError('strategy_locked', m.error_strategy_already_locked());
			snapshot = this.snapshots.takeForLock(actor, strategy.id, input.name?.trim() || 'Locked for signing');
			this.db
				.prepare("UPDATE strategies SET status = 'locked', locked_by = ?, locked_at = ?, lock_snapshot_id = ? WHERE id = ?")
				.run(actor.id, Date.now(), snapshot.id, strategy.id);
			this.audit.record({ userId: actor.id, action: 'strategy-locked', strategyId: strategy.id, details: { snapshotId: snapshot.id, contentHash: snapshot.contentHash } });
		})();
		this.changed(strategy.id);
		return this.lockOf(strategy.id)!;
	}

	/** Signs the locked version [G2]: a signature with the content hash; the status becomes `signed`. */
	async sign(actor: Actor, strategyId: string, input: { password?: string; statement?: string }, clientAddress: string): Promise<Signature> {
		const strategy = this.strategies.authorize(actor, 'sign', strategyId);
		await this.signIn.confirm(actor, input.password, clientAddress);
		let lock!: Lock;
		this.db.transaction(() => {
			lock = this.lockNow(strategy.id);
			const already = this.db.prepare('SELECT 1 FROM signatures WHERE snapshot_id = ? AND user_id = ?').get(lock.snapshotId, actor.id);
			if (already) throw new AppError('conflict', m.error_already_signed());
			this.db
				.prepare('INSERT INTO signatures (strategy_id, user_id, snapshot_id, content_hash, statement, signed_at) VALUES (?, ?, ?, ?, ?, ?)')
				.run(strategy.id, actor.id, lock.snapshotId, lock.contentHash, input.statement?.trim() || null, Date.now());
			this.db.prepare("UPDATE strategies SET status = 'signed' WHERE id = ?").run(strategy.id);
			this.audit.record({ userId: actor.id, action: 'strategy-signed', strategyId: strategy.id, details: { contentHash: lock.contentHash, snapshotId: lock.snapshotId } });
		})();
		this.changed(strategy.id);
		return this.signaturesOf(strategy.id).at(-1)!;
	}

	/**
	 * Unlocks [G3]: needs the head, a reason (422 without one) and the password. The status
	 * returns to `draft`; signatures of the locked version stay on record, marked superseded.
	 */
	async unlock(actor: Actor, strategyId: string, input: { password?: string; reason?: string }, clientAddress: string): Promise<void> {
		const strategy = this.strategies.authorize(actor, 'unlock', strategyId);
		await this.signIn.confirm(actor, input.password, clientAddress);
		const reason = input.reason?.trim();
		if (!reason) throw new AppError('invalid', m.error_unlock_reason());
		this.db.transaction(() => {
			const lock = this.lockNow(strategy.id);
			this.db.prepare('UPDATE signatures SET superseded = 1 WHERE strategy_id = ? AND superseded = 0').run(strategy.id);
			this.db.prepare("UPDATE strategies SET status = 'draft', locked_by = NULL, locked_at = NULL, lock_snapshot_id = NULL WHERE id = ?").run(strategy.id);
			this.audit.record({ userId: actor.id, action: 'strategy-unlocked', strategyId: strategy.id, details: { reason, snapshotId: lock.snapshotId } });
		})();
		this.changed(strategy.id);
	}
}
