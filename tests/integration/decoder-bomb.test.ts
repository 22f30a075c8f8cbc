import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CLOSE } from '../../src/lib/collab/protocol';
import { MAX_MESSAGE_BYTES } from '../../src/lib/limits';
import { RawClient, serverDocument, until } from '../helpers/collab';
import { MESSAGE_SYNC, SYNC_STEP_1 } from '../../src/lib/collab/protocol';
import * as decoding from 'lib0/decoding';
import { signIn } from '../helpers/http';
import { varuint } from '../helpers/bytes';
import { serverForFile } from '../helpers/server-for-file';

/*
 * Yjs decoder bombs (yjs issue 687) sent by a writer, as a sync update, to a real server.
 * Without the update guard each of these hurts it: the ten bytes are stored and then throw
 * inside Y.applyUpdate, which stops the server and leaves the strategy unloadable; the
 * subdocuments hold the event loop for over ten seconds and keep over a gigabyte of Y.Docs;
 * the overlapping delete ranges walk the document once per range (and delete it). The seven
 * bytes Yjs's own decoding already refuses; the guard refuses them before it.
 */

const server = serverForFile();
const STRATEGY = 'al-migration';

/** Room for the message's own header under MAX_MESSAGE_BYTES. */
const BOMB_BYTES = MAX_MESSAGE_BYTES - 100;

/** An item of client 5 at clock 0 whose origin is (5, 0): itself. */
function selfOrigin(): Uint8Array {
	return Uint8Array.from([1, 1, 5, 0, 0x84, 5, 0, 1, 0x78, 0]);
}

/**
 * A writer's own client (with an array it filled and then deleted, so the server collects
 * its content), then thirteen bytes that send that client's clocks 1–2 again: Yjs lands on
 * the collected item and throws.
 */
function overlapOnCollected(): [setup: Uint8Array, overlap: Uint8Array] {
	const client = 987_654;
	const own = new Y.Doc();
	own.clientID = client;
	const list = own.getArray('scratch');
	const nested = new Y.Array();
	list.push([nested]);
	nested.push([1]);
	list.delete(0, 1);
	const id = varuint(client);
	return [Y.encodeStateAsUpdate(own), Uint8Array.from([1, 1, ...id, 1, 0x88, ...id, 0, 2, 125, 7, 125, 8, 0])];
}

/** One client whose section claims 2^25 structs, in seven bytes. */
function structCount(): Uint8Array {
	return Uint8Array.from([1, ...varuint(2 ** 25), 1, 0]);
}

/** As many seven-byte subdocuments (in root type "d") as a message holds. */
function subdocuments(): Uint8Array {
	const subdocument = [9, 1, 1, 0x64, 0, 118, 0];
	const count = Math.floor((BOMB_BYTES - 10) / subdocument.length);
	const out = [1, ...varuint(count), 77, 0];
	for (let i = 0; i < count; i++) out.push(...subdocument);
	out.push(0);
	return Uint8Array.from(out);
}

/** The range [0, clock) of the document's largest client, as many times as a message holds. */
function overlappingDeletes(document: Y.Doc): Uint8Array {
	const [client, clock] = [...Y.decodeStateVector(Y.encodeStateVector(document))].sort((a, b) => b[1] - a[1])[0]!;
	const range = [0, ...varuint(clock)];
	const count = Math.floor((BOMB_BYTES - 20) / range.length);
	const out = [0, 1, ...varuint(client), ...varuint(count)];
	for (let i = 0; i < count; i++) out.push(...range);
	return Uint8Array.from(out);
}

/** New text added to a copy of the document by `change`, as one update. */
function addedTo(document: Y.Doc, change: (fragment: Y.XmlFragment) => void): Uint8Array {
	const copy = new Y.Doc();
	Y.applyUpdate(copy, Y.encodeStateAsUpdate(document));
	const before = Y.encodeStateVector(copy);
	copy.transact(() => change(copy.getXmlFragment('default')));
	return Y.encodeStateAsUpdate(copy, before);
}

/** A paragraph at the bottom of 3,000 nested quotes: every later reader of the text would overflow its stack. */
function deepNesting(document: Y.Doc): Uint8Array {
	return addedTo(document, (fragment) => {
		let parent: Y.XmlFragment | Y.XmlElement = fragment;
		for (let i = 0; i < 3_000; i++) {
			const quote = new Y.XmlElement('blockquote');
			parent.insert(parent.length, [quote]);
			parent = quote;
		}
		const paragraph = new Y.XmlElement('paragraph');
		paragraph.insert(0, [new Y.XmlText('Deep down.')]);
		parent.insert(0, [paragraph]);
	});
}

