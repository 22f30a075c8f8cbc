import { describe, expect, it } from 'vitest';
import type { JSONContent } from '@tiptap/core';
import { listMarker, shapeLabel } from '../../src/lib/i18n/compare';
import { m } from '../../src/lib/paraglide/messages.js';
import { diffDocuments, type Change } from '../../server/document/diff';
import { canonicalText, contentHash } from '../../server/document/canonical';

const p = (text: string): JSONContent => ({ type: 'paragraph', content: text ? [{ type: 'text', text }] : [] });
const h = (level: number, text: string): JSONContent => ({ type: 'heading', attrs: { level }, content: [{ type: 'text', text }] });
const cell = (text: string): JSONContent => ({ type: 'tableCell', content: [p(text)] });
const doc = (...content: JSONContent[]): JSONContent => ({ type: 'doc', content });
const table = (...rows: string[][]): JSONContent => ({ type: 'table', content: rows.map((r) => ({ type: 'tableRow', content: r.map(cell) })) });

describe('comparing versions', () => {
	it('[V5] marks inserted and deleted words inside a paragraph, not the whole paragraph', () => {
		const before = doc(h(2, '1 Introduction'), p('The law was adopted in 2003 by parliament.'));
		const after = doc(h(2, '1 Introduction'), p('The asylum law was adopted in 2004 by parliament.'));
		const result = diffDocuments(before, after);
		expect(result.changes.filter((c) => c.op === 'insert').map((c) => c.text)).toEqual(['asylum ', '2004']);
		expect(result.changes.filter((c) => c.op === 'delete').map((c) => c.text)).toEqual(['2003']);
		expect(result.summary).toMatchObject({ sectionsChanged: 1, wordsAdded: 2, wordsRemoved: 1, blocksAdded: 0, blocksRemoved: 0 });
	});

	it('[V5] reports added and removed sections, and changed table cells', () => {
		const before = doc(h(2, '1 Introduction'), p('Text.'), h(2, '2 Situation'), p('Old situation.'), table(['Measure', 'Deadline'], ['Draft law', 'Q2 2006']));
		const after = doc(h(2, '1 Introduction'), p('Text.'), table(['Measure', 'Deadline'], ['Draft law', 'Q4 2006']), h(2, '3 Objectives'), p('New objective one.'));
		const result = diffDocuments(before, after);
		expect(result.summary.cellsChanged).toBe(1);
		expect(result.blocks.some((b) => b.status === 'removed' && b.kind === 'heading')).toBe(true);
		expect(result.blocks.some((b) => b.status === 'added' && b.kind === 'heading')).toBe(true);
		const changedCell = result.blocks.findIndex((b) => b.kind === 'cell' && b.status === 'changed');
		expect(result.blocks[changedCell]!.cell).toEqual({ table: 1, row: 2, column: 2 });
		expect(result.changes.filter((c) => c.block === changedCell && c.op !== 'equal').map((c) => `${c.op}:${c.text}`)).toEqual(['delete:Q2', 'insert:Q4']);
	});

	it('[V5] a long paragraph edited throughout still shows only the words that changed, and both versions read back whole', () => {
		const sentence = (n: number) => `Measure ${n} aligns the reception conditions with Directive 2003/9/EC by ${2005 + (n % 4)}. `;
		const original = Array.from({ length: 1_500 }, (_, n) => sentence(n)).join('');
		const edited = original.replaceAll(/Measure (\d*7) aligns/g, 'Measure $1 fully aligns').replaceAll(/Measure (\d*3)0 aligns the reception conditions/g, 'Measure $10 aligns the conditions');
		const result = diffDocuments(doc(p(original)), doc(p(edited)));
		const inserted = result.changes.filter((c) => c.op === 'insert').map((c) => c.text.trim());
		const deleted = result.changes.filter((c) => c.op === 'delete').map((c) => c.text.trim());
		expect(new Set(inserted)).toEqual(new Set(['fully']));
		expect(new Set(deleted)).toEqual(new Set(['reception']));
		expect(inserted).toHaveLength(150);
		expect(deleted).toHaveLength(15);
		const read = (skip: Change['op']) => result.changes.filter((c) => c.op !== skip).map((c) => c.text).join('');
		expect(read('insert')).toBe(original);
		expect(read('delete')).toBe(edited);
		expect(result.summary).toMatchObject({ wordsAdded: 150, wordsRemoved: 15, blocksAdded: 0, blocksRemoved: 0 });
	});

	const list = (type: string | null, start = 1, punctuation?: string): JSONContent => ({
		type: 'orderedList',
		attrs: { start, type, ...(punctuation && { punctuation }) },
		content: [{ type: 'listItem', content: [p('First')] }, { type: 'listItem', content: [p('Second')] }]
	});

	it('[V5] a lettered, roman-numbered or bracketed list shows its items as it numbers them', () => {
		const markers = (type: string | null, start = 1, punctuation?: string) =>
			diffDocuments(doc(list(type, start, punctuation)), doc(list(type, start, punctuation))).blocks.map((block) => listMarker(block.list!));
		expect(markers(null, 3)).toEqual(['3.', '4.']);
		expect(markers('a', 26)).toEqual(['z.', 'aa.']);
		expect(markers('A', 3)).toEqual(['C.', 'D.']);
		expect(markers('i', 3)).toEqual(['iii.', 'iv.']);
		expect(markers('I', 1999)).toEqual(['MCMXCIX.', 'MM.']);
		expect(markers('a', 3, ')')).toEqual(['c)', 'd)']);
		expect(markers('i', 4, '()')).toEqual(['(iv)', '(v)']);
		expect(markers(null, 1, '()')).toEqual(['(1)', '(2)']);
		// What a hostile or older client might store reads as the plain numbering.
		expect(markers('disc', 1, '];')).toEqual(['1.', '2.']);
	});

	it('[V5] a list whose numbering alone changed is a formatting change that says how it was numbered', () => {
		const result = diffDocuments(doc(list(null)), doc(list('a', 1, ')')));
		expect(result.blocks.map((b) => b.status)).toEqual(['changed', 'changed']);
		expect(result.summary).toMatchObject({ formattingChanges: 2, wordsAdded: 0, wordsRemoved: 0 });
		expect(shapeLabel(result.blocks[0]!.before!)).toBe(m.diff_kind_numbered());
		expect(shapeLabel(result.blocks[0]!)).toBe('numbered list item: a) b) c) …');
	});

	it('[V5] a line break added or removed inside a paragraph is a change, and no words are', () => {
		const broken = (first: string, second: string): JSONContent => ({ type: 'paragraph', content: [{ type: 'text', text: first }, { type: 'hardBreak' }, { type: 'text', text: second }] });
		const added = diffDocuments(doc(p('Deadline: Q2 2006 Owner: ministry')), doc(broken('Deadline: Q2 2006 ', 'Owner: ministry')));
		expect(added.blocks.map((b) => b.status)).toEqual(['changed']);
		expect(added.changes.filter((c) => c.op !== 'equal').map((c) => `${c.op}:${JSON.stringify(c.text)}`)).toEqual(['insert:"\\n"']);
		expect(added.summary).toMatchObject({ sectionsChanged: 1, wordsAdded: 0, wordsRemoved: 0 });
		const removed = diffDocuments(doc(broken('Deadline: Q2 2006 ', 'Owner: ministry')), doc(p('Deadline: Q2 2006 Owner: ministry')));
		expect(removed.changes.filter((c) => c.op !== 'equal').map((c) => `${c.op}:${JSON.stringify(c.text)}`)).toEqual(['delete:"\\n"']);
	});

	it('[V5] identical versions have no changes', () => {
		const same = doc(h(1, 'Title'), p('One.'));
		const result = diffDocuments(same, same);
		expect(result.changes.every((c) => c.op === 'equal')).toBe(true);
		expect(result.summary).toMatchObject({ sectionsChanged: 0, wordsAdded: 0, wordsRemoved: 0 });
	});
});

