import type { Db } from '../database';
import * as foundation from './0001-foundation';
import * as userLocale from './0002-user-locale';
import * as updateLog from './0003-update-log';
import * as benchmarksAnnotationsComments from './0004-benchmarks-annotations-comments';
import * as snapshots from './0005-snapshots';
import * as locksAndSignatures from './0006-locks-and-signatures';
import * as foldedStateCheck from './0007-folded-state-check';
import * as strategyTextLanguage from './0008-strategy-text-language';
import * as snapshotTextLanguage from './0009-snapshot-text-language';

export interface Migration {
	name: string;
	up(db: Db): void;
}

/** In order of application; never edit one that has shipped, add the next instead. */
export const migrations: Migration[] = [
	{ name: '0001-foundation', up: foundation.up },
	{ name: '0002-user-locale', up: userLocale.up },
	{ name: '0003-update-log', up: updateLog.up },
	{ name: '0004-benchmarks-annotations-comments', up: benchmarksAnnotationsComments.up },
	{ name: '0005-snapshots', up: snapshots.up },
	{ name: '0006-locks-and-signatures', up: locksAndSignatures.up },
	{ name: '0007-folded-state-check', up: foldedStateCheck.up },
	{ name: '0008-strategy-text-language', up: strategyTextLanguage.up },
	{ name: '0009-snapshot-text-language', up: snapshotTextLanguage.up }
];
