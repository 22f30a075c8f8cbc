import * as Y from 'yjs';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { LightClient } from './light.mjs';
import { FullClient, LOCAL } from './official.mjs';
import { now, poissonDelay } from './util.mjs';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz    ';
/** Presence is sent at most this often per editor (≤ 10/s), trailing edge kept. */
const AWARENESS_INTERVAL_MS = 100;

function newParagraph() {
	const paragraph = new Y.XmlElement('paragraph');
	const text = new Y.XmlText();
	paragraph.insert(0, [text]);
	return { paragraph, text };
}

/**
 * One person typing into a paragraph of their own, at the end, as people mostly do: each
 * keystroke is one local transaction (an insert, or a backspace 20% of the time), followed by
 * a presence update with the caret. A light editor keeps a private Y.Doc holding only its own
 * paragraph, so it can make valid updates without applying everyone else's; a full editor
 * types into the official client's document.
 */
export class Editor {
	constructor(client, id, ledger) {
		this.client = client;
		this.id = id;
		this.ledger = ledger;
		this.full = client instanceof FullClient;
		this.doc = this.full ? client.doc : new Y.Doc();
		this.awareness = this.full ? client.awareness : new Awareness(this.doc);
		this.lastAwareness = -Infinity;
		this.awarenessTimer = null;
		this.typingTimer = null;
		this.keystrokes = 0;
		this.awarenessSent = 0;
		this.doc.on('update', (update, origin) => {
			if (origin === LOCAL) this.lastUpdate = update;
		});
	}

	/** Announces presence (as an editor does on opening a document). */
	present() {
		this.awareness.setLocalState({ user: { name: `Bench editor ${this.id}`, color: '#336699' }, cursor: null });
		if (!this.full) this.client.sendAwareness(encodeAwarenessUpdate(this.awareness, [this.doc.clientID]));
	}

	/** Creates this editor's paragraph (not timed). */
	startParagraph() {
		const { paragraph, text } = newParagraph();
		this.text = text;
		this.doc.transact(() => this.doc.getXmlFragment('default').push([paragraph]), LOCAL);
		if (!this.full) this.client.sendUpdate(this.lastUpdate);
	}

	/** One local transaction: a character typed at the end, or a backspace. */
	edit(rand) {
		this.doc.transact(() => {
			if (rand() < 0.2 && this.text.length > 0) this.text.delete(this.text.length - 1, 1);
			else this.text.insert(this.text.length, LETTERS[Math.floor(rand() * LETTERS.length)]);
		}, LOCAL);
		return this.lastUpdate;
	}

	/** The caret after the text, as a presence update. */
	caretUpdate() {
		this.awareness.setLocalStateField('cursor', { anchor: this.text.length, head: this.text.length });
		return this.full ? null : encodeAwarenessUpdate(this.awareness, [this.doc.clientID]);
	}

	/**
	 * Makes a light editor's next `count` keystrokes and presence updates ahead of time, so
	 * that a run near saturation spends the load generator's core on sending, not on Yjs.
	 */
	prepare(rand, count) {
		// Unsent edits stay first in line: later ones build on them.
		this.prepared ??= { edits: [], carets: [] };
		for (let i = 0; i < count; i++) this.prepared.edits.push(this.edit(rand));
		for (let i = 0; i < count; i++) this.prepared.carets.push(this.caretUpdate());
	}

	keystroke(rand) {
		const t = now();
		const update = this.prepared?.edits.shift() ?? this.edit(rand);
		this.ledger.record(this.id, update, t);
		if (!this.full) this.client.sendUpdate(update);
		this.keystrokes += 1;
		this.caret();
	}

	caret() {
		const send = () => {
			this.awarenessTimer = null;
			this.lastAwareness = now();
			this.awarenessSent += 1;
			const update = this.prepared?.carets.shift() ?? this.caretUpdate();
			if (!this.full) this.client.sendAwareness(update);
		};
		const wait = this.lastAwareness + AWARENESS_INTERVAL_MS - now();
		if (wait <= 0) send();
		else if (!this.awarenessTimer) this.awarenessTimer = setTimeout(send, wait);
	}

	/** Types keystrokes as a Poisson process of `rate` per second until `until` (performance.now). */
	typeUntil(rand, rate, until) {
		const next = () => {
			const delay = poissonDelay(rand, rate);
			if (now() + delay >= until) return;
			this.typingTimer = setTimeout(() => {
				this.keystroke(rand);
				next();
			}, delay);
		};
		next();
	}

	stop() {
		clearTimeout(this.typingTimer);
		clearTimeout(this.awarenessTimer);
	}

	close() {
		this.stop();
		if (this.full) this.client.destroy();
		else {
			this.awareness.destroy();
			this.client.close();
		}
	}
}

export function lightEditor(peer, logical, user, ledger) {
	return new Editor(new LightClient(peer, logical, user), user, ledger);
}

export function fullEditor(peer, logical, user, ledger) {
	return new Editor(new FullClient(peer, logical, user), user, ledger);
}

/** Connects editors: light ones a batch at a time, full ones until their provider reports synced. */
export async function connectEditors(editors, parallel = 25) {
	for (let i = 0; i < editors.length; i += parallel) {
		await Promise.all(
			editors.slice(i, i + parallel).map((editor) => (editor.full ? editor.client.synced() : editor.client.connect()))
		);
	}
}

/** A receiver entry for `analyse`, taking what the client recorded. */
export function receiverOf(id, client) {
	return { id, kind: client.kind, arrivals: client.takeArrivals(), awarenessArrivals: client.awarenessArrivals ?? 0 };
}