const t = (text: string, ...marks: JSONContent['marks'] & object): JSONContent => ({ type: 'text', text, ...(marks.length > 0 && { marks }) });
const rich = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });
const list = (type: 'bulletList' | 'orderedList', ...items: string[]): JSONContent => ({ type, content: items.map((item) => ({ type: 'listItem', content: [p(item)] })) });
const link = (href: string) => ({ type: 'link', attrs: { href } });

describe('comparing the formatting of versions', () => {
	const restyled = (before: JSONContent, after: JSONContent) => {
		const result = diffDocuments(before, after);
		return { result, pieces: result.changes.filter((c) => c.marksBefore).map((c) => ({ text: c.text, marks: c.marks ?? [], marksBefore: c.marksBefore })) };
	};

	it('[V5] a paragraph made a heading, and a heading given another level, are changes that say what the block was', () => {
		const { result } = restyled(doc(h(2, '1 Scope'), p('Obligations of the Ministry'), h(2, '2 Measures')), doc(h(2, '1 Scope'), h(3, 'Obligations of the Ministry'), h(3, '2 Measures')));
		expect(result.blocks.map((b) => [b.status, b.before])).toEqual([
			['equal', undefined],
			['changed', { kind: 'paragraph' }],
			['changed', { kind: 'heading', level: 2 }]
		]);
		expect(result.blocks[1]).toMatchObject({ kind: 'heading', level: 3 });
		expect(result.changes.every((c) => c.op === 'equal')).toBe(true);
		expect(result.summary).toMatchObject({ formattingChanges: 2, wordsAdded: 0, wordsRemoved: 0, blocksAdded: 0, blocksRemoved: 0 });
	});

	it('[V5] a bulleted list made numbered, and a paragraph taken into a list, are changes of kind', () => {
		const before = doc(list('bulletList', 'Return the applicant', 'Inform UNHCR'), p('Appeal within 8 days'));
		const after = doc(list('orderedList', 'Return the applicant', 'Inform UNHCR', 'Appeal within 8 days'));
		const { result } = restyled(before, after);
		expect(result.blocks.map((b) => [b.list, b.before])).toEqual([
			[{ type: 'ordered', number: 1 }, { kind: 'paragraph', list: { type: 'bullet', number: 1 } }],
			[{ type: 'ordered', number: 2 }, { kind: 'paragraph', list: { type: 'bullet', number: 2 } }],
			[{ type: 'ordered', number: 3 }, { kind: 'paragraph' }]
		]);
		expect(result.summary.formattingChanges).toBe(3);
	});

	it('[V5] a list item made a sub-item, and a paragraph put into a quotation, are changes of kind', () => {
		const flat = doc(list('bulletList', 'Return the applicant', 'Inform UNHCR'), p('Appeal within 8 days'));
		const nested = doc(
			{ type: 'bulletList', content: [{ type: 'listItem', content: [p('Return the applicant'), list('bulletList', 'Inform UNHCR')] }] },
			{ type: 'blockquote', content: [p('Appeal within 8 days')] }
		);
		const { result } = restyled(flat, nested);
		expect(result.blocks.map((b) => [b.status, b.list, b.quote, b.before])).toEqual([
			['equal', { type: 'bullet', number: 1 }, undefined, undefined],
			['changed', { type: 'bullet', number: 1, depth: 2 }, undefined, { kind: 'paragraph', list: { type: 'bullet', number: 2 } }],
			['changed', undefined, true, { kind: 'paragraph' }]
		]);
		expect(result.summary).toMatchObject({ formattingChanges: 2, wordsAdded: 0, wordsRemoved: 0 });
		expect(restyled(nested, flat).result.blocks.map((b) => b.before)).toEqual([
			undefined,
			{ kind: 'paragraph', list: { type: 'bullet', number: 1, depth: 2 } },
			{ kind: 'paragraph', quote: true }
		]);
		// As the compare page says it.
		expect(result.blocks.filter((b) => b.before).map((b) => m.diff_before_now({ before: shapeLabel(b.before!), now: shapeLabel(b) }))).toEqual([
			'Before: bulleted list item; now: bulleted list item, level 2',
			'Before: paragraph; now: paragraph, in a quotation'
		]);
	});

	it.each([
		['bold', { type: 'bold' }],
		['italic', { type: 'italic' }],
		['underline', { type: 'underline' }],
		['strike', { type: 'strike' }],
		['link', link('https://eur-lex.europa.eu/eli/dir/2013/32')]
	])('[V5] %s put on unchanged words, and taken off again, is a formatting change', (_name, mark) => {
		const plain = doc(p('The Ministry shall decide within six months.'));
		const marked = doc(rich(t('The Ministry '), t('shall decide', mark), t(' within six months.')));
		const expected = mark.type === 'link' ? { type: 'link', href: 'https://eur-lex.europa.eu/eli/dir/2013/32' } : { type: mark.type };
		const on = restyled(plain, marked);
		expect(on.pieces).toEqual([{ text: 'shall decide', marks: [expected], marksBefore: [] }]);
		expect(on.result.blocks[0]!.status).toBe('changed');
		expect(on.result.summary).toMatchObject({ formattingChanges: 1, wordsAdded: 0, wordsRemoved: 0, sectionsChanged: 1 });
		expect(restyled(marked, plain).pieces).toEqual([{ text: 'shall decide', marks: [], marksBefore: [expected] }]);
	});

	it('[V5] a link given another target is a formatting change that names both targets', () => {
		const before = doc(rich(t('See '), t('the directive', link('https://eur-lex.europa.eu/eli/dir/2013/32')), t('.')));
		const after = doc(rich(t('See '), t('the directive', link('https://example.org/other')), t('.')));
		expect(restyled(before, after).pieces).toEqual([
			{ text: 'the directive', marks: [{ type: 'link', href: 'https://example.org/other' }], marksBefore: [{ type: 'link', href: 'https://eur-lex.europa.eu/eli/dir/2013/32' }] }
		]);
	});

	it('[V5] words changed inside a formatted paragraph keep their formatting, and only restyled words count', () => {
		const before = doc(rich(t('Deadline: '), t('Q2 2006', { type: 'bold' }), t(', then review.')));
		const after = doc(rich(t('Deadline: '), t('Q4 2006', { type: 'bold' }), t(', then '), t('review', { type: 'italic' }), t('.')));
		const result = diffDocuments(before, after);
		expect(result.changes.filter((c) => c.op !== 'equal').map((c) => [c.op, c.text, c.marks])).toEqual([
			['delete', 'Q2', [{ type: 'bold' }]],
			['insert', 'Q4', [{ type: 'bold' }]]
		]);
		expect(result.changes.filter((c) => c.marksBefore).map((c) => c.text)).toEqual(['review']);
		expect(result.summary).toMatchObject({ formattingChanges: 1, wordsAdded: 1, wordsRemoved: 1 });
	});

	it('[V5] a new word bold in part counts as one word added', () => {
		const result = diffDocuments(doc(p('The law.')), doc(rich(t('The '), t('Asyl', { type: 'bold' }), t('um law.'))));
		expect(result.changes.filter((c) => c.op === 'insert').map((c) => [c.text, c.marks])).toEqual([['Asyl', [{ type: 'bold' }]], ['um ', undefined]]);
		expect(result.summary).toMatchObject({ wordsAdded: 1, formattingChanges: 0 });
	});

	it('[V5] an untouched document with formatting, lists and headings reports nothing', () => {
		const same = doc(h(1, 'Title'), rich(t('Bold', { type: 'bold' }), t(' and '), t('linked', link('https://example.org'))), list('orderedList', 'One', 'Two'), table(['A', 'B']));
		const result = diffDocuments(same, same);
		expect(result.blocks.every((b) => b.status === 'equal' && !b.before)).toBe(true);
		expect(result.changes.every((c) => c.op === 'equal' && !c.marksBefore)).toBe(true);
		expect(result.summary).toEqual({ sectionsChanged: 0, wordsAdded: 0, wordsRemoved: 0, blocksAdded: 0, blocksRemoved: 0, cellsChanged: 0, formattingChanges: 0 });
	});
});

