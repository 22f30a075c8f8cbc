import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import * as Y from 'yjs';
import { BENCH } from './util.mjs';

export const TRACE_FILE = path.join(BENCH, 'data', 'automerge-paper.json.gz');

/** The automerge-paper trace as `[position, deleted, inserted]` operations, and its final text. */
export function loadTrace() {
	const json = JSON.parse(zlib.gunzipSync(fs.readFileSync(TRACE_FILE)).toString('utf8'));
	const ops = json.txns.flatMap((txn) => txn.patches);
	return { ops, endContent: json.endContent };
}

/** Text length before each operation (and after the last), to know when an editor has caught up. */
export function lengthsBefore(ops) {
	const lengths = new Int32Array(ops.length + 1);
	for (let i = 0; i < ops.length; i++) lengths[i + 1] = lengths[i] - ops[i][1] + ops[i][2].length;
	return lengths;
}

/** The text after the first `count` operations. */
export function textAfter(ops, count) {
	let text = '';
	for (let i = 0; i < count; i++) {
		const [position, deleted, inserted] = ops[i];
		text = text.slice(0, position) + inserted + text.slice(position + deleted);
	}
	return text;
}

export function applyOp(text, [position, deleted, inserted]) {
	if (deleted > 0) text.delete(position, deleted);
	if (inserted.length > 0) text.insert(position, inserted);
}

const TRACE_AUTHOR_ID = 0x5eed7ace;

/**
 * The trace as one author's updates, `batch` operations per transaction, in a paragraph of
 * the document's Tiptap fragment, as an editor would write it. Returns the updates and the
 * final document's compacted state.
 */
export function traceUpdates(ops, batch) {
	const doc = new Y.Doc();
	// Every reference in the state carries the author's id as a varint, so a random id (4 or 5
	// bytes) changed the document's size and timings from process to process; this one, like
	// most random ids, takes 5.
	doc.clientID = TRACE_AUTHOR_ID;
	const updates = [];
	doc.on('update', (update) => updates.push(update));
	const paragraph = new Y.XmlElement('paragraph');
	const text = new Y.XmlText();
	for (let start = 0; start < ops.length; start += batch) {
		doc.transact(() => {
			if (start === 0) {
				paragraph.insert(0, [text]);
				doc.getXmlFragment('default').push([paragraph]);
			}
			for (let i = start; i < Math.min(ops.length, start + batch); i++) applyOp(text, ops[i]);
		});
	}
	return { updates, state: Y.encodeStateAsUpdate(doc), length: text.length, doc };
}

/** Total text length over every XmlText in a document's Tiptap fragment. */
export function fragmentTextLength(doc) {
	let total = 0;
	const walk = (node) => {
		if (node instanceof Y.XmlText) total += node.length;
		else if (node instanceof Y.XmlElement || node instanceof Y.XmlFragment) for (const child of node.toArray()) walk(child);
	};
	walk(doc.getXmlFragment('default'));
	return total;
}
