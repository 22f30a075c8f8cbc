import { createHash } from 'node:crypto';
import * as Y from 'yjs';
import type { Db } from '../db/database';

/** A strategy's text as stored: the folded state and the updates appended since. */
export interface StoredDocument {
	doc: Y.Doc;
	/** The folded state as stored: when the log is empty, exactly the document as one update. */
	state: Uint8Array;
	/** The last appended update's number; the next append uses the one after. */
	lastSeq: number;
	logCount: number;
	logBytes: number;
}

/** A folded state with no log after it, whose bytes are exactly what the server wrote. */
export interface FoldedState {
	state: Uint8Array;
	stateVector: Uint8Array;
}

function digest(state: Uint8Array): Buffer {
	return createHash('sha256').update(state).digest();
}

export interface AppendedUpdate {
	strategyId: string;
	seq: number;
	update: Uint8Array;
}

/**
 * Where each strategy's text lives: a folded Yjs state plus a log of the updates accepted
 * since (SPEC.md [D4]–[D6]). A document is created once, by the server, from the seed outline;
 * it is never created again from anyone's content [D1].
 */
export class DocumentStore {
	private readonly selectState;
	private readonly insertState;
	private readonly selectLog;
	private readonly insertUpdate;
	private readonly replaceState;
	private readonly deleteLog;
	private readonly markEdited;
	private readonly selectFolded;

	constructor(private readonly db: Db) {
		this.selectState = db.prepare('SELECT state FROM strategy_documents WHERE strategy_id = ?').pluck();
		this.insertState = db.prepare(
			'INSERT INTO strategy_documents (strategy_id, state, state_digest, state_vector, updated_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING'
		);
		this.selectLog = db.prepare('SELECT seq, data FROM strategy_updates WHERE strategy_id = ? ORDER BY seq');
		this.insertUpdate = db.prepare('INSERT INTO strategy_updates (strategy_id, seq, data) VALUES (?, ?, ?)');
		this.replaceState = db.prepare(
			'UPDATE strategy_documents SET state = ?, state_digest = ?, state_vector = ?, updated_at = ? WHERE strategy_id = ?'
		);
		this.deleteLog = db.prepare('DELETE FROM strategy_updates WHERE strategy_id = ? AND seq <= ?');
		this.markEdited = db.prepare('UPDATE strategies SET updated_at = ? WHERE id = ?');
		this.selectFolded = db.prepare(
			`SELECT state, state_digest AS digest, state_vector AS stateVector FROM strategy_documents
			 WHERE strategy_id = ? AND NOT EXISTS (SELECT 1 FROM strategy_updates WHERE strategy_id = strategy_documents.strategy_id)`
		);
	}

	/** Stores a first state for a strategy that has none; returns false (and writes nothing) when one exists. */
	create(strategyId: string, doc: Y.Doc): boolean {
		const state = Y.encodeStateAsUpdate(doc);
		return this.insertState.run(strategyId, state, digest(state), Y.encodeStateVector(doc), Date.now()).changes === 1;
	}

	/**
	 * The stored text without loading it, when it can be trusted unloaded: folded, with nothing
	 * logged after it, and byte for byte the state the server encoded from a loaded document
	 * (its digest matches). Anything else is null, and must be loaded (and so checked) first [D7].
	 */
	folded(strategyId: string): FoldedState | null {
		const row = this.selectFolded.get(strategyId) as { state: Uint8Array; digest: Uint8Array | null; stateVector: Uint8Array | null } | undefined;
		if (!row?.digest || !row.stateVector || !digest(row.state).equals(row.digest)) return null;
		return { state: row.state, stateVector: row.stateVector };
	}

	/**
	 * The stored text: the folded state with every logged update applied in order, or null
	 * when the strategy has no document. Throws when the stored bytes cannot be read, so that
	 * nobody ever edits (and stores over) a document that failed to load.
	 */
	load(strategyId: string): StoredDocument | null {
		const state = this.selectState.get(strategyId) as Uint8Array | undefined;
		if (!state) return null;
		const doc = new Y.Doc({ gc: true });
		let lastSeq = 0;
		let logBytes = 0;
		let logCount = 0;
		doc.transact(() => {
			Y.applyUpdate(doc, state);
			for (const row of this.selectLog.iterate(strategyId) as IterableIterator<{ seq: number; data: Uint8Array }>) {
				Y.applyUpdate(doc, row.data);
				lastSeq = row.seq;
				logBytes += row.data.byteLength;
				logCount += 1;
			}
		});
		return { doc, state, lastSeq, logCount, logBytes };
	}

	/**
	 * Appends updates of any strategies in one transaction, with each strategy's time of last
	 * edit (the overview's "last change"): all are stored, or none (and it throws). One commit, so one fsync, per batch.
	 */
	append(updates: readonly AppendedUpdate[]): void {
		const now = Date.now();
		this.db.transaction(() => {
			for (const { strategyId, seq, update } of updates) this.insertUpdate.run(strategyId, seq, update);
			for (const strategyId of new Set(updates.map((update) => update.strategyId))) this.markEdited.run(now, strategyId);
		})();
	}

	/**
	 * Folds the log into one state: `doc` must hold exactly the stored state and every update
	 * up to `throughSeq`. One transaction; a failure leaves state and log as they were.
	 * Returns the stored state.
	 */
	compact(strategyId: string, doc: Y.Doc, throughSeq: number): Uint8Array {
		const state = Y.encodeStateAsUpdate(doc);
		this.db.transaction(() => {
			this.replaceState.run(state, digest(state), Y.encodeStateVector(doc), Date.now(), strategyId);
			this.deleteLog.run(strategyId, throughSeq);
		})();
		return state;
	}
}
