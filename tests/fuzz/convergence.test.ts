import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connectEditor, serverDocument, until, type Editor } from '../helpers/collab';
import { signIn } from '../helpers/http';
import { startServer, type RunningServer } from '../helpers/server';
import { testBackend } from '../helpers/backend';
import { seededRandom } from '../helpers/random';

/**
 * Seeded and replayable: FUZZ_SEED=<n> npx vitest run tests/fuzz reruns one schedule exactly
 * (the clients' choices; the network's timing is the real one).
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20_051_130);
const CLIENTS = 4;
const STEPS = 60;

/** One random edit on a client's own copy: insert or delete in a paragraph, or add one. */
function edit(doc: Y.Doc, next: () => number, label: string): void {
	const fragment = doc.getXmlFragment('default');
	const paragraphs = fragment.toArray().filter((node): node is Y.XmlElement => node instanceof Y.XmlElement && node.nodeName === 'paragraph');
	const choice = next();
	if (choice < 0.15 || paragraphs.length === 0) {
		const paragraph = new Y.XmlElement('paragraph');
		paragraph.insert(0, [new Y.XmlText(label)]);
		fragment.insert(Math.floor(next() * (fragment.length + 1)), [paragraph]);
		return;
	}
	const paragraph = paragraphs[Math.floor(next() * paragraphs.length)]!;
	const text = paragraph.toArray().find((node): node is Y.XmlText => node instanceof Y.XmlText);
	if (!text) return;
	if (choice < 0.75 || text.length === 0) text.insert(Math.floor(next() * (text.length + 1)), label);
	else {
		const at = Math.floor(next() * text.length);
		text.delete(at, Math.min(1 + Math.floor(next() * 5), text.length - at));
	}
}

let server: RunningServer;
beforeAll(async () => {
	server = await startServer();
});
afterAll(() => server.stop());

describe(`convergence under random edits, disconnects and reconnects (seed ${SEED})`, () => {
	it('[S3] every client ends with the same document, and it is the one stored', async () => {
		const next = seededRandom(SEED);
		const emails = ['author.cs@demo.local', 'head.cs@demo.local', 'author.cs@demo.local', 'head.cs@demo.local'];
		const editors: Editor[] = [];
		for (let i = 0; i < CLIENTS; i++) editors.push(connectEditor(server.url, await signIn(server.url, emails[i]!), 'cs-visa'));
		await Promise.all(editors.map((editor) => editor.synced()));

		for (let step = 0; step < STEPS; step++) {
			for (const [index, editor] of editors.entries()) {
				const action = next();
				if (action < 0.08 && editor.provider.shouldConnect) editor.provider.disconnect();
				else if (action < 0.2 && !editor.provider.shouldConnect) editor.provider.connect();
				else edit(editor.doc, next, `[${index}.${step}]`);
			}
			// Let messages interleave differently on every step: a random number of event-loop turns.
			for (let turns = Math.floor(next() * 4); turns > 0; turns--) await new Promise((resolve) => setImmediate(resolve));
		}

		for (const editor of editors) if (!editor.provider.shouldConnect) editor.provider.connect();
		const cookie = await signIn(server.url, 'author.cs@demo.local');
		const stored = () => serverDocument(server.url, cookie, 'cs-visa');
		await until(async () => {
			const reference = editors[0]!.xml();
			if (!editors.every((editor) => editor.xml() === reference)) return false;
			return (await stored()).getXmlFragment('default').toString() === reference;
		}, 'all clients and the stored document to converge', 20_000);

		const final = editors[0]!.xml();
		expect(final).toContain('[0.');
		for (const editor of editors) editor.destroy();
		await server.stop();

		// What is in the database file, read by a fresh process, is that same document.
		const reopened = await testBackend({ databasePath: server.databasePath });
		expect(reopened.documents.load('cs-visa')!.doc.getXmlFragment('default').toString()).toBe(final);
		await reopened.close();
	});
});