describe('the canonical text', () => {
	it('[V3] is the blocks’ text, NFC, white space collapsed, empty blocks left out, one line feed each', () => {
		const json = doc(h(1, 'Strategy  title'), p(''), p('Caf\u0065\u0301 and\u00a0tea\t'), table(['A', ' B ']));
		expect(canonicalText(json)).toBe('Strategy title\nCafé and tea\nA\nB\n');
		expect(contentHash(json)).toMatch(/^[0-9a-f]{64}$/);
	});

	it('[V3] every kind and run of white space is one space, a single space stays', () => {
		const spaced = doc(p('a\tb\u2007c\u202fd \u00a0 e\u3000\u3000f g'));
		expect(canonicalText(spaced)).toBe('a b c d e f g\n');
	});

	it('[V3] a line break inside a paragraph counts as a space', () => {
		const broken = doc({ type: 'paragraph', content: [{ type: 'text', text: 'first' }, { type: 'hardBreak' }, { type: 'text', text: 'second' }] });
		expect(canonicalText(broken)).toBe('first second\n');
	});

	it('[V3] does not change with formatting', () => {
		const plain = doc(p('Bold words here'));
		const bold = doc({ type: 'paragraph', content: [{ type: 'text', text: 'Bold', marks: [{ type: 'bold' }] }, { type: 'text', text: ' words here' }] });
		expect(contentHash(bold)).toBe(contentHash(plain));
	});
});
