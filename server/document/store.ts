import * as Y from 'yjs';
import type { Db } from '../db/database';

/**
 * Where each strategy's text lives: its Yjs state in SQLite. A document is created once,
 * by the server, from the seed outline; it is never created again from anyone's content.
 */
export class DocumentStore {
	private readonly selectState;
	private readonly insertState;

	constructor(private readonly db: Db) {
		this.selectState = db.prepare('SELECT state FROM strategy_documents WHERE strategy_id = ?').pluck();
		this.insertState = db.prepare(
			'INSERT INTO strategy_documents (strategy_id, state, updated_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING'
		);
	}

	/** Stores a first state for a strategy that has none; returns false (and writes nothing) when one exists. */
	create(strategyId: string, doc: Y.Doc): boolean {
		return this.insertState.run(strategyId, Y.encodeStateAsUpdate(doc), Date.now()).changes === 1;
	}

	/** The stored text as a fresh Y.Doc, or null when the strategy has no document. */
	load(strategyId: string): Y.Doc | null {
		const state = this.selectState.get(strategyId) as Uint8Array | undefined;
		if (!state) return null;
		const doc = new Y.Doc();
		Y.applyUpdate(doc, state);
		return doc;
	}
}
