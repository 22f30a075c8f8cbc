import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { initProseMirrorDoc } from '@tiptap/y-tiptap';
import { documentFromJSON, documentSchema } from '../../server/document/render';
import { strategyOutline } from '../../server/seed/outlines';
import { TextModel } from '../../server/document/passage';

const outline = {
	type: 'doc',
	content: [
		{ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: '1 Introduction' }] },
		{ type: 'paragraph', content: [{ type: 'text', text: 'The Law on Asylum of 2003 sets the procedure. The Law on Asylum of 2003 is amended.' }] },
		{ type: 'paragraph', content: [{ type: 'text', text: 'Reception is provided in Vizbegovo.' }] }
	]
};

/** Applies an edit made by another replica: the way concurrent edits reach the server. */
function remoteEdit(doc: Y.Doc, change: (fragment: Y.XmlFragment) => void): void {
	const other = new Y.Doc();
	Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
	const before = Y.encodeStateVector(other);
	change(other.getXmlFragment('default'));
	Y.applyUpdate(doc, Y.encodeStateAsUpdate(other, before));
}

function paragraphText(fragment: Y.XmlFragment, index: number): Y.XmlText {
	return (fragment.get(index) as Y.XmlElement).get(0) as Y.XmlText;
}

describe('passages', () => {
	it('[N1] a quote designates exactly one place; prefix or suffix tell repeats apart', () => {
		const model = new TextModel(documentFromJSON(outline));
		expect(model.find({ exact: 'The Law on Asylum of 2003' })).toBe('ambiguous');
		expect(model.find({ exact: 'no such words' })).toBe('not_found');
		expect(model.find({ exact: '   ' })).toBe('empty');
		const second = model.find({ exact: 'The Law on Asylum of 2003', prefix: 'procedure. ' });
		expect(second).toMatchObject({ selector: { exact: 'The Law on Asylum of 2003', suffix: ' is amended.\nReception is provid' } });
		const first = model.find({ exact: 'The Law on Asylum of 2003', suffix: ' sets' });
		expect(first).toMatchObject({ selector: { prefix: '1 Introduction\n' } });
	});

	it('[N1] an anchor follows its text through edits before, inside and after it', () => {
		const doc = documentFromJSON(outline);
		const model = new TextModel(doc);
		const found = model.find({ exact: 'sets the procedure' });
		if (typeof found === 'string') throw new Error(found);
		const anchor = model.anchor(found);

		remoteEdit(doc, (f) => paragraphText(f, 1).insert(0, 'Since 2004, '));
		remoteEdit(doc, (f) => paragraphText(f, 1).insert('Since 2004, The Law on Asylum of 2003 '.length, 'now '));
		remoteEdit(doc, (f) => paragraphText(f, 1).insert('Since 2004, The Law on Asylum of 2003 now sets the'.length, ' asylum'));
		remoteEdit(doc, (f) => paragraphText(f, 1).insert('Since 2004, The Law on Asylum of 2003 now sets the asylum procedure'.length, ' in full'));
		remoteEdit(doc, (f) => paragraphText(f, 2).insert(0, 'Moreover: '));
		const heading = new Y.XmlElement('heading');
		heading.setAttribute('level', '2');
		heading.insert(0, [new Y.XmlText('0 Preface')]);
		remoteEdit(doc, (f) => f.insert(0, [heading]));

		// Typed just before ("now ") and just after (" in full"): outside; typed inside: inside.
		expect(new TextModel(doc).locate(anchor)?.selector).toMatchObject({
			exact: 'sets the asylum procedure',
			prefix: expect.stringMatching(/of 2003 now $/),
			suffix: expect.stringMatching(/^ in full\./)
		});
	});

	it('[N1] when its text is deleted the passage is gone (orphaned); a quote elsewhere is unaffected', () => {
		const doc = documentFromJSON(outline);
		const model = new TextModel(doc);
		const gone = model.find({ exact: 'Vizbegovo' });
		const kept = model.find({ exact: 'Reception' });
		if (typeof gone === 'string' || typeof kept === 'string') throw new Error('not found');
		const goneAnchor = model.anchor(gone);
		const keptAnchor = model.anchor(kept);
		remoteEdit(doc, (f) => paragraphText(f, 2).delete('Reception is provided in '.length, 'Vizbegovo'.length));
		const now = new TextModel(doc);
		expect(now.locate(goneAnchor)).toBeNull();
		expect(now.locate(keptAnchor)?.selector.exact).toBe('Reception');
	});

	it('[N1] a passage at the very start of a paragraph does not grow when text is typed before it', () => {
		const doc = documentFromJSON(outline);
		const model = new TextModel(doc);
		const found = model.find({ exact: 'Reception is provided' });
		if (typeof found === 'string') throw new Error(found);
		const anchor = model.anchor(found);
		remoteEdit(doc, (f) => paragraphText(f, 2).insert(0, 'Today, '));
		expect(new TextModel(doc).locate(anchor)?.selector.exact).toBe('Reception is provided');
	});

	it('[N1] the server reads the text exactly as the editor does (blocks separated by a line break)', () => {
		const doc = documentFromJSON(strategyOutline('hr', 'asylum'));
		const { doc: pm } = initProseMirrorDoc(doc.getXmlFragment('default'), documentSchema);
		expect(new TextModel(doc).text).toBe(pm.textBetween(0, pm.content.size, '\n'));
	});

	it('[N1] a passage across two paragraphs is found and located', () => {
		const doc = documentFromJSON(outline);
		const model = new TextModel(doc);
		const found = model.find({ exact: 'amended.\nReception' });
		if (typeof found === 'string') throw new Error(found);
		expect(new TextModel(doc).locate(model.anchor(found))?.selector.exact).toBe('amended.\nReception');
	});
});
