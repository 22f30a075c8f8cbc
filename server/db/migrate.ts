import { Umzug, type UmzugStorage } from 'umzug';
import type { Db } from './database';
import { migrations } from './migrations';

/** Applied migrations are recorded by name; `user_version` mirrors their count for quick inspection. */
function sqliteStorage(db: Db): UmzugStorage<Db> {
	db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
		name TEXT PRIMARY KEY,
		applied_at INTEGER NOT NULL
	)`);
	return {
		async logMigration({ name }) {
			db.prepare('INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)').run(name, Date.now());
		},
		async unlogMigration() {
			throw new Error('migrations are forward-only');
		},
		async executed() {
			return db
				.prepare('SELECT name FROM schema_migrations ORDER BY name')
				.pluck()
				.all() as string[];
		}
	};
}

/**
 * Brings the schema up to date, forward only, all pending migrations in one transaction:
 * a failure leaves the database exactly as it was. Returns the schema version.
 *
 * Umzug orders the migrations and records them; the transaction is ours because Umzug's
 * steps are asynchronous while every statement inside them runs synchronously on `db`,
 * which nothing else uses while the process starts.
 */
export async function migrate(db: Db): Promise<number> {
	const umzug = new Umzug<Db>({
		migrations: migrations.map((migration) => ({
			name: migration.name,
			up: async ({ context }) => migration.up(context)
		})),
		context: db,
		storage: sqliteStorage(db),
		logger: undefined
	});
	db.exec('BEGIN IMMEDIATE');
	try {
		await umzug.up();
		const version = (await umzug.executed()).length;
		db.pragma(`user_version = ${version}`);
		db.exec('COMMIT');
		return version;
	} catch (error) {
		db.exec('ROLLBACK');
		throw error;
	}
}
