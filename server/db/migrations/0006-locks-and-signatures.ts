import type { Db } from '../database';

/**
 * Locking for signing and the signatures. A signature is a record: the database refuses to
 * delete one or change anything in it but the flag that marks it superseded by an unlock.
 */
export function up(db: Db): void {
	db.exec(`
		ALTER TABLE strategies ADD COLUMN locked_by INTEGER REFERENCES users(id);
		ALTER TABLE strategies ADD COLUMN locked_at INTEGER;
		ALTER TABLE strategies ADD COLUMN lock_snapshot_id INTEGER REFERENCES snapshots(id);

		CREATE TABLE signatures (
			id INTEGER PRIMARY KEY,
			strategy_id TEXT NOT NULL REFERENCES strategies(id),
			user_id INTEGER NOT NULL REFERENCES users(id),
			snapshot_id INTEGER NOT NULL REFERENCES snapshots(id),
			content_hash TEXT NOT NULL,
			statement TEXT,
			signed_at INTEGER NOT NULL,
			superseded INTEGER NOT NULL DEFAULT 0 CHECK (superseded IN (0, 1)),
			UNIQUE (snapshot_id, user_id)
		);
		CREATE INDEX signatures_by_strategy ON signatures (strategy_id, signed_at);
		CREATE TRIGGER signatures_no_delete BEFORE DELETE ON signatures
			BEGIN SELECT RAISE(ABORT, 'signatures are kept for good'); END;
		CREATE TRIGGER signatures_only_superseded BEFORE UPDATE ON signatures
			WHEN NEW.strategy_id IS NOT OLD.strategy_id OR NEW.user_id IS NOT OLD.user_id OR NEW.snapshot_id IS NOT OLD.snapshot_id
				OR NEW.content_hash IS NOT OLD.content_hash OR NEW.statement IS NOT OLD.statement OR NEW.signed_at IS NOT OLD.signed_at
				OR (OLD.superseded = 1 AND NEW.superseded = 0)
			BEGIN SELECT RAISE(ABORT, 'a signature can only be marked superseded'); END;
	`);
}
