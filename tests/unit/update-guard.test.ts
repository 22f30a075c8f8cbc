import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { JSONContent } from '@tiptap/core';
import { initProseMirrorDoc, updateYFragment } from '@tiptap/y-tiptap';
import { Admission, addsNothing, readUpdate } from '../../server/collab/admission';
import { guardUpdate } from '../../server/collab/update-guard';
import { documentFromJSON, documentSchema } from '../../server/document/render';
import { strategyOutline, type DelegationCode, type ModuleCode } from '../../server/seed/outlines';
import { DOCUMENT_FIELD } from '../../src/lib/editor/extensions';
import { varuint } from '../helpers/bytes';
import { seededRandom } from '../helpers/random';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TRACE = path.resolve(ROOT, 'tests/bench/data/automerge-paper.json.gz');
const DELEGATIONS: DelegationCode[] = ['al', 'ba', 'hr', 'cs', 'mk'];
const MODULES: ModuleCode[] = ['migration', 'asylum', 'visa'];

function below(random: () => number, n: number): number {
	return Math.floor(random() * n);
}

function pick<T>(random: () => number, items: readonly T[]): T {
	return items[below(random, items.length)]!;
}

function varstring(text: string): number[] {
	const utf8 = new TextEncoder().encode(text);
	return [...varuint(utf8.length), ...utf8];
}

function bytes(...parts: (number | number[])[]): Uint8Array {
	return Uint8Array.from(parts.flat());
}

function refusal(update: Uint8Array): string | null {
	try {
		guardUpdate(update);
		return null;
	} catch (error) {
		return (error as Error).message;
	}
}

function passesCheck(update: Uint8Array): boolean {
	try {
		readUpdate(update);
		return true;
	} catch {
		return false;
	}
}

function admits(doc: Y.Doc, update: Uint8Array): boolean {
	return new Admission(doc).admit(update);
}

/** One to three random byte changes: a byte replaced, a bit flipped, a byte removed or inserted. */
function corrupt(random: () => number, update: Uint8Array): Uint8Array {
	const corrupted = [...update];
	for (let change = 1 + below(random, 3); change > 0; change--) {
		const at = below(random, corrupted.length);
		const kind = below(random, 4);
		if (kind === 0) corrupted[at] = below(random, 256);
		else if (kind === 1) corrupted[at] = corrupted[at]! ^ (1 << below(random, 8));
		else if (kind === 2) corrupted.splice(at, 1);
		else corrupted.splice(at, 0, below(random, 256));
	}
	return Uint8Array.from(corrupted);
}

/** Client 5 wrote an array into a list and a value into the array, then deleted the array: the value is collected. */
function withCollectedItem(): Y.Doc {
	const doc = new Y.Doc();
	doc.clientID = 5;
	const list = doc.getArray('list');
	const nested = new Y.Array();
	list.push([nested]);
	nested.push([1]);
	list.delete(0, 1);
	return doc;
}

/** Client 5's clocks 1–2 after its item 0, again: clock 1 is the collected value. */
const OVERLAP_ON_COLLECTED = bytes(1, 1, 5, 1, 0x88, 5, 0, 2, 125, 7, 125, 8, 0);

// The bombs. Each is a V1 update as a writer's socket would carry it.

/** Seven bytes: one client whose section claims 2^25 structs; Yjs allocates the array before reading one. */
const STRUCT_COUNT_BOMB = bytes(1, varuint(2 ** 25), 1, 0);

/** Ten bytes: an item of client 5 at clock 0 whose origin is (5, 0), itself. */
const SELF_ORIGIN = bytes(1, 1, 5, 0, 0x84, 5, 0, varstring('x'), 0);

/** `count` subdocuments of seven bytes each, in root type "d": Yjs builds a Y.Doc for each. */
function subdocumentFlood(count: number): Uint8Array {
	const subdocument = [9, 1, ...varstring('d'), ...varstring(''), 118, 0];
	const out = [1, ...varuint(count), 77, 0];
	for (let i = 0; i < count; i++) out.push(...subdocument);
	out.push(0);
	return Uint8Array.from(out);
}

/** No structs, and `count` copies of the delete range [0, clock) of one client: Yjs walks its structs once per copy. */
function overlappingDeletes(client: number, clock: number, count: number): Uint8Array {
	const range = [0, ...varuint(clock)];
	const out = [0, 1, ...varuint(client), ...varuint(count)];
	for (let i = 0; i < count; i++) out.push(...range);
	return Uint8Array.from(out);
}

/** The largest update a message carries, in the smallest structs: `count` gaps of length 1. */
function gcRun(count: number): Uint8Array {
	const head = [1, ...varuint(count), 1, 0];
	const out = new Uint8Array(head.length + 2 * count + 1);
	out.set(head);
	for (let i = 0; i < count; i++) out[head.length + 2 * i + 1] = 1;
	return out;
}

