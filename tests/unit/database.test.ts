import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { documentToJSON } from '../../server/document/render';
import { migrations } from '../../server/db/migrations';
import { openDatabase } from '../../server/db/database';
import { testBackend } from '../helpers/backend';
import { tempDatabasePath } from '../helpers/server';

describe('database', () => {
	it('[D2] is migrated forward on start, its version recorded, in WAL mode with foreign keys on', async () => {
		const app = await testBackend({ seed: 'none' });
		expect(app.db.pragma('user_version', { simple: true })).toBe(migrations.length);
		expect(app.db.pragma('journal_mode', { simple: true })).toBe('wal');
		expect(app.db.pragma('foreign_keys', { simple: true })).toBe(1);
		expect(app.db.prepare('SELECT name FROM schema_migrations ORDER BY name').pluck().all()).toEqual(migrations.map((m) => m.name));
		await app.close();
	});

	it('[D2] a database from an earlier version is brought forward, keeping its data', async () => {
		const databasePath = tempDatabasePath();
		const early = openDatabase(databasePath);
		early.exec("CREATE TABLE schema_migrations (name TEXT PRIMARY KEY, applied_at INTEGER NOT NULL)");
		migrations[0]!.up(early);
		early.prepare("INSERT INTO schema_migrations VALUES ('0001-foundation', 0)").run();
		early.prepare("INSERT INTO users (email, name, created_at) VALUES ('kept@example.org', 'Kept', 0)").run();
		early.close();
		const app = await testBackend({ databasePath, seed: 'none' });
		expect(app.users.findByEmail('kept@example.org')?.name).toBe('Kept');
		expect(app.db.pragma('user_version', { simple: true })).toBe(migrations.length);
		await app.close();
	});

	it('[L6] snapshots taken before they kept their language take their strategy’s', async () => {
		const databasePath = tempDatabasePath();
		const early = openDatabase(databasePath);
		early.exec('CREATE TABLE schema_migrations (name TEXT PRIMARY KEY, applied_at INTEGER NOT NULL)');
		const before = migrations.findIndex((migration) => migration.name === '0009-snapshot-text-language');
		for (const migration of migrations.slice(0, before)) {
			migration.up(early);
			early.prepare('INSERT INTO schema_migrations VALUES (?, 0)').run(migration.name);
		}
		early.exec(`
			INSERT INTO delegations VALUES ('al', 'Albania'), ('mk', 'North Macedonia');
			INSERT INTO modules VALUES ('visa', 'Visa', 'Partner');
			INSERT INTO strategies (id, delegation_code, module, title, created_at, updated_at, text_language) VALUES ('al-visa', 'al', 'visa', 'Visa', 0, 0, 'sq'), ('mk-visa', 'mk', 'visa', 'Visa', 0, 0, 'en');
			INSERT INTO snapshots (strategy_id, name, kind, state, rendering, rendering_hash, content_hash, created_at)
				VALUES ('al-visa', 'Old', 'manual', x'00', '{}', 'h', 'c', 0), ('mk-visa', 'Old', 'manual', x'00', '{}', 'h', 'c', 0);
		`);
		early.close();
		const app = await testBackend({ databasePath, seed: 'none' });
		expect(app.db.prepare('SELECT strategy_id, text_language FROM snapshots ORDER BY strategy_id').all()).toEqual([
			{ strategy_id: 'al-visa', text_language: 'sq' },
			{ strategy_id: 'mk-visa', text_language: 'en' }
		]);
		await app.close();
	});

	it('[D3] refuses to change or remove an audit row: the record is append-only', async () => {
		const app = await testBackend({ seed: 'none' });
		app.audit.record({ userId: null, action: 'sign-in-failed', details: { email: 'x@example.org' } });
		expect(() => app.db.prepare("UPDATE audit_log SET action = 'sign-in'").run()).toThrow(/append-only/);
		expect(() => app.db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
		expect(app.db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(1);
		await app.close();
	});
});

describe('the demo programme', () => {
	it('[D1] seeds five delegations, three modules, fifteen strategies with their outline, and one account per role', async () => {
		const app = await testBackend();
		expect(app.programme.delegations().map((d) => d.name)).toEqual([
			'Albania',
			'Bosnia and Herzegovina',
			'Croatia',
			'North Macedonia',
			'Serbia and Montenegro'
		]);
		expect(app.programme.modules().map((m) => `${m.name} — ${m.partner}`)).toEqual(['Migration — IOM', 'Asylum — UNHCR', 'Visa — ICMPD']);
		expect(app.db.prepare('SELECT count(*) FROM strategies').pluck().get()).toBe(15);
		expect(app.strategies.find('cs-visa')?.title).toBe('National EU Alignment Strategy — Visa (Serbia and Montenegro)');

		const json = documentToJSON(app.documents.load('hr-asylum')!.doc);
		const headings = json.content!.filter((node) => node.type === 'heading' && node.attrs?.level === 2).map((node) => node.content![0]!.text);
		expect(headings).toEqual([
			'1 Introduction',
			'2 Current situation',
			'3 EU standards and benchmarks',
			'4 Strategic objectives',
			'5 Implementation action plan',
			'6 Monitoring and reporting'
		]);
		const table = json.content!.find((node) => node.type === 'table')!;
		const header = table.content![0]!.content!.map((cell) => cell.content![0]!.content![0]!.text);
		expect(header).toEqual(['Measure', 'Responsible institution', 'Deadline', 'Budget source', 'Indicator']);

		const emails = app.users.list().map((u) => u.email);
		expect(emails).toHaveLength(15);
		for (const email of ['admin@demo.local', 'head.cs@demo.local', 'author.mk@demo.local', 'expert.visa@demo.local', 'observer@demo.local']) {
			expect(emails).toContain(email);
		}
		await app.close();
	});

	it('[D1] never seeds a document again: a restart keeps the stored text byte for byte', async () => {
		const databasePath = tempDatabasePath();
		const first = await testBackend({ databasePath });
		const before = Y.encodeStateAsUpdate(first.documents.load('al-visa')!.doc);
		await first.close();
		const second = await testBackend({ databasePath });
		expect(Y.encodeStateAsUpdate(second.documents.load('al-visa')!.doc)).toEqual(before);
		expect(second.db.prepare('SELECT count(*) FROM users').pluck().get()).toBe(15);
		await second.close();
	});

	it('[D1] SEED=none leaves the database empty for a production install', async () => {
		const app = await testBackend({ seed: 'none' });
		expect(app.db.prepare('SELECT count(*) FROM strategies').pluck().get()).toBe(0);
		expect(app.users.list()).toEqual([]);
		await app.close();
	});
});
