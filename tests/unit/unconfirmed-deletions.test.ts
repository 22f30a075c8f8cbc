import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { UnconfirmedDeletions } from '../../src/lib/editor/unconfirmed-deletions';

/** A browser's document and the server's, in step, with one paragraph of text. */
function pair() {
	const browser = new Y.Doc();
	const text = new Y.XmlText('Deleted words are work too.');
	const paragraph = new Y.XmlElement('paragraph');
	paragraph.insert(0, [text]);
	browser.getXmlFragment('default').push([paragraph]);
	const server = new Y.Doc();
	Y.applyUpdate(server, Y.encodeStateAsUpdate(browser));
	const deletions = new UnconfirmedDeletions();
	browser.on('afterTransaction', (transaction: Y.Transaction) => deletions.add(transaction.deleteSet));
	const updates: Uint8Array[] = [];
	browser.on('update', (update: Uint8Array) => updates.push(update));
	/** The server's answer to the browser's sync step 1: what it lacks, and the server's whole delete set. */
	const answer = () => Y.decodeUpdate(Y.encodeStateAsUpdate(server, Y.encodeStateVector(browser))).ds;
	return { browser, text, server, deletions, updates, answer };
}

describe('[S3] deletions count as saved only once the server holds them', () => {
	it('a deletion is pending until the server’s delete set covers it, however it is split', () => {
		const { text, server, deletions, updates, answer } = pair();
		text.delete(0, 8);
		text.delete(6, 4);
		expect(deletions.pending).toBe(true);

		deletions.confirm(answer());
		expect(deletions.pending).toBe(true);
		Y.applyUpdate(server, updates[0]!);
		deletions.confirm(answer());
		expect(deletions.pending).toBe(true);
		Y.applyUpdate(server, updates[1]!);
		deletions.confirm(answer());
		expect(deletions.pending).toBe(false);
	});

	it('typing alone leaves nothing pending, and the server’s other deletions confirm nothing of ours', () => {
		const { browser, text, server, deletions, answer } = pair();
		text.insert(0, 'New ');
		expect(deletions.pending).toBe(false);
		text.delete(0, 4);
		// Someone else deleted other words on the server.
		const elsewhere = server.getXmlFragment('default').get(0) as Y.XmlElement;
		(elsewhere.get(0) as Y.XmlText).delete(10, 5);
		deletions.confirm(answer());
		expect(deletions.pending).toBe(true);
		Y.applyUpdate(server, Y.encodeStateAsUpdate(browser, Y.encodeStateVector(server)));
		deletions.confirm(answer());
		expect(deletions.pending).toBe(false);
	});
});