/** The 27-byte V2 update of yjs issue 687 that makes `mergeUpdatesV2` and `decodeUpdateV2` loop forever. */
const ISSUE_687_V2 = Uint8Array.from(Buffer.from('00010000000001000100010200001602000001fdffffffff7f0000', 'hex'));

/**
 * Runs `body` in a child Node process (yjs imported as Y, the bytes as `update`), killed after
 * `timeoutMs` so that a bomb cannot hang the tests; reports how far its resident memory peaked
 * above where it started.
 */
function inChild(body: string, update: Uint8Array, timeoutMs: number): { timedOut: boolean; peakMB: number } {
	const script = `import * as Y from 'yjs';
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const update = new Uint8Array(Buffer.concat(chunks));
const rss = process.memoryUsage().rss;
${body}
console.log((process.resourceUsage().maxRSS * 1024 - rss) / 1e6);`;
	const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, input: update, timeout: timeoutMs, encoding: 'utf8' });
	if (result.signal) return { timedOut: true, peakMB: 0 };
	if (result.status !== 0) throw new Error(result.stderr);
	return { timedOut: false, peakMB: Number(result.stdout) };
}

// What real clients send.

function outlineState(delegation: DelegationCode, module: ModuleCode): Uint8Array {
	return Y.encodeStateAsUpdate(documentFromJSON(strategyOutline(delegation, module)));
}

function textblocks(node: JSONContent, found: JSONContent[] = []): JSONContent[] {
	if (node.type === 'paragraph' || node.type === 'heading') found.push(node);
	for (const child of node.content ?? []) textblocks(child, found);
	return found;
}

function nodesOfType(node: JSONContent, types: string[], found: JSONContent[] = []): JSONContent[] {
	if (types.includes(node.type ?? '')) found.push(node);
	for (const child of node.content ?? []) nodesOfType(child, types, found);
	return found;
}

const WORDS = ['readmission ', 'Šengenski ', '移民政策 ', 'EU 🇪🇺 ', 'IOM', 'é', 'ﬁnal '];
const MARKS: JSONContent['marks'][] = [[{ type: 'bold' }], [{ type: 'italic' }], [{ type: 'link', attrs: { href: 'https://eur-lex.europa.eu' } }], []];

/** One edit a person makes in the editor, on the document's JSON. */
function editOutline(json: JSONContent, random: () => number): void {
	const blocks = textblocks(json);
	const block = pick(random, blocks);
	const texts = block.content ?? [];
	const text = texts.length > 0 ? pick(random, texts) : null;
	switch (below(random, 7)) {
		case 0: {
			const word = pick(random, WORDS);
			if (!text) block.content = [{ type: 'text', text: word }];
			else {
				const at = below(random, text.text!.length + 1);
				text.text = text.text!.slice(0, at) + word + text.text!.slice(at);
			}
			return;
		}
		case 1:
			if (text) text.marks = pick(random, MARKS);
			return;
		case 2:
			if (text) {
				const from = below(random, text.text!.length);
				const rest = text.text!.slice(0, from) + text.text!.slice(from + 1 + below(random, 8));
				if (rest.length > 0) text.text = rest;
				else texts.splice(texts.indexOf(text), 1);
			}
			return;
		case 3:
			if (json.content!.length > 4) json.content!.splice(below(random, json.content!.length), 1);
			return;
		case 4:
			json.content!.splice(below(random, json.content!.length + 1), 0, { type: 'paragraph', content: [{ type: 'text', text: pick(random, WORDS) }] });
			return;
		case 5: {
			const headings = nodesOfType(json, ['heading']);
			if (headings.length > 0) pick(random, headings).attrs = { level: 1 + below(random, 3) };
			return;
		}
		default: {
			const cells = nodesOfType(json, ['tableCell', 'tableHeader']);
			if (cells.length > 0) pick(random, cells).attrs = { colspan: 1, rowspan: 1, colwidth: [80 + below(random, 200)] };
		}
	}
}

/** Edits through y-prosemirror's own diff, as the Tiptap editor does; every update it sends, then the whole state. */
function tiptapSession(seed: number): Uint8Array[] {
	const random = seededRandom(seed);
	const json = strategyOutline(pick(random, DELEGATIONS), pick(random, MODULES));
	const doc = documentFromJSON(json);
	const fragment = doc.getXmlFragment(DOCUMENT_FIELD);
	const updates: Uint8Array[] = [];
	doc.on('update', (update: Uint8Array) => updates.push(update));
	for (let step = 0; step < 40; step++) {
		editOutline(json, random);
		const node = documentSchema.nodeFromJSON(json);
		node.check();
		const { meta } = initProseMirrorDoc(fragment, documentSchema);
		doc.transact(() => updateYFragment(doc, fragment, node, meta));
	}
	updates.push(Y.encodeStateAsUpdate(doc));
	return updates;
}

