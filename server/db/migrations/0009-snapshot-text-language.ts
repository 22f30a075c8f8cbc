import type { Db } from '../database';

/**
 * The language a snapshot's text was written in when it was taken (SPEC.md [L6]): a strategy's
 * language may change later, and a version, its comparison and its export are marked with the
 * language of their own text. Snapshots taken before this knew none; they take their
 * strategy's language of now, the best there is.
 */
export function up(db: Db): void {
	db.exec(`
		ALTER TABLE snapshots ADD COLUMN text_language TEXT NOT NULL DEFAULT 'en'
			CHECK (text_language IN ('en', 'fr', 'de', 'sq', 'bs', 'hr', 'mk', 'sr-Latn', 'sr-Cyrl'));
		UPDATE snapshots SET text_language = (SELECT text_language FROM strategies WHERE strategies.id = snapshots.strategy_id);
	`);
}
