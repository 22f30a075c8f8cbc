import type { Db } from '../database';

/** Named and automatic versions of a strategy's text; never deleted automatically. */
export function up(db: Db): void {
	db.exec(`
		CREATE TABLE snapshots (
			id INTEGER PRIMARY KEY,
			strategy_id TEXT NOT NULL REFERENCES strategies(id),
			name TEXT NOT NULL,
			kind TEXT NOT NULL CHECK (kind IN ('manual', 'auto', 'pre-restore', 'lock')),
			state BLOB NOT NULL,
			rendering TEXT NOT NULL,
			rendering_hash TEXT NOT NULL,
			content_hash TEXT NOT NULL,
			created_by INTEGER REFERENCES users(id),
			created_at INTEGER NOT NULL
		);
		CREATE INDEX snapshots_by_strategy ON snapshots (strategy_id, id);
	`);
}