const SYNC = 'sync';
/** Values of every encoding lib0 has: small and large integers, float32 and float64, strings, nesting, bytes. */
const VALUES: unknown[] = [0, -7, 3.25, 0.1, 2 ** 40, 'Skopje', '', true, false, null, { level: 2, tags: ['a', { b: [null, 1.5] }], bytes: new Uint8Array([1, 2]) }, []];
/** A map entry may also be undefined or a bigint. */
const MAP_VALUES: unknown[] = [...VALUES, undefined, 10n ** 15n];
const TEXTS = ['a', 'Tirana ', 'č', '🇪🇺', '\u{1F600}x', '\ud83d', '  ', 'ωμέγα'];

/** One random transaction on a peer: every shared type a client may touch. */
function randomEdit(doc: Y.Doc, random: () => number): void {
	const fragment = doc.getXmlFragment(DOCUMENT_FIELD);
	const paragraphs = fragment.toArray().filter((node): node is Y.XmlElement => node instanceof Y.XmlElement && node.get(0) instanceof Y.XmlText);
	const text = paragraphs.length > 0 ? (pick(random, paragraphs).get(0) as Y.XmlText) : null;
	const notes = doc.getText('notes');
	const list = doc.getArray<unknown>('list');
	const meta = doc.getMap<unknown>('meta');
	switch (below(random, 13)) {
		case 0:
		case 1: {
			const paragraph = new Y.XmlElement('paragraph');
			paragraph.setAttribute('textAlign', pick(random, VALUES) as string);
			paragraph.insert(0, [new Y.XmlText(pick(random, TEXTS))]);
			fragment.insert(below(random, fragment.length + 1), [paragraph]);
			return;
		}
		case 2:
			text?.insert(below(random, text.length + 1), pick(random, TEXTS), random() < 0.4 ? { bold: true, link: { href: 'https://europa.eu' } } : undefined);
			return;
		case 3:
			if (text && text.length > 1) text.format(below(random, text.length - 1), 1 + below(random, 3), { italic: random() < 0.5 ? true : null });
			return;
		case 4:
			if (text && text.length > 0) text.delete(below(random, text.length), 1 + below(random, 2));
			return;
		case 5:
			text?.insertEmbed(below(random, text.length + 1), { image: 'map.png', width: 320 });
			return;
		case 6:
			if (fragment.length > 2) fragment.delete(below(random, fragment.length), 1);
			return;
		case 7:
			fragment.insert(below(random, fragment.length + 1), [new Y.XmlText(pick(random, TEXTS))]);
			return;
		case 8:
			notes.insert(below(random, notes.length + 1), pick(random, TEXTS), random() < 0.3 ? { comment: { id: below(random, 100) } } : undefined);
			if (notes.length > 3 && random() < 0.5) notes.delete(below(random, notes.length - 1), 2);
			return;
		case 9:
			list.insert(below(random, list.length + 1), [pick(random, VALUES), pick(random, VALUES)]);
			return;
		case 10:
			if (list.length > 0) list.delete(below(random, list.length), 1);
			else list.push([new Y.Text('cell'), new Y.XmlHook('figure')]);
			return;
		case 11: {
			const key = `k${below(random, 4)}`;
			const choice = below(random, 4);
			if (choice === 0) meta.set(key, new Uint8Array([below(random, 256), 1, 2]));
			else if (choice === 1) meta.set(key, new Y.Map());
			else meta.set(key, pick(random, MAP_VALUES));
			return;
		}
		default:
			meta.delete(`k${below(random, 4)}`);
	}
}

interface Sent {
	/** The receiver's state before it: what the update was made against. */
	before: Uint8Array;
	update: Uint8Array;
}

/**
 * Three peers (one without garbage collection) editing concurrently and syncing now and then.
 * Returns each update a peer sent (transactions and sync replies), then merged updates, merges
 * with gaps (Skip structs), a state with pending structs, diffs and every peer's whole state.
 */
