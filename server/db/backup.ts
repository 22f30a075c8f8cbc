import fs from 'node:fs';
import Database from 'better-sqlite3';

/**
 * A consistent copy of the database while the app runs: SQLite's online backup reads pages
 * through its own connection, so writers go on and the copy is one moment of the database.
 */
export async function backupDatabase(databasePath: string, destination: string): Promise<void> {
	if (!fs.existsSync(databasePath)) throw new Error(`There is no database at ${databasePath}.`);
	if (fs.existsSync(destination)) throw new Error(`${destination} exists already; choose a new file name.`);
	const db = new Database(databasePath, { fileMustExist: true });
	try {
		await db.backup(destination);
	} finally {
		db.close();
	}
}

/**
 * Brings a backup back as the database. Refuses while anything else holds the database (stop
 * the app first) and keeps the replaced files beside it, so a restore can be undone by hand.
 * Returns where the replaced database went, if there was one.
 */
export async function restoreDatabase(databasePath: string, backup: string): Promise<string | null> {
	if (!fs.existsSync(backup)) throw new Error(`There is no backup at ${backup}.`);
	const source = new Database(backup, { readonly: true, fileMustExist: true });
	try {
		const isOurs = source.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
		if (!isOurs) throw new Error(`${backup} is not an Acquis Studio database.`);
		if (source.pragma('integrity_check', { simple: true }) !== 'ok') throw new Error(`${backup} is damaged.`);

		let keptAs: string | null = null;
		if (fs.existsSync(databasePath)) {
			const current = new Database(databasePath);
			try {
				current.pragma('busy_timeout = 0');
				// In WAL mode every open connection keeps a shared lock, so an exclusive-mode lock
				// fails at once while the app (or anyone) has the database open, even idle.
				current.pragma('locking_mode = EXCLUSIVE');
				current.exec('BEGIN EXCLUSIVE; COMMIT;');
				current.pragma('wal_checkpoint(TRUNCATE)');
			} catch {
				throw new Error('The database is in use. Stop Acquis Studio, then restore.');
			} finally {
				current.close();
			}
			keptAs = `${databasePath}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
			fs.renameSync(databasePath, keptAs);
			for (const suffix of ['-wal', '-shm']) if (fs.existsSync(databasePath + suffix)) fs.rmSync(databasePath + suffix);
		}
		await source.backup(databasePath);
		return keptAs;
	} finally {
		source.close();
	}
}
