import type { Db } from '../database';

/**
 * The language a strategy's text is written in (SPEC.md [L6]), as a BCP 47 tag from
 * `TEXT_LANGUAGES`: pages mark the text with it, so a screen reader reads Albanian as Albanian.
 * Every strategy written so far was written in English.
 */
export function up(db: Db): void {
	db.exec(`
		ALTER TABLE strategies ADD COLUMN text_language TEXT NOT NULL DEFAULT 'en'
			CHECK (text_language IN ('en', 'fr', 'de', 'sq', 'bs', 'hr', 'mk', 'sr-Latn', 'sr-Cyrl'));
	`);
}
