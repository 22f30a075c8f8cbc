import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export type Db = Database.Database;

/**
 * How long a write waits for another connection's lock (the admin CLI) before failing.
 * Writes are synchronous, so the whole process waits with them: keep it short. A write that
 * fails on a longer lock is kept in memory and retried with backoff by the collaboration
 * hub, without holding anyone else up (SPEC.md [D6]).
 */
export const BUSY_TIMEOUT_MS = 250;

/**
 * Opens the one connection a process uses.
 *
 * WAL lets readers (a backup, the admin CLI) run beside the app's writes. `synchronous=FULL`
 * fsyncs the WAL at every commit: the promise is that an edit another client has seen
 * survives not only a killed process (NORMAL would do) but a power cut of the host too.
 * Group commit in the collaboration hub keeps the cost of that fsync per batch, not per keystroke.
 */
export function openDatabase(file: string): Db {
	if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
	const db = new Database(file);
	db.pragma('journal_mode = WAL');
	db.pragma('synchronous = FULL');
	db.pragma('foreign_keys = ON');
	db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
	return db;
}