function editingSession(seed: number, steps = 150): { sent: Sent[]; derived: Uint8Array[] } {
	const random = seededRandom(seed);
	const peers = [0, 1, 2].map((index) => {
		const doc = new Y.Doc({ gc: index !== 2 });
		doc.clientID = Math.floor(random() * 2 ** 32);
		return doc;
	});
	const sent: Sent[] = [];
	let before: Uint8Array = new Uint8Array();
	for (const doc of peers) {
		doc.on('update', (update: Uint8Array, origin: unknown) => {
			if (origin !== SYNC) sent.push({ before, update });
		});
	}
	for (let step = 0; step < steps; step++) {
		const doc = pick(random, peers);
		before = Y.encodeStateAsUpdate(doc);
		doc.transact(() => randomEdit(doc, random));
		if (random() < 0.25) {
			const from = pick(random, peers);
			const to = pick(random, peers);
			const reply = Y.encodeStateAsUpdate(from, Y.encodeStateVector(to));
			sent.push({ before: Y.encodeStateAsUpdate(to), update: reply });
			Y.applyUpdate(to, reply, SYNC);
		}
	}
	const updates = sent.map(({ update }) => update);
	const merged = Y.mergeUpdates(updates);
	const withGaps = Y.mergeUpdates(updates.filter((_, index) => index % 3 !== 1));
	const pending = new Y.Doc();
	Y.applyUpdate(pending, withGaps);
	for (const from of peers) for (const to of peers) Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)), SYNC);
	const derived = [
		merged,
		withGaps,
		Y.encodeStateAsUpdate(pending),
		Y.diffUpdate(merged, Y.encodeStateVector(pending)),
		...peers.map((doc) => Y.encodeStateAsUpdate(doc))
	];
	return { sent, derived };
}

/** What the structs of these updates are: GC, Skip, or the item's content class. */
function structKinds(updates: Uint8Array[]): Set<string> {
	const classes: [string, new (...args: never[]) => unknown][] = [
		['GC', Y.GC],
		['Skip', Y.Skip],
		['deleted', Y.ContentDeleted],
		['string', Y.ContentString],
		['embed', Y.ContentEmbed],
		['format', Y.ContentFormat],
		['type', Y.ContentType],
		['any', Y.ContentAny],
		['binary', Y.ContentBinary]
	];
	const kinds = new Set<string>();
	for (const update of updates) {
		for (const struct of Y.decodeUpdate(update).structs) {
			const subject = struct instanceof Y.Item ? struct.content : struct;
			const kind = classes.find(([, type]) => subject instanceof type);
			if (kind) kinds.add(kind[0]);
		}
	}
	return kinds;
}

interface TraceReplay {
	transactions: number;
	checked: number;
	state: Uint8Array;
	text: string;
	endContent: string;
}

let traceReplay: TraceReplay | null = null;

/**
 * The automerge-paper trace typed into a Y.Text, one transaction per patch: every update it
 * emits, a diff every 10,000 transactions, merges of 2,000 updates, then the whole state, all
 * through the guard. Replayed once per file.
 */
function replayTrace(): TraceReplay {
	if (traceReplay) return traceReplay;
	const trace = JSON.parse(gunzipSync(readFileSync(TRACE)).toString()) as {
		endContent: string;
		txns: { patches: [number, number, string][] }[];
	};
	const doc = new Y.Doc();
	const text = doc.getText('paper');
	let checked = 0;
	let chunk: Uint8Array[] = [];
	let vector = Y.encodeStateVector(doc);
	const check = (update: Uint8Array) => {
		guardUpdate(update);
		checked += 1;
	};
	doc.on('update', (update: Uint8Array) => {
		check(update);
		chunk.push(update);
		if (chunk.length === 2_000) {
			check(Y.mergeUpdates(chunk));
			chunk = [];
		}
	});
	trace.txns.forEach(({ patches }, index) => {
		doc.transact(() => {
			for (const [position, deleted, inserted] of patches) {
				if (deleted > 0) text.delete(position, deleted);
				if (inserted.length > 0) text.insert(position, inserted);
			}
		});
		if (index % 10_000 === 9_999) {
			check(Y.encodeStateAsUpdate(doc, vector));
			vector = Y.encodeStateVector(doc);
		}
	});
	const state = Y.encodeStateAsUpdate(doc);
	check(state);
	traceReplay = { transactions: trace.txns.length, checked, state, text: text.toString(), endContent: trace.endContent };
	return traceReplay;
}

/** The best of `rounds` timings of `iterations` calls, in microseconds per call. */
function microseconds(run: () => void, iterations: number, rounds = 5): number {
	let best = Infinity;
	for (let round = 0; round < rounds; round++) {
		const started = performance.now();
		for (let i = 0; i < iterations; i++) run();
		best = Math.min(best, ((performance.now() - started) * 1000) / iterations);
	}
	return best;
}

