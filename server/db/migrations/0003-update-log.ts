import type { Db } from '../database';

/**
 * The log of accepted updates per strategy, appended before anyone else sees an update and
 * folded into `strategy_documents.state` by compaction. Clustered on (strategy, seq) so that
 * appending and replaying touch one b-tree and no separate index.
 */
export function up(db: Db): void {
	db.exec(`
		CREATE TABLE strategy_updates (
			strategy_id TEXT NOT NULL REFERENCES strategies(id),
			seq INTEGER NOT NULL,
			data BLOB NOT NULL,
			PRIMARY KEY (strategy_id, seq)
		) WITHOUT ROWID;
	`);
}
