import type { Db } from '../database';

/**
 * The benchmark catalogue, annotations linking passages to benchmarks, and comment threads.
 * Annotations and comments hold their passage twice: as Yjs relative positions (which follow
 * the text) and as a W3C TextQuoteSelector (to re-anchor by, and to export).
 */
export function up(db: Db): void {
	db.exec(`
		CREATE TABLE benchmarks (
			id INTEGER PRIMARY KEY,
			code TEXT NOT NULL UNIQUE,
			module TEXT NOT NULL REFERENCES modules(code),
			title TEXT NOT NULL,
			instrument TEXT NOT NULL,
			celex TEXT,
			aligned TEXT NOT NULL DEFAULT '',
			indicators TEXT NOT NULL DEFAULT '[]',
			retired INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
			created_at INTEGER NOT NULL,
			updated_at INTEGER NOT NULL
		);

		CREATE TABLE annotations (
			id INTEGER PRIMARY KEY,
			strategy_id TEXT NOT NULL REFERENCES strategies(id),
			benchmark_id INTEGER NOT NULL REFERENCES benchmarks(id),
			assessment TEXT NOT NULL CHECK (assessment IN ('aligned', 'partial', 'gap', 'planned')),
			note TEXT NOT NULL DEFAULT '',
			anchor_start BLOB,
			anchor_end BLOB,
			quote_exact TEXT NOT NULL,
			quote_prefix TEXT NOT NULL DEFAULT '',
			quote_suffix TEXT NOT NULL DEFAULT '',
			orphaned INTEGER NOT NULL DEFAULT 0 CHECK (orphaned IN (0, 1)),
			created_by INTEGER NOT NULL REFERENCES users(id),
			created_at INTEGER NOT NULL,
			updated_at INTEGER NOT NULL
		);
		CREATE INDEX annotations_by_strategy ON annotations (strategy_id);
		CREATE INDEX annotations_by_benchmark ON annotations (benchmark_id);

		-- A thread is a comment without a parent; replies point at it.
		CREATE TABLE comments (
			id INTEGER PRIMARY KEY,
			strategy_id TEXT NOT NULL REFERENCES strategies(id),
			thread_id INTEGER REFERENCES comments(id),
			body TEXT NOT NULL,
			anchor_start BLOB,
			anchor_end BLOB,
			quote_exact TEXT,
			quote_prefix TEXT,
			quote_suffix TEXT,
			orphaned INTEGER NOT NULL DEFAULT 0 CHECK (orphaned IN (0, 1)),
			resolved INTEGER NOT NULL DEFAULT 0 CHECK (resolved IN (0, 1)),
			author_id INTEGER NOT NULL REFERENCES users(id),
			created_at INTEGER NOT NULL,
			edited_at INTEGER,
			deleted_at INTEGER
		);
		CREATE INDEX comments_by_strategy ON comments (strategy_id, thread_id);

		CREATE TABLE comment_mentions (
			comment_id INTEGER NOT NULL REFERENCES comments(id),
			user_id INTEGER NOT NULL REFERENCES users(id),
			PRIMARY KEY (comment_id, user_id)
		) WITHOUT ROWID;
	`);
}
