import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { connectEditor, until } from '../helpers/collab';
import { api, signIn } from '../helpers/http';
import { startServer, tempDatabasePath } from '../helpers/server';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const admin = (databasePath: string, args: string[]) =>
	run(process.execPath, ['--import', 'tsx', 'server/cli/admin.ts', ...args], { cwd: root, env: { ...process.env, DATABASE_PATH: databasePath } });

describe('backup and restore', () => {
	it('[D9] a backup taken while the app runs is restored with the text as it was then', async () => {
		const databasePath = tempDatabasePath();
		const backup = path.join(path.dirname(databasePath), 'backup.db');
		const server = await startServer({ databasePath });
		const cookie = await signIn(server.url, 'author.al@demo.local');
		const editor = connectEditor(server.url, cookie, 'al-visa');
		const text = async () => (await api(server.url, cookie, '/strategies/al-visa/content?format=text')).body as string;
		try {
			await editor.synced();
			editor.write('Written before the backup.');
			await until(async () => (await text()).includes('Written before the backup.'), 'the first edit to be stored');
			expect((await admin(databasePath, ['backup', backup])).stdout).toContain('Backed up');
			editor.write('Written after the backup.');
			await until(async () => (await text()).includes('Written after the backup.'), 'the second edit to be stored');
			// The running app holds the database: a restore is refused and changes nothing.
			await expect(admin(databasePath, ['restore', backup])).rejects.toMatchObject({ stderr: expect.stringContaining('in use') });
		} finally {
			editor.destroy();
			await server.stop();
		}

		expect((await admin(databasePath, ['restore', backup])).stdout).toContain('The previous database is kept as');
		const restarted = await startServer({ databasePath });
		try {
			const again = await signIn(restarted.url, 'author.al@demo.local');
			const restored = (await api(restarted.url, again, '/strategies/al-visa/content?format=text')).body as string;
			expect(restored).toContain('Written before the backup.');
			expect(restored).not.toContain('Written after the backup.');
		} finally {
			await restarted.stop();
		}
	});

	it('[D9] refuses to overwrite a file and to restore something that is not our database', async () => {
		const databasePath = tempDatabasePath();
		const server = await startServer({ databasePath });
		await server.stop();
		const notOurs = path.join(path.dirname(databasePath), 'other.db');
		new Database(notOurs).exec('CREATE TABLE invoices (id INTEGER)');
		await expect(admin(databasePath, ['backup', databasePath])).rejects.toMatchObject({ stderr: expect.stringContaining('exists already') });
		await expect(admin(databasePath, ['restore', notOurs])).rejects.toMatchObject({ stderr: expect.stringContaining('not an Acquis Studio database') });
		await expect(admin(databasePath, ['restore', path.join(path.dirname(databasePath), 'missing.db')])).rejects.toMatchObject({ stderr: expect.stringContaining('There is no backup') });
		// Nothing was replaced: the demo programme is still there.
		const restarted = await startServer({ databasePath });
		try {
			expect((await api(restarted.url, await signIn(restarted.url, 'author.al@demo.local'), '/strategies/al-visa')).status).toBe(200);
		} finally {
			await restarted.stop();
		}
	});
});