/** A table cell spanning 400,000 columns, in twenty-odd bytes of attribute: each one would be drawn on every page view. */
function wideCell(document: Y.Doc): Uint8Array {
	return addedTo(document, (fragment) => {
		const table = new Y.XmlElement('table');
		const row = new Y.XmlElement('tableRow');
		const cell = new Y.XmlElement('tableCell');
		const paragraph = new Y.XmlElement('paragraph');
		fragment.insert(fragment.length, [table]);
		table.insert(0, [row]);
		row.insert(0, [cell]);
		cell.setAttribute('colspan', 400_000 as unknown as string);
		cell.insert(0, [paragraph]);
	});
}

function isSyncStep1(message: Uint8Array): boolean {
	const decoder = decoding.createDecoder(message);
	return decoding.readVarUint(decoder) === MESSAGE_SYNC && decoding.readVarUint(decoder) === SYNC_STEP_1;
}

const bombs: [string, (document: Y.Doc) => Uint8Array][] = [
	['ten bytes whose item is its own origin', selfOrigin],
	['seven bytes that claim 2^25 structs', structCount],
	['a message full of subdocuments', subdocuments],
	['a message full of overlapping delete ranges', overlappingDeletes],
	['blocks nested 3,000 deep', deepNesting],
	['a table cell spanning 400,000 columns', wideCell]
];

describe('decoder bombs from a writer', () => {
	for (const [name, bomb] of bombs) {
		it(`[S6] ${name} closes that writer's socket with 4400 at once; the server stays up, others keep editing, the document is unchanged`, async () => {
			const cookie = await signIn(server.url, 'author.al@demo.local');
			const a = server.editor(cookie, STRATEGY);
			const b = server.editor(await signIn(server.url, 'head.al@demo.local'), STRATEGY);
			await Promise.all([a.synced(), b.synced()]);
			const document = await serverDocument(server.url, cookie, STRATEGY);
			const before = document.getXmlFragment('default').toString();

			const attacker = new RawClient(server.url, cookie, STRATEGY);
			await attacker.opened;
			const logged = server.output.length;
			const sent = performance.now();
			attacker.sendUpdate(bomb(document));
			expect(await attacker.closed()).toBe(CLOSE.badMessage);
			expect(performance.now() - sent).toBeLessThan(2_000);
			expect((await fetch(`${server.url}/healthz`, { signal: AbortSignal.timeout(1_000) })).status).toBe(200);
			// A guard refused it, before anything was stored.
			await until(() => server.output.slice(logged).some((line) => line.includes('"socket-bad-message"') && line.includes('update refused')), 'the refusal in the log');

			const marker = `Still drafting after ${name}.`;
			a.write(marker);
			await until(() => b.xml().includes(marker), 'B to see A after the bomb');
			const after = (await serverDocument(server.url, cookie, STRATEGY)).getXmlFragment('default').toString();
			expect(after).toBe(`${before}<paragraph>${marker}</paragraph>`);
		});
	}

	it('[S6] thirteen bytes that overlap a collected item are never stored: the writer is asked to resync, the server stays up, others keep editing', async () => {
		const cookie = await signIn(server.url, 'author.al@demo.local');
		const b = server.editor(await signIn(server.url, 'head.al@demo.local'), STRATEGY);
		await b.synced();
		const attacker = new RawClient(server.url, cookie, STRATEGY);
		await attacker.opened;
		const [setup, overlap] = overlapOnCollected();
		attacker.sendUpdate(setup);
		await attacker.roundTrip();
		const before = Y.encodeStateVector(await serverDocument(server.url, cookie, STRATEGY));

		const heard = attacker.received.length;
		attacker.sendUpdate(overlap);
		await until(() => attacker.received.slice(heard).some(isSyncStep1), 'a resync request (sync step 1)');
		await attacker.roundTrip();
		expect(attacker.closeCode).toBeNull();
		expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
		expect(Y.encodeStateVector(await serverDocument(server.url, cookie, STRATEGY))).toEqual(before);

		const a = server.editor(cookie, STRATEGY);
		await a.synced();
		a.write('Still drafting after the overlap.');
		await until(() => b.xml().includes('Still drafting after the overlap.'), 'B to see the next edit');
	});
});
