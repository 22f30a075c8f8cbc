import type { Db } from '../database';

/** Each person's chosen interface language; null follows the browser. */
export function up(db: Db): void {
	db.exec('ALTER TABLE users ADD COLUMN locale TEXT');
}