describe('the update guard lets through what real clients send', () => {
	it('[S6] every seeded strategy outline, encoded whole, passes the guard', () => {
		for (const delegation of DELEGATIONS) {
			for (const module of MODULES) expect(refusal(outlineState(delegation, module)), `${delegation}-${module}`).toBeNull();
		}
	});

	it('[S6] Tiptap editing through y-prosemirror (typing, marks, links, deletions, headings, table widths) passes, update by update', () => {
		for (let seed = 1; seed <= 6; seed++) {
			const updates = tiptapSession(seed);
			expect(updates.length).toBeGreaterThan(20);
			for (const update of updates) expect(refusal(update), `seed ${seed}`).toBeNull();
			expect(refusal(Y.mergeUpdates(updates)), `seed ${seed} merged`).toBeNull();
		}
	});

	it('[S6] concurrent random editing of fragments, elements, text, maps and arrays passes: each update, merges, gaps, pending structs and whole states', () => {
		const everything: Uint8Array[] = [];
		for (let seed = 1; seed <= 25; seed++) {
			const { sent, derived } = editingSession(seed);
			for (const update of [...sent.map((s) => s.update), ...derived]) {
				expect(refusal(update), `seed ${seed}`).toBeNull();
				everything.push(update);
			}
		}
		// The sessions reach every kind of struct a V1 update carries, subdocuments aside.
		expect([...structKinds(everything)].sort()).toEqual(['GC', 'Skip', 'any', 'binary', 'deleted', 'embed', 'format', 'string', 'type']);
	});

	it('[S6] the automerge-paper editing trace passes: 259,778 keystroke updates, periodic diffs, merges and the final state', () => {
		const replay = replayTrace();
		expect(replay.text).toBe(replay.endContent);
		expect(replay.checked).toBeGreaterThan(replay.transactions);
	}, 180_000);

	it('[S6] updates in the legacy JSON encoding of old clients pass', () => {
		const legacy = bytes(1, 1, 9, 0, 2, 1, varstring('list'), 2, varstring('{"a":1}'), varstring('undefined'), 0);
		expect(refusal(legacy)).toBeNull();
		expect(Y.decodeUpdate(legacy).structs).toHaveLength(1);
	});
});

