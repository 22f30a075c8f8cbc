import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { paragraphsDeletedUnseen, type RescuedParagraph } from '../../src/lib/editor/rescued-words';

const SERVER = 'server';

function paragraph(text: string): Y.XmlElement {
	const element = new Y.XmlElement('paragraph');
	element.insert(0, [new Y.XmlText(text)]);
	return element;
}

function textOf(doc: Y.Doc, index: number): Y.XmlText {
	return (doc.getXmlFragment('default').get(index) as Y.XmlElement).get(0) as Y.XmlText;
}

/** Two people holding the same two paragraphs, written by the first. */
function twoPeople() {
	const mine = new Y.Doc();
	mine.getXmlFragment('default').insert(0, [paragraph('Visa policy is aligned.'), paragraph('Readmission agreements apply.')]);
	const theirs = new Y.Doc();
	Y.applyUpdate(theirs, Y.encodeStateAsUpdate(mine));
	return { mine, theirs };
}

/** Applies the update as the server's, and returns what `paragraphsDeletedUnseen` rescued from it. */
function receive(doc: Y.Doc, update: Uint8Array, writtenHere: (id: Y.ID) => boolean = (id) => id.client === doc.clientID): RescuedParagraph[] {
	let rescued: RescuedParagraph[] = [];
	const listen = (transaction: Y.Transaction) => {
		if (transaction.origin === SERVER) rescued = paragraphsDeletedUnseen(transaction, update, writtenHere);
	};
	doc.on('afterTransaction', listen);
	Y.applyUpdate(doc, update, SERVER);
	doc.off('afterTransaction', listen);
	return rescued;
}

describe('words deleted unseen', () => {
	it('[D10] a paragraph someone deleted comes back whole, with the words typed offline in it marked; the paragraph they left keeps its new words', () => {
		const { mine, theirs } = twoPeople();
		textOf(mine, 0).insert(23, ' Schengen rules apply from 2027.');
		textOf(mine, 1).insert(0, 'All ');

		theirs.getXmlFragment('default').delete(0, 1);
		const deletion = Y.encodeStateAsUpdate(theirs, Y.encodeStateVector(mine));

		expect(receive(mine, deletion)).toEqual([
			{
				pieces: [
					{ text: 'Visa policy is aligned.', unseen: false },
					{ text: ' Schengen rules apply from 2027.', unseen: true }
				]
			}
		]);
		expect(mine.getXmlFragment('default').length).toBe(1);
		expect(textOf(mine, 0).toString()).toBe('All Readmission agreements apply.');
	});

	it('[D10] rescued words keep their marks: bold words and a link come back as they were written', () => {
		const { mine, theirs } = twoPeople();
		const href = 'https://eur-lex.europa.eu/eli/reg/2018/1806/oj';
		textOf(mine, 0).insert(23, ' Schengen', { bold: {} });
		textOf(mine, 0).insert(32, ' Regulation 2018/1806', { link: { href } });
		textOf(mine, 0).insert(53, ' applies.', { link: null });

		theirs.getXmlFragment('default').delete(0, 1);
		expect(receive(mine, Y.encodeStateAsUpdate(theirs, Y.encodeStateVector(mine)))).toEqual([
			{
				pieces: [
					{ text: 'Visa policy is aligned.', unseen: false },
					{ text: ' Schengen', unseen: true, marks: [{ type: 'bold' }] },
					{ text: ' Regulation 2018/1806', unseen: true, marks: [{ type: 'link', attrs: { href } }] },
					{ text: ' applies.', unseen: true }
				]
			}
		]);
	});

	it('[D10] a deletion of words its author had seen is a choice: nothing is rescued', () => {
		const { mine, theirs } = twoPeople();
		textOf(mine, 0).insert(23, ' Schengen rules apply.');
		Y.applyUpdate(theirs, Y.encodeStateAsUpdate(mine, Y.encodeStateVector(theirs)));

		theirs.getXmlFragment('default').delete(0, 1);
		textOf(theirs, 0).delete(0, 4);

		expect(receive(mine, Y.encodeStateAsUpdate(theirs, Y.encodeStateVector(mine)))).toEqual([]);
		expect(mine.getXmlFragment('default').length).toBe(1);
	});

	it('[D10] a third person\'s words that arrive inside the deleted paragraph are not taken for ours', () => {
		const { mine, theirs } = twoPeople();
		const third = new Y.Doc();
		Y.applyUpdate(third, Y.encodeStateAsUpdate(mine));
		textOf(third, 0).insert(0, 'Late words. ');
		mine.getXmlFragment('default').delete(0, 1);
		void theirs;

		// Everything counts as written here, so only the "already held" rule can keep them out.
		expect(receive(mine, Y.encodeStateAsUpdate(third, Y.encodeStateVector(mine)), () => true)).toEqual([]);
	});

	it('[D10] two paragraphs come back as two, in the order they stood, as this browser had them', () => {
		const { mine, theirs } = twoPeople();
		textOf(mine, 1).insert(0, 'second ');
		textOf(mine, 0).insert(0, 'First ');
		textOf(mine, 0).insert(6, 'words ');

		theirs.getXmlFragment('default').delete(0, 2);

		expect(receive(mine, Y.encodeStateAsUpdate(theirs, Y.encodeStateVector(mine)))).toEqual([
			{
				pieces: [
					{ text: 'First words ', unseen: true },
					{ text: 'Visa policy is aligned.', unseen: false }
				]
			},
			{
				pieces: [
					{ text: 'second ', unseen: true },
					{ text: 'Readmission agreements apply.', unseen: false }
				]
			}
		]);
	});

	it('[D10] words rescued from a heading or a list item say so: the heading\'s level, the kind of list', () => {
		const mine = new Y.Doc();
		const heading = new Y.XmlElement('heading');
		heading.setAttribute('level', 2 as unknown as string);
		heading.insert(0, [new Y.XmlText('2 Current situation')]);
		const list = (name: string) => {
			const element = new Y.XmlElement(name);
			const item = new Y.XmlElement('listItem');
			item.insert(0, [paragraph(`An item of a ${name}`)]);
			element.insert(0, [item]);
			return element;
		};
		mine.getXmlFragment('default').insert(0, [heading, list('bulletList'), list('orderedList'), paragraph('Left alone.')]);
		const theirs = new Y.Doc();
		Y.applyUpdate(theirs, Y.encodeStateAsUpdate(mine));
		const fragment = mine.getXmlFragment('default');
		((fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(19, ' and outlook');
		for (const index of [1, 2]) {
			const text = (((fragment.get(index) as Y.XmlElement).get(0) as Y.XmlElement).get(0) as Y.XmlElement).get(0) as Y.XmlText;
			text.insert(0, 'New: ');
		}

		theirs.getXmlFragment('default').delete(0, 3);
		const rescued = receive(mine, Y.encodeStateAsUpdate(theirs, Y.encodeStateVector(mine)));
		expect(rescued.map(({ kind }) => kind)).toEqual([{ heading: 2 }, { list: 'bulletList' }, { list: 'orderedList' }]);
		expect(rescued.map(({ pieces }) => pieces.map((piece) => piece.text).join(''))).toEqual([
			'2 Current situation and outlook',
			'New: An item of a bulletList',
			'New: An item of a orderedList'
		]);
	});
});
