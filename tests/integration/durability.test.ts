import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CLOSE } from '../../src/lib/collab/protocol';
import { COMPACT_AFTER_UPDATES } from '../../src/lib/limits';
import { connectEditor, paragraphUpdate, RawClient, serverDocument, until, type Editor } from '../helpers/collab';
import { api, signIn } from '../helpers/http';
import { startServer, type RunningServer } from '../helpers/server';
import { testBackend } from '../helpers/backend';
import { tempDatabasePath } from '../helpers/server';
import { documentToJSON, documentToText } from '../../server/document/render';

const editors: Editor[] = [];
const servers: RunningServer[] = [];
afterEach(async () => {
	for (const editor of editors.splice(0)) editor.destroy();
	for (const server of servers.splice(0)) await server.kill();
});

async function start(databasePath?: string): Promise<RunningServer> {
	const server = await startServer({ databasePath });
	servers.push(server);
	return server;
}

function editor(server: RunningServer, cookie: string, strategyId: string): Editor {
	const e = connectEditor(server.url, cookie, strategyId);
	editors.push(e);
	return e;
}

describe('durability', () => {
	it('[D4] kill -9 right after a second client has seen an edit: after a restart the edit is there', async () => {
		const first = await start();
		const a = editor(first, await signIn(first.url, 'author.hr@demo.local'), 'hr-asylum');
		const b = editor(first, await signIn(first.url, 'head.hr@demo.local'), 'hr-asylum');
		await Promise.all([a.synced(), b.synced()]);
		for (let i = 0; i < 20; i++) a.write(`Paragraph ${i} written in Zagreb.`);
		await until(() => b.xml().includes('Paragraph 19 written in Zagreb.'), 'B to see the last paragraph');
		await first.kill();

		const second = await start(first.databasePath);
		const text = await serverDocument(second.url, await signIn(second.url, 'author.hr@demo.local'), 'hr-asylum');
		const xml = text.getXmlFragment('default').toString();
		for (let i = 0; i < 20; i++) expect(xml).toContain(`Paragraph ${i} written in Zagreb.`);
	});

	it('[S9] SIGTERM stores everything, closes sockets with 1012, and clients resume on the next process', async () => {
		const first = await start();
		const cookie = await signIn(first.url, 'author.mk@demo.local');
		const a = editor(first, cookie, 'mk-migration');
		await a.synced();
		const watcher = new RawClient(first.url, cookie, 'mk-migration');
		await watcher.opened;
		for (let i = 0; i < 10; i++) a.write(`Skopje paragraph ${i}.`);
		await until(async () => (await serverDocument(first.url, cookie, 'mk-migration')).getXmlFragment('default').toString().includes('Skopje paragraph 9.'), 'the edits to be stored');
		await first.stop();
		expect(watcher.closeCode).toBe(CLOSE.serviceRestart);

		const second = await start(first.databasePath);
		const again = await signIn(second.url, 'author.mk@demo.local');
		const stored = await api(second.url, again, '/strategies/mk-migration/content?format=text');
		for (let i = 0; i < 10; i++) expect(stored.body).toContain(`Skopje paragraph ${i}.`);
	});

	it('[D5] a long log is folded into one state, and the text reads the same after a restart', async () => {
		const databasePath = tempDatabasePath();
		const first = await testBackend({ databasePath });
		const text = (doc: Y.Doc) => documentToText(documentToJSON(doc));
		const logged = () => first.db.prepare("SELECT count(*) FROM strategy_updates WHERE strategy_id = 'al-asylum'").pluck().get() as number;
		for (let i = 0; i < COMPACT_AFTER_UPDATES; i++) await first.collab.submit('al-asylum', paragraphUpdate(`Line ${i}.`));
		await until(() => logged() === 0, 'the log to be folded');
		// What a newcomer or the page gets right after the fold: the folded state itself.
		const served = new Y.Doc();
		Y.applyUpdate(served, first.collab.read('al-asylum', (_doc, wholeText) => wholeText())!);
		expect(text(served)).toBe(text(first.collab.readDocument('al-asylum')!));
		expect(text(served)).toContain(`Line ${COMPACT_AFTER_UPDATES - 1}.`);

		const count = COMPACT_AFTER_UPDATES + 50;
		for (let i = COMPACT_AFTER_UPDATES; i < count; i++) await first.collab.submit('al-asylum', paragraphUpdate(`Line ${i}.`));
		const before = text(first.collab.readDocument('al-asylum')!);
		expect(before).toContain(`Line ${count - 1}.`);
		await first.close();

		const second = await testBackend({ databasePath });
		expect(text(second.documents.load('al-asylum')!.doc)).toBe(before);
		await second.close();
	});
});

describe('the current text over the API', () => {
	it('[W1] renders as json, html, markdown and text; an unknown format is 400; others’ strategies 403', async () => {
		const server = await start();
		const cookie = await signIn(server.url, 'expert.visa@demo.local');
		const json = await api(server.url, cookie, '/strategies/cs-visa/content?format=json');
		expect(json.body.type).toBe('doc');
		const html = await api(server.url, cookie, '/strategies/cs-visa/content?format=html');
		expect(html.headers.get('content-type')).toMatch(/^text\/html/);
		expect(html.body).toMatch(/<h2>1 Introduction<\/h2>/);
		expect(html.body).toMatch(/<table/);
		const markdown = await api(server.url, cookie, '/strategies/cs-visa/content?format=markdown');
		expect(markdown.body).toContain('## 1 Introduction');
		expect(markdown.body).toMatch(/\| Measure\s+\| Responsible institution/);
		const text = await api(server.url, cookie, '/strategies/cs-visa/content?format=text');
		expect(text.body).toContain('5 Implementation action plan');
		expect(text.body).not.toContain('<');
		expect((await api(server.url, cookie, '/strategies/cs-visa/content?format=pdf')).status).toBe(400);
		expect((await api(server.url, cookie, '/strategies/cs-asylum/content')).status).toBe(403);
		expect((await api(server.url, cookie, '/strategies/cs-visa/content')).body.type).toBe('doc');
	});
});