describe('the update guard refuses decoder bombs, lies and garbage, quickly', () => {
	it('[S6] reproduces yjs issue 687 on the installed Yjs: seven bytes make Y.applyUpdate allocate over 200 MB; the guard refuses them', () => {
		expect(STRUCT_COUNT_BOMB).toHaveLength(7);
		const naive = inChild('try { Y.applyUpdate(new Y.Doc(), update) } catch {}', STRUCT_COUNT_BOMB, 20_000);
		expect(naive.timedOut).toBe(false);
		expect(naive.peakMB).toBeGreaterThan(200);
		expect(refusal(STRUCT_COUNT_BOMB)).toMatch(/count larger than the update/);
	});

	it('[S6] reproduces a memory bomb in Y.decodeUpdate itself: a megabyte of subdocuments becomes over 200 MB of Y.Docs; the guard refuses it', () => {
		const flood = subdocumentFlood(150_000);
		const naive = inChild('globalThis.kept = Y.decodeUpdate(update);', flood, 60_000);
		expect(naive.timedOut).toBe(false);
		expect(naive.peakMB).toBeGreaterThan(200);
		expect(refusal(flood)).toMatch(/subdocument/);
	});

	it('[S6] reproduces a time bomb in Y.applyUpdate: 3 MB of overlapping delete ranges still run after 3 s on a 5,000-struct document; the guard refuses them', () => {
		const apply = `const doc = new Y.Doc();
doc.clientID = 1;
for (let i = 0; i < 5000; i++) doc.getText('t').insert(0, 'x');
Y.decodeUpdate(update);
Y.applyUpdate(doc, update);`;
		const once = overlappingDeletes(1, 5_000, 1);
		expect(inChild(apply, once, 20_000).timedOut).toBe(false);
		expect(refusal(once)).toBeNull();
		const bomb = overlappingDeletes(1, 5_000, 1_000_000);
		expect(inChild(apply, bomb, 3_000).timedOut).toBe(true);
		expect(refusal(bomb)).toMatch(/overlap/);
	});

	it('[S6] ten bytes that decode cleanly make Y.applyUpdate throw (after the server stored them); the guard refuses them', () => {
		expect(() => Y.decodeUpdate(SELF_ORIGIN)).not.toThrow();
		expect(() => Y.applyUpdate(new Y.Doc(), SELF_ORIGIN)).toThrow();
		expect(refusal(SELF_ORIGIN)).toMatch(/refers to itself/);
	});

	it('[S6] thirteen bytes that pass the guard make Y.applyUpdate throw on a document with a collected item; admission refuses them', () => {
		const doc = withCollectedItem();
		expect(doc.store.clients.get(5)!.at(-1)).toBeInstanceOf(Y.GC);
		const overlapping = OVERLAP_ON_COLLECTED;
		expect(passesCheck(overlapping)).toBe(true);
		expect(admits(doc, overlapping)).toBe(false);
		expect(() => Y.applyUpdate(doc, overlapping)).toThrow();
	});

	it('[S6] updates are judged against what is stored and what waits to be: keystrokes queue up, an overlap behind them is turned away', () => {
		const doc = withCollectedItem();
		const typist = new Y.Doc();
		Y.applyUpdate(typist, Y.encodeStateAsUpdate(doc));
		const keystrokes: Uint8Array[] = [];
		typist.on('update', (update: Uint8Array) => keystrokes.push(update));
		for (let i = 0; i < 6; i++) typist.getText('t').insert(i, 'x');
		const admission = new Admission(doc);
		for (const keystroke of keystrokes.slice(0, 5)) expect(admission.admit(keystroke)).toBe(true);
		// The same keystrokes again, merged into one update, while the first ones still wait to be stored.
		const resent = Y.mergeUpdates(keystrokes.slice(2, 6));
		expect(admission.admit(resent)).toBe(false);
		expect(admission.admit(OVERLAP_ON_COLLECTED)).toBe(false);
		for (const keystroke of keystrokes.slice(0, 5)) Y.applyUpdate(doc, keystroke);
		expect(admission.admit(keystrokes[5]!)).toBe(true);
		expect(admission.admit(keystrokes[4]!)).toBe(true);
		Y.applyUpdate(doc, keystrokes[5]!);
		expect(doc.getText('t').toString()).toBe('xxxxxx');
	});

	// Typed at the end, the writer's text is one struct; typed at the start each time, every
	// keystroke stays a struct of its own, and the answer is a run of them.
	it.each([
		{ typed: 'at the end', at: (i: number) => i, structs: 1, text: '0123' },
		{ typed: 'at the start', at: () => 0, structs: 4, text: '3210' }
	])('[S6] a resync answer over keystrokes still waiting for a gap is admitted, and the document catches up (typed $typed)', ({ at, structs, text }) => {
		const doc = new Y.Doc();
		const typist = new Y.Doc();
		const keystrokes: Uint8Array[] = [];
		typist.on('update', (update: Uint8Array) => keystrokes.push(update));
		for (let i = 0; i < 4; i++) typist.getText('t').insert(at(i), `${i}`);
		const admission = new Admission(doc);
		// The first keystroke is lost; the others wait in Yjs for it.
		for (const keystroke of keystrokes.slice(1)) {
			expect(admission.admit(keystroke)).toBe(true);
			Y.applyUpdate(doc, keystroke);
		}
		expect(doc.getText('t').toString()).toBe('');
		// The writer answers our sync step 1 with everything from where the document ends.
		const answer = Y.encodeStateAsUpdate(typist, Y.encodeStateVector(doc));
		expect(Y.decodeUpdate(answer).structs).toHaveLength(structs);
		expect(admission.admit(answer)).toBe(true);
		Y.applyUpdate(doc, answer);
		expect(doc.getText('t').toString()).toBe(text);
	});

	it('[S6] updates that arrive out of order are admitted, and parked by Yjs until the gap fills', () => {
		const doc = new Y.Doc();
		const typist = new Y.Doc();
		const keystrokes: Uint8Array[] = [];
		typist.on('update', (update: Uint8Array) => keystrokes.push(update));
		for (let i = 0; i < 4; i++) typist.getText('t').insert(i, `${i}`);
		const admission = new Admission(doc);
		for (const index of [0, 2, 3, 1]) {
			expect(admission.admit(keystrokes[index]!)).toBe(true);
			Y.applyUpdate(doc, keystrokes[index]!);
		}
		expect(doc.getText('t').toString()).toBe('0123');
		expect(admission.admit(keystrokes[2]!)).toBe(true);
	});

	it('[S6] the V2 bomb of yjs issue 687 is refused as a V1 update', () => {
		expect(refusal(ISSUE_687_V2)).toMatch(/bytes after the delete set/);
	});

	it('[S6] every bomb, even at 3.5 MB, is refused in under a millisecond', () => {
		const bombs = [STRUCT_COUNT_BOMB, SELF_ORIGIN, subdocumentFlood(500_000), overlappingDeletes(1, 5_000, 1_200_000), ISSUE_687_V2];
		for (const bomb of bombs) {
			expect(microseconds(() => refusal(bomb), 10, 3)).toBeLessThan(1_000);
			expect(passesCheck(bomb)).toBe(false);
		}
	});

	it('[S6] each rule of the V1 encoding is enforced, with a short reason', () => {
		const text = (content: number[]) => bytes(1, 1, 1, 0, 4, 1, varstring('d'), content, 0);
		const any = (value: number[]) => bytes(1, 1, 1, 0, 8, 1, varstring('d'), 1, value, 0);
		const cases: [string, Uint8Array, RegExp][] = [
			['nothing at all', bytes(), /truncated/],
			['a client count larger than the update', bytes(varuint(1e9)), /count larger/],
			['a struct that runs past the end', bytes(1, 1, 1, 0, 4, 1, varstring('d'), 5, 0x61), /truncated/],
			['an empty string', text(varstring('')), /empty struct/],
			['a gap of no length', bytes(1, 1, 1, 0, 0, 0, 0), /empty struct/],
			['a skip of no length', bytes(1, 1, 1, 0, 10, 0, 0), /empty struct/],
			['an empty deleted run', bytes(1, 1, 1, 0, 1, 1, varstring('d'), 0, 0), /empty struct/],
			['a gap with item flags', bytes(1, 1, 1, 0, 0x80, 1, 0), /flags on a gap/],
			['content kind 11', bytes(1, 1, 1, 0, 11, 1, varstring('d'), 0), /unknown content 11/],
			['shared type 7', bytes(1, 1, 1, 0, 7, 1, varstring('d'), 7, 0), /unknown shared type/],
			['parent kind 2', bytes(1, 1, 1, 0, 4, 2, varstring('x'), 0), /unknown parent kind/],
			['two sections for one client', bytes(2, 1, 1, 0, 0, 1, 1, 1, 5, 0, 1, 0), /two struct sections/],
			['a right origin at the item itself', bytes(1, 1, 5, 0, 0x44, 5, 0, varstring('x'), 0), /refers to itself/],
			['a parent that is the item itself', bytes(1, 1, 5, 0, 7, 0, 5, 0, 0, 0), /refers to itself/],
			['an origin later in its own client', bytes(1, 1, 5, 0, 0x84, 5, 3, varstring('x'), 0), /refers to itself or later/],
			['a subdocument', bytes(1, 1, 1, 0, 9, 1, varstring('d'), varstring('guid'), 118, 0, 0), /subdocument/],
			['a clock past 2^53', bytes(1, 1, 1, varuint(2 ** 53 - 1), 0, 1, 0), /clock out of range/],
			['a number past 2^53', bytes(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f), /number out of range/],
			['a number that never ends', bytes(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01), /number too long/],
			['an overlong UTF-8 form', text([2, 0xc0, 0x80]), /not UTF-8/],
			['a UTF-8 surrogate', text([3, 0xed, 0xa0, 0x80]), /not UTF-8/],
			['a code point past U+10FFFF', text([4, 0xf4, 0x90, 0x80, 0x80]), /not UTF-8/],
			['a cut UTF-8 sequence', text([2, 0xe2, 0x82]), /not UTF-8/],
			['a stray continuation byte', text([1, 0x80]), /not UTF-8/],
			['values nested 66 deep', any([...Array.from({ length: 66 }, () => [117, 1]).flat(), 126]), /nested too deep/],
			['a value of type 115', any([115]), /unknown value type 115/],
			['an integer that never ends', any([125, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]), /number too long/],
			['an empty delete range', bytes(0, 1, 1, 1, 0, 0), /empty delete range/],
			['overlapping delete ranges', bytes(0, 1, 1, 2, 0, 5, 3, 5), /overlap/],
			['delete ranges out of order', bytes(0, 1, 1, 2, 10, 1, 0, 1), /out of order/],
			['a delete range past 2^53', bytes(0, 1, 1, 1, 1, varuint(2 ** 53 - 1)), /clock out of range/],
			['two delete sections for one client', bytes(0, 2, 1, 1, 0, 1, 1, 1, 5, 1), /two delete sections/],
			['a byte after the delete set', bytes(0, 0, 0), /bytes after the delete set/]
		];
		for (const [name, update, reason] of cases) expect(refusal(update), name).toMatch(reason);
	});

	it('[S6] every truncation of a real update, and a real update with a byte more, is refused', () => {
		const { sent, derived } = editingSession(99, 40);
		const samples = [outlineState('al', 'migration'), ...derived, ...sent.slice(0, 20).map((s) => s.update)];
		for (const update of samples) {
			for (let length = 0; length < update.length; length++) expect(refusal(update.subarray(0, length))).toMatch(/truncated|count larger/);
			expect(refusal(bytes([...update], 0))).toMatch(/bytes after the delete set/);
		}
	});

	it('[S6] what passes the guard, Yjs decoding and admission, Yjs applies without throwing: thousands of corrupted real updates', () => {
		const random = seededRandom(2024);
		const corpus = [1, 2, 3].flatMap((seed) => editingSession(seed).sent);
		let passed = 0;
		let refusedByDocument = 0;
		for (let attempt = 0; attempt < 6_000; attempt++) {
			const { before, update } = pick(random, corpus);
			const candidate = corrupt(random, update);
			if (!passesCheck(candidate)) continue;
			passed += 1;
			const doc = new Y.Doc();
			Y.applyUpdate(doc, before);
			if (!admits(doc, candidate)) {
				refusedByDocument += 1;
				continue;
			}
			expect(() => Y.applyUpdate(doc, candidate), Buffer.from(candidate).toString('hex')).not.toThrow();
		}
		expect(passed).toBeGreaterThan(500);
		expect(passed - refusedByDocument).toBeGreaterThan(400);
	});

	it('[S6] streams of reordered, repeated, merged and corrupted real updates: whatever admission lets through, Yjs applies', () => {
		const random = seededRandom(Number(process.env.FUZZ_SEED ?? 77));
		const sessions = [5, 6, 7].map((seed) => editingSession(seed, 80).sent.map(({ update }) => update));
		let applied = 0;
		let turnedAway = 0;
		for (let run = 0; run < 150; run++) {
			const updates = pick(random, sessions);
			const doc = new Y.Doc();
			const admission = new Admission(doc);
			for (let step = 0; step < 80; step++) {
				const roll = random();
				let update = pick(random, updates);
				if (roll < 0.2) update = Y.mergeUpdates(Array.from({ length: 2 + below(random, 4) }, () => pick(random, updates)));
				else if (roll < 0.4) update = corrupt(random, update);
				if (!passesCheck(update)) continue;
				if (!admission.admit(update)) {
					turnedAway += 1;
					continue;
				}
				expect(() => Y.applyUpdate(doc, update), Buffer.from(update).toString('hex')).not.toThrow();
				applied += 1;
			}
		}
		expect(applied).toBeGreaterThan(4_000);
		expect(turnedAway).toBeGreaterThan(100);
	});

	it('[D5] an update is set aside as adding nothing only when applying it would change nothing', () => {
		let nothing = 0;
		for (const seed of [8, 9]) {
			const { sent } = editingSession(seed, 120);
			const answers = sent.map(({ before, update }) => {
				// What a client holding `before` plus this update answers a sync step 1 from one holding both.
				const client = new Y.Doc();
				Y.applyUpdate(client, before);
				Y.applyUpdate(client, update);
				return { before: Y.encodeStateAsUpdate(client), update: Y.encodeStateAsUpdate(client, Y.encodeStateVector(client)) };
			});
			for (const { before, update } of [...sent, ...answers]) {
				const doc = new Y.Doc();
				Y.applyUpdate(doc, before);
				const verdict = addsNothing(doc, readUpdate(update));
				const state = Y.encodeStateAsUpdate(doc);
				Y.applyUpdate(doc, update);
				const changed = !Buffer.from(Y.encodeStateAsUpdate(doc)).equals(Buffer.from(state));
				if (verdict) {
					nothing += 1;
					expect(changed, Buffer.from(update).toString('hex')).toBe(false);
				}
			}
		}
		expect(nothing).toBeGreaterThan(200);
	});

	it('[S6] random bytes are refused, or are an update Yjs applies', () => {
		const random = seededRandom(7);
		const outline = outlineState('mk', 'visa');
		for (let attempt = 0; attempt < 20_000; attempt++) {
			const garbage = Uint8Array.from({ length: 1 + below(random, 64) }, () => below(random, 256));
			if (!passesCheck(garbage)) continue;
			const doc = new Y.Doc();
			Y.applyUpdate(doc, outline);
			expect(() => Y.applyUpdate(doc, garbage), Buffer.from(garbage).toString('hex')).not.toThrow();
		}
	});
});

