import type { Db } from '../database';

/**
 * What the server knows of a folded state it wrote itself: its SHA-256 digest and its Yjs
 * state vector. A state whose bytes still match the digest was encoded from a loaded document,
 * so it can be served before the room has loaded it again (SPEC.md [D7]); states stored before
 * this migration have neither and are loaded first, until their next fold.
 */
export function up(db: Db): void {
	db.exec(`
		ALTER TABLE strategy_documents ADD COLUMN state_digest BLOB;
		ALTER TABLE strategy_documents ADD COLUMN state_vector BLOB;
	`);
}
