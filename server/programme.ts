import type { Db } from './db/database';
import type { Grant } from './auth/policy';
import { grantLabel } from '../src/lib/i18n/names';
import type { DelegationCode, ModuleCode } from '../src/lib/vocabulary';

export interface Delegation {
	code: DelegationCode;
	name: string;
}

export interface Module {
	code: ModuleCode;
	name: string;
	partner: string;
}

/** The regional programme: its title, its delegations and its modules. */
export class Programme {
	constructor(private readonly db: Db) {}

	title(): string | null {
		return (this.db.prepare('SELECT title FROM programme').pluck().get() as string | undefined) ?? null;
	}

	delegations(): Delegation[] {
		return this.db.prepare('SELECT code, name FROM delegations ORDER BY name').all() as Delegation[];
	}

	modules(): Module[] {
		// The programme's own order: Migration, Asylum, Visa.
		return this.db
			.prepare(`SELECT code, name, partner FROM modules ORDER BY CASE code WHEN 'migration' THEN 1 WHEN 'asylum' THEN 2 ELSE 3 END`)
			.all() as Module[];
	}

	/** A grant in the reader's language: "Head of delegation · Albania", "Expert · Asylum (UNHCR)". */
	describe(grant: Grant): string {
		return grantLabel(grant, grant.module ? this.modules().find((module) => module.code === grant.module)?.partner : undefined);
	}
}
