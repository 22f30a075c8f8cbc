import type { Db } from '../database';
import * as foundation from './0001-foundation';

export interface Migration {
	name: string;
	up(db: Db): void;
}

/** In order of application; never edit one that has shipped, add the next instead. */
export const migrations: Migration[] = [{ name: '0001-foundation', up: foundation.up }];
