import { afterEach, describe, expect, it } from 'vitest';
import { connectEditor, RawClient, until, type Editor } from '../helpers/collab';
import { CLOSE } from '../../src/lib/collab/protocol';
import { inProcessServer } from '../helpers/in-process';
import { tempDatabasePath } from '../helpers/server';
import { testBackend } from '../helpers/backend';
import { documentToJSON, documentToText } from '../../server/document/render';
import type { RoomState } from '../../src/lib/collab/protocol';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
	for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function roomState(editor: Editor): RoomState | undefined {
	for (const state of editor.provider.awareness.getStates().values()) if (state.server) return state.server as RoomState;
	return undefined;
}

describe('when the database refuses writes', () => {
	it('[D6] a full disk: nothing unstored is sent on, editors are told, data stays in memory, writes resume by themselves', async () => {
		const databasePath = tempDatabasePath();
		const server = await inProcessServer({ databasePath });
		cleanups.push(() => server.close());
		const a = connectEditor(server.url, server.cookieFor('author.cs@demo.local'), 'cs-migration');
		const b = connectEditor(server.url, server.cookieFor('head.cs@demo.local'), 'cs-migration');
		cleanups.push(() => a.destroy(), () => b.destroy());
		await Promise.all([a.synced(), b.synced()]);
		a.write('Stored before the disk filled up.');
		await until(() => b.xml().includes('Stored before the disk filled up.'), 'the first edit to reach B');

		// The disk is full: the file may not grow by a single page.
		const pages = server.app.db.pragma('page_count', { simple: true }) as number;
		server.app.db.pragma(`max_page_count = ${pages}`);
		const big = 'Ministry of Interior of the Republic of Serbia. '.repeat(2_000);
		a.write(big);
		await until(() => roomState(a)?.storage === 'failing' && roomState(b)?.storage === 'failing', 'both editors to hear that storage fails');
		expect(b.xml()).not.toContain(big);

		// The writer leaves: the room keeps what it holds in memory.
		a.destroy();
		server.app.db.pragma('max_page_count = 1073741823');
		await until(() => b.xml().includes(big), 'the held edit to be stored and sent on once the disk has room', 15_000);
		await until(() => roomState(b)?.storage === 'ok', 'storage to be reported healthy again');
		await server.close();
		cleanups.length = 0;
		b.destroy();

		const reopened = await testBackend({ databasePath });
		const text = documentToText(documentToJSON(reopened.documents.load('cs-migration')!.doc));
		expect(text).toContain('Stored before the disk filled up.');
		expect(text).toContain(big.trim());
		expect(text).toContain('1 Introduction');
		await reopened.close();
	});

	it('[D6] another connection holding the write lock: edits wait in memory, nothing is sent unstored, and resume', async () => {
		const databasePath = tempDatabasePath();
		const server = await inProcessServer({ databasePath });
		cleanups.push(() => server.close());
		const a = connectEditor(server.url, server.cookieFor('author.al@demo.local'), 'al-visa');
		const b = connectEditor(server.url, server.cookieFor('head.al@demo.local'), 'al-visa');
		cleanups.push(() => a.destroy(), () => b.destroy());
		await Promise.all([a.synced(), b.synced()]);

		const { openDatabase } = await import('../../server/db/database');
		const intruder = openDatabase(databasePath);
		intruder.exec('BEGIN IMMEDIATE');
		a.write('Written while another program holds the lock.');
		await until(() => roomState(b)?.storage === 'failing', 'B to hear that storage fails');
		expect(b.xml()).not.toContain('Written while another program holds the lock.');
		// The process stays responsive meanwhile: presence and reads go on.
		expect(server.app.collab.readDocument('al-visa')).not.toBeNull();
		intruder.exec('COMMIT');
		intruder.close();
		await until(() => b.xml().includes('Written while another program holds the lock.'), 'the edit to arrive once the lock is gone', 15_000);
		await until(() => roomState(a)?.storage === 'ok', 'storage healthy again');
	});
});

describe('when a stored document cannot be read', () => {
	it('[D7] clients get an error (4500) and nothing is written over the stored bytes', async () => {
		const server = await inProcessServer();
		cleanups.push(() => server.close());
		const damaged = Buffer.from([0xff, 0x00, 0x13, 0x37]);
		server.app.db.prepare("UPDATE strategy_documents SET state = ? WHERE strategy_id = 'mk-asylum'").run(damaged);

		const client = new RawClient(server.url, server.cookieFor('author.mk@demo.local'), 'mk-asylum');
		await client.opened;
		expect(await client.closed()).toBe(CLOSE.loadFailed);
		const editor = connectEditor(server.url, server.cookieFor('head.mk@demo.local'), 'mk-asylum');
		cleanups.push(() => editor.destroy());
		editor.write('This must never replace the stored text.');
		await until(() => editor.provider.wsUnsuccessfulReconnects > 1, 'the editor to be refused again');

		const stored = server.app.db.prepare("SELECT state FROM strategy_documents WHERE strategy_id = 'mk-asylum'").pluck().get() as Buffer;
		expect(Buffer.from(stored)).toEqual(damaged);
		expect(server.app.db.prepare("SELECT count(*) FROM strategy_updates WHERE strategy_id = 'mk-asylum'").pluck().get()).toBe(0);
		// Other strategies are not affected.
		const other = connectEditor(server.url, server.cookieFor('head.mk@demo.local'), 'mk-visa');
		cleanups.push(() => other.destroy());
		await other.synced();
	});
});
