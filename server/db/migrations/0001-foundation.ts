import type { Db } from '../database';

/** The programme, its people and their roles, sessions, strategies with their documents, and the audit record. */
export function up(db: Db): void {
	db.exec(`
		CREATE TABLE programme (
			id INTEGER PRIMARY KEY CHECK (id = 1),
			title TEXT NOT NULL
		);

		CREATE TABLE delegations (
			code TEXT PRIMARY KEY CHECK (code GLOB '[a-z][a-z]'),
			name TEXT NOT NULL
		);

		CREATE TABLE modules (
			code TEXT PRIMARY KEY CHECK (code IN ('migration', 'asylum', 'visa')),
			name TEXT NOT NULL,
			partner TEXT NOT NULL
		);

		CREATE TABLE users (
			id INTEGER PRIMARY KEY,
			email TEXT NOT NULL UNIQUE COLLATE NOCASE,
			name TEXT NOT NULL,
			password_hash TEXT,
			active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
			created_at INTEGER NOT NULL
		);

		-- A grant is one row of the roles table in DESIGN.md: a role within its scope.
		CREATE TABLE grants (
			id INTEGER PRIMARY KEY,
			user_id INTEGER NOT NULL REFERENCES users(id),
			role TEXT NOT NULL CHECK (role IN ('admin', 'author', 'head', 'expert', 'observer')),
			delegation_code TEXT REFERENCES delegations(code),
			module TEXT REFERENCES modules(code),
			created_at INTEGER NOT NULL,
			CHECK (
				(role = 'admin' AND delegation_code IS NULL AND module IS NULL) OR
				(role IN ('author', 'head') AND delegation_code IS NOT NULL AND module IS NULL) OR
				(role = 'expert' AND delegation_code IS NULL AND module IS NOT NULL) OR
				(role = 'observer' AND (delegation_code IS NULL OR module IS NULL))
			)
		);
		CREATE UNIQUE INDEX grants_once ON grants (user_id, role, ifnull(delegation_code, ''), ifnull(module, ''));

		-- Only the SHA-256 of a session's secret is stored: a copy of the database opens no session.
		CREATE TABLE sessions (
			id TEXT PRIMARY KEY,
			user_id INTEGER NOT NULL REFERENCES users(id),
			secret_hash BLOB NOT NULL,
			created_at INTEGER NOT NULL,
			last_seen_at INTEGER NOT NULL,
			client_address TEXT,
			user_agent TEXT
		);
		CREATE INDEX sessions_by_user ON sessions (user_id);

		CREATE TABLE password_links (
			id TEXT PRIMARY KEY,
			user_id INTEGER NOT NULL REFERENCES users(id),
			secret_hash BLOB NOT NULL,
			created_at INTEGER NOT NULL,
			expires_at INTEGER NOT NULL,
			used_at INTEGER
		);

		CREATE TABLE strategies (
			id TEXT PRIMARY KEY,
			delegation_code TEXT NOT NULL REFERENCES delegations(code),
			module TEXT NOT NULL REFERENCES modules(code),
			title TEXT NOT NULL,
			status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'locked', 'signed')),
			created_at INTEGER NOT NULL,
			updated_at INTEGER NOT NULL,
			UNIQUE (delegation_code, module)
		);

		-- The folded Yjs state of each strategy's text.
		CREATE TABLE strategy_documents (
			strategy_id TEXT PRIMARY KEY REFERENCES strategies(id),
			state BLOB NOT NULL,
			updated_at INTEGER NOT NULL
		);

		CREATE TABLE audit_log (
			id INTEGER PRIMARY KEY,
			at INTEGER NOT NULL,
			user_id INTEGER REFERENCES users(id),
			action TEXT NOT NULL,
			strategy_id TEXT REFERENCES strategies(id),
			details TEXT NOT NULL DEFAULT '{}'
		);
		CREATE INDEX audit_by_time ON audit_log (at);
		CREATE INDEX audit_by_strategy ON audit_log (strategy_id, at);
		CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
			BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
		CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
			BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
	`);
}
