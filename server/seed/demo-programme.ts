import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import type { Backend } from '../backend';
import type { Grant } from '../auth/policy';
import { hashPassword, verifyPassword } from '../auth/password';
import { documentFromJSON } from '../document/render';
import { strategyOutline } from './outlines';
import { BENCHMARKS } from './benchmarks';
import type { DelegationCode, ModuleCode } from '../../src/lib/vocabulary';

/**
 * The reference case of DESIGN.md: the CARDS regional programme on asylum, migration and
 * visa matters, its five delegations, three modules and fifteen national strategies, and
 * one demo account per role.
 */

export const PROGRAMME_TITLE =
	'Establishment of EU compatible legal, regulatory and institutional frameworks in the fields of asylum, migration and visa matters (CARDS regional programme 2002/2003)';

export const DELEGATIONS: { code: DelegationCode; name: string; head: string; author: string }[] = [
	{ code: 'al', name: 'Albania', head: 'Arben Hoxha', author: 'Elira Dervishi' },
	{ code: 'ba', name: 'Bosnia and Herzegovina', head: 'Emir Hadžić', author: 'Amra Kovačević' },
	{ code: 'hr', name: 'Croatia', head: 'Ivana Horvat', author: 'Marko Babić' },
	{ code: 'cs', name: 'Serbia and Montenegro', head: 'Dragan Petrović', author: 'Jelena Marković' },
	{ code: 'mk', name: 'North Macedonia', head: 'Zoran Stojanovski', author: 'Marija Trajkovska' }
];

export const MODULES: { code: ModuleCode; name: string; partner: string; expert: string }[] = [
	{ code: 'migration', name: 'Migration', partner: 'IOM', expert: 'Sophie Laurent' },
	{ code: 'asylum', name: 'Asylum', partner: 'UNHCR', expert: 'Thomas Keller' },
	{ code: 'visa', name: 'Visa', partner: 'ICMPD', expert: 'Katarina Weiss' }
];

export function strategyTitle(module: string, delegation: string): string {
	return `National EU Alignment Strategy — ${module} (${delegation})`;
}

interface DemoAccount {
	email: string;
	name: string;
	grant: Grant;
}

export function demoAccounts(): DemoAccount[] {
	return [
		{ email: 'admin@demo.local', name: 'Ingrid Bauer', grant: { role: 'admin', delegation: null, module: null } },
		...DELEGATIONS.flatMap((delegation): DemoAccount[] => [
			{
				email: `head.${delegation.code}@demo.local`,
				name: delegation.head,
				grant: { role: 'head', delegation: delegation.code, module: null }
			},
			{
				email: `author.${delegation.code}@demo.local`,
				name: delegation.author,
				grant: { role: 'author', delegation: delegation.code, module: null }
			}
		]),
		...MODULES.map(
			(module): DemoAccount => ({
				email: `expert.${module.code}@demo.local`,
				name: module.expert,
				grant: { role: 'expert', delegation: null, module: module.code }
			})
		),
		{ email: 'observer@demo.local', name: 'Pieter de Vries', grant: { role: 'observer', delegation: null, module: null } }
	];
}

/** 80 random bits in four groups, easy to type from a terminal: `abcd-efgh-ijkl-mnop`. */
function generatePassword(): string {
	const chars = encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(10)));
	return chars.match(/.{4}/g)!.join('-');
}

/**
 * Seeds the demo programme into an empty database. On a database
 * that has it, only makes the demo accounts accept `DEMO_PASSWORD` when one is given, so
 * the documented password always works; documents that exist are never written again.
 */
export async function seedDemoProgramme(backend: Backend): Promise<void> {
	const { db, log, config } = backend;
	// A database with a programme or any account is not empty: an install whose first admin came
	// from the command line never receives demo accounts.
	const seeded = db.prepare('SELECT 1 FROM programme UNION ALL SELECT 1 FROM users LIMIT 1').get() !== undefined;
	if (seeded) {
		if (config.demoPassword) await ensureDemoPasswords(backend, config.demoPassword);
		seedCatalogue(backend);
		return;
	}

	const password = config.demoPassword ?? generatePassword();
	const accounts = demoAccounts();
	const hashes = await Promise.all(accounts.map(() => hashPassword(password)));
	const documents = DELEGATIONS.flatMap((delegation) =>
		MODULES.map((module) => ({
			id: `${delegation.code}-${module.code}`,
			delegation,
			module,
			doc: documentFromJSON(strategyOutline(delegation.code, module.code))
		}))
	);

	db.transaction(() => {
		const now = Date.now();
		db.prepare('INSERT INTO programme (id, title) VALUES (1, ?)').run(PROGRAMME_TITLE);
		for (const delegation of DELEGATIONS) {
			db.prepare('INSERT INTO delegations (code, name) VALUES (?, ?)').run(delegation.code, delegation.name);
		}
		for (const module of MODULES) {
			db.prepare('INSERT INTO modules (code, name, partner) VALUES (?, ?, ?)').run(module.code, module.name, module.partner);
		}
		for (const { id, delegation, module, doc } of documents) {
			db.prepare(
				'INSERT INTO strategies (id, delegation_code, module, title, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)'
			).run(id, delegation.code, module.code, strategyTitle(module.name, delegation.name), now, now);
			backend.documents.create(id, doc);
		}
		accounts.forEach((account, index) => {
			const userId = Number(
				db
					.prepare('INSERT INTO users (email, name, password_hash, created_at) VALUES (?, ?, ?, ?)')
					.run(account.email, account.name, hashes[index], now).lastInsertRowid
			);
			db.prepare('INSERT INTO grants (user_id, role, delegation_code, module, created_at) VALUES (?, ?, ?, ?, ?)').run(
				userId,
				account.grant.role,
				account.grant.delegation,
				account.grant.module,
				now
			);
		});
	})();

	seedCatalogue(backend);
	log.info({ event: 'demo-seeded', strategies: documents.length, accounts: accounts.length });
	if (!config.demoPassword) {
		// Printed once, on purpose outside the structured log: it is for the person starting the app.
		process.stdout.write(
			`\nDemo programme seeded. Every demo account (admin@demo.local, head.al@demo.local, …) has the password:\n\n    ${password}\n\nIt is not shown again; set DEMO_PASSWORD to choose your own.\n\n`
		);
	}
}

/** The regional benchmark catalogue, into a demo database that has none yet (one seeded before it existed too). */
function seedCatalogue(backend: Backend): void {
	if (backend.db.prepare('SELECT 1 FROM benchmarks LIMIT 1').get()) return;
	if (!backend.db.prepare('SELECT 1 FROM programme').get()) return;
	backend.db.transaction(() => {
		for (const benchmark of BENCHMARKS) backend.benchmarks.create(benchmark, null);
	})();
}

async function ensureDemoPasswords(backend: Backend, password: string): Promise<void> {
	for (const account of demoAccounts()) {
		const user = backend.users.findForSignIn(account.email);
		if (user && !(await verifyPassword(user.passwordHash, password))) {
			backend.db.prepare('UPDATE users SET password_hash = ? WHERE id = ?').run(await hashPassword(password), user.id);
		}
	}
}
