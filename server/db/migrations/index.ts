import type { Db } from '../database';
import * as foundation from './0001-foundation';
import * as userLocale from './0002-user-locale';
import * as updateLog from './0003-update-log';

export interface Migration {
	name: string;
	up(db: Db): void;
}

/** In order of application; never edit one that has shipped, add the next instead. */
export const migrations: Migration[] = [
	{ name: '0001-foundation', up: foundation.up },
	{ name: '0002-user-locale', up: userLocale.up },
	{ name: '0003-update-log', up: updateLog.up }
];
