import type { Db } from './db/database';
import type { Grant } from './auth/policy';
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

const ROLE_NAMES = {
	admin: 'Administrator',
	author: 'Author',
	head: 'Head of delegation',
	expert: 'Expert',
	observer: 'Observer'
} as const;

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

	/** A grant in words: "Head of delegation · Albania", "Expert · Asylum (UNHCR)". */
	describe(grant: Grant): string {
		const role = ROLE_NAMES[grant.role];
		const scope = [
			grant.delegation && this.delegations().find((d) => d.code === grant.delegation)?.name,
			grant.module &&
				(() => {
					const module = this.modules().find((m) => m.code === grant.module);
					return module && `${module.name} (${module.partner})`;
				})()
		].filter(Boolean);
		if (grant.role === 'observer' && scope.length === 0) return `${role} · whole programme`;
		return scope.length ? `${role} · ${scope.join(', ')}` : role;
	}
}