describe('the update guard is cheap', () => {
	it('[S6] a keystroke costs microseconds and a whole document a fraction of its decoding', () => {
		const doc = documentFromJSON(strategyOutline('al', 'migration'));
		const paragraph = doc.getXmlFragment(DOCUMENT_FIELD).get(2) as Y.XmlElement;
		let keystroke: Uint8Array = new Uint8Array();
		doc.on('update', (update: Uint8Array) => (keystroke = update));
		(paragraph.get(0) as Y.XmlText).insert(5, 'a');
		expect(keystroke.length).toBeGreaterThanOrEqual(20);
		expect(keystroke.length).toBeLessThanOrEqual(40);

		const { state } = replayTrace();
		const maximal = gcRun(1_900_000);
		const timings = {
			keystrokeBytes: keystroke.length,
			keystrokeGuardMicros: microseconds(() => guardUpdate(keystroke), 100_000),
			keystrokeDecodeMicros: microseconds(() => Y.decodeUpdate(keystroke), 20_000),
			traceStateKB: state.length / 1000,
			traceGuardMs: microseconds(() => guardUpdate(state), 10) / 1000,
			traceDecodeMs: microseconds(() => Y.decodeUpdate(state), 5) / 1000,
			maximalMB: maximal.length / 1e6,
			maximalGuardMs: microseconds(() => guardUpdate(maximal), 3, 3) / 1000,
			maximalDecodeMs: microseconds(() => Y.decodeUpdate(maximal), 1, 2) / 1000
		};
		console.log(`[update-guard benchmark] ${JSON.stringify(timings, (_key, value: unknown) => (typeof value === 'number' ? Number(value.toFixed(3)) : value))}`);
		expect(timings.keystrokeGuardMicros).toBeLessThan(5);
		expect(timings.traceGuardMs).toBeLessThan(timings.traceDecodeMs / 2);
		expect(timings.maximalGuardMs).toBeLessThan(timings.maximalDecodeMs / 5);
	}, 180_000);
});
