import type { JSONContent } from '@tiptap/core';
import { Document, ExternalHyperlink, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { canonicalText, contentHash } from '../../server/document/canonical';
import { documentSchema } from '../../server/document/render';
import { exportDocx } from '../../server/export/docx';
import { detectFormat, docxToDocument, extractStrategyText, type ExportFormat } from '../../server/export/extract';
import { exportHtml } from '../../server/export/html';
import { exportMarkdown } from '../../server/export/markdown';
import type { ExportInput } from '../../server/export/types';
import { strategyOutline } from '../../server/seed/outlines';
import { DELEGATION_CODES, MODULES } from '../../src/lib/vocabulary';
import { exportInput } from '../helpers/export-input';

const encoder = new TextEncoder();

async function exported(format: ExportFormat, input: ExportInput): Promise<Uint8Array> {
	switch (format) {
		case 'docx':
			return exportDocx(input);
		case 'html':
			return encoder.encode(exportHtml(input));
		case 'markdown':
			return encoder.encode(exportMarkdown(input));
	}
}

async function wordXml(docx: Uint8Array): Promise<{ document: string; relationships: string; styles: string }> {
	const zip = await JSZip.loadAsync(docx);
	return {
		document: await zip.file('word/document.xml')!.async('string'),
		relationships: await zip.file('word/_rels/document.xml.rels')!.async('string'),
		styles: await zip.file('word/styles.xml')!.async('string')
	};
}

/** The part of word/document.xml between the two body bookmarks. */
function bodyXml(document: string): string {
	return document.slice(document.indexOf('w:name="acquis_text_start"'), document.indexOf('w:name="acquis_text_end"'));
}

function nodeTypes(json: JSONContent): string[] {
	return [json.type ?? '', ...(json.content ?? []).flatMap(nodeTypes)];
}

function markTypes(json: JSONContent): string[] {
	return [...(json.marks ?? []).map((mark) => mark.type), ...(json.content ?? []).flatMap(markTypes)];
}

function hrefs(json: JSONContent): unknown[] {
	return [
		...(json.marks ?? []).filter((mark) => mark.type === 'link').map((mark) => mark.attrs?.href),
		...(json.content ?? []).flatMap(hrefs)
	];
}

const text = (value: string, marks: JSONContent['marks'] = []): JSONContent => ({ type: 'text', text: value, marks });
const paragraph = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });
const item = (...content: JSONContent[]): JSONContent => ({ type: 'listItem', content });
const cell = (type: 'tableCell' | 'tableHeader', value: string, colspan = 1): JSONContent => ({
	type,
	attrs: { colspan, rowspan: 1, colwidth: null },
	content: [paragraph(text(value))]
});

/** Everything the editor can write, including text that Markdown would read as syntax. */
const RICH: JSONContent = {
	type: 'doc',
	content: [
		{ type: 'heading', attrs: { level: 1 }, content: [text('Strategy on visas')] },
		paragraph(
			text('Bold', [{ type: 'bold' }]),
			text(', italic', [{ type: 'italic' }]),
			text(', underlined', [{ type: 'underline' }]),
			text(', struck', [{ type: 'strike' }]),
			text(' and a '),
			text('link', [{ type: 'link', attrs: { href: 'https://eur-lex.europa.eu/?uri=CELEX:32001R0539&lang=en' } }]),
			text(' and a '),
			text('mail', [{ type: 'link', attrs: { href: 'mailto:visa@example.org' } }]),
			text(' and a '),
			text('trap', [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }]),
			text('.'),
			{ type: 'hardBreak' },
			text('After the break: 2006. A year, C++ and C++, a | pipe, <b>not bold</b>, *stars* & _under_scores_.')
		),
		{ type: 'heading', attrs: { level: 2 }, content: [text('2.1 Lists')] },
		{
			type: 'bulletList',
			content: [
				item(
					paragraph(text('First level')),
					{
						type: 'orderedList',
						attrs: { start: 3 },
						content: [
							item(paragraph(text('Second level, numbered from three')), {
								type: 'bulletList',
								content: [item(paragraph(text('Third level')))]
							})
						]
					}
				),
				item(paragraph(text('Another item')), paragraph(text('with a second paragraph')))
			]
		},
		paragraph(text('2006. A year that looks like a list item')),
		paragraph(text('- not a list')),
		paragraph(text('# not a heading')),
		paragraph(text('> not a quote')),
		paragraph(text('---')),
		{ type: 'blockquote', content: [paragraph(text('A quoted passage.'))] },
		{ type: 'horizontalRule' },
		{ type: 'heading', attrs: { level: 3 }, content: [text('Action plan')] },
		{
			type: 'table',
			content: [
				{ type: 'tableRow', content: [cell('tableHeader', 'Measure'), cell('tableHeader', 'Deadline | quarter')] },
				{ type: 'tableRow', content: [cell('tableCell', 'Introduce a new sticker'), cell('tableCell', 'Q3 2006')] },
				{
					type: 'tableRow',
					content: [
						cell('tableCell', 'Train consular staff'),
						{ ...cell('tableCell', 'Q4 2006'), content: [paragraph(text('Q4 2006')), paragraph(text('then every year'))] }
					]
				},
				{ type: 'tableRow', content: [cell('tableCell', 'Both columns', 2)] }
			]
		},
		{ type: 'heading', attrs: { level: 4 }, content: [text('Annex #')] },
		paragraph(text('Last paragraph.'))
	]
};

const SIGNED: Partial<ExportInput> = {
	signed: true,
	statusLabel: 'Signed',
	signatures: [
		{
			name: 'Ana Head',
			signedAt: '1 Dec 2026, 10:00',
			statement: 'Approved for the ministry.',
			contentHash: 'a'.repeat(64),
			superseded: true
		},
		{ name: 'Ben Head', signedAt: '2 Dec 2026, 11:00', statement: null, contentHash: 'b'.repeat(64), superseded: false }
	],
	annotations: [
		{
			code: 'V1',
			title: 'Visa list',
			assessmentLabel: 'Partially aligned',
			exact: 'Introduce a new sticker',
			note: 'Follow Regulation 1683/95 | annex',
			orphaned: false
		},
		{ code: 'V2', title: 'Carriers', assessmentLabel: 'Gap', exact: 'a deleted passage', note: 'Check.', orphaned: true }
	]
};

const FORMATS: ExportFormat[] = ['docx', 'html', 'markdown'];
const OUTLINES = DELEGATION_CODES.flatMap((delegation) => MODULES.map((module) => ({ delegation, module })));

describe('exports keep the strategy text', () => {
	it.each(FORMATS.flatMap((format) => OUTLINES.map((outline) => ({ format, ...outline }))))(
		'the $format export of the $delegation/$module outline gives back its canonical text and content hash',
		async ({ format, delegation, module }) => {
			const outline = strategyOutline(delegation, module);
			const extracted = await extractStrategyText(await exported(format, exportInput(outline)));
			expect(canonicalText(extracted)).toBe(canonicalText(outline));
			expect(contentHash(extracted)).toBe(contentHash(outline));
		}
	);

	it('the test document is a valid strategy', () => {
		expect(() => documentSchema.nodeFromJSON(RICH).check()).not.toThrow();
	});

	it.each(FORMATS)(
		'the %s export of a document with every kind of formatting, signatures and annotations gives back exactly its text',
		async (format) => {
			const extracted = await extractStrategyText(await exported(format, exportInput(RICH, SIGNED)));
			expect(canonicalText(extracted)).toBe(canonicalText(RICH));
		}
	);

	it.each(FORMATS)('the %s export keeps headings, lists, tables and emphasis in the extracted text', async (format) => {
		const extracted = await extractStrategyText(await exported(format, exportInput(RICH, SIGNED)));
		expect(nodeTypes(extracted)).toEqual(expect.arrayContaining(['heading', 'bulletList', 'orderedList', 'listItem', 'table', 'hardBreak']));
		expect(markTypes(extracted)).toEqual(expect.arrayContaining(['bold', 'italic', 'underline', 'strike', 'link']));
		expect(hrefs(extracted).sort()).toEqual(['https://eur-lex.europa.eu/?uri=CELEX:32001R0539&lang=en', 'mailto:visa@example.org']);
	});
});

describe('the Word export', () => {
	it('uses Word headings, numbering and tables for the strategy body, on A4 pages', async () => {
		const { document } = await wordXml(await exportDocx(exportInput(strategyOutline('hr', 'visa'))));
		const body = bodyXml(document);
		expect(body).toContain('<w:tbl>');
		expect(body).toContain('<w:tblHeader/>');
		expect(body).toContain('<w:tblBorders>');
		expect(body).toContain('<w:numPr>');
		for (const level of [1, 2, 3]) expect(body).toContain(`<w:pStyle w:val="Heading${level}"/>`);
		expect(document).toContain('<w:pgSz w:w="11906" w:h="16838"');
	});

	it('nests list levels and restarts each numbered list at its own start', async () => {
		const docx = await exportDocx(exportInput(RICH));
		const { document } = await wordXml(docx);
		expect(bodyXml(document)).toMatch(/<w:ilvl w:val="2"\/>/);
		const numbering = await (await JSZip.loadAsync(docx)).file('word/numbering.xml')!.async('string');
		expect(numbering).toContain('<w:start w:val="3"/>');
	});

	it('[G8] numbers a list lettered, in roman numerals or bracketed as it is written', async () => {
		const numbered = (type: string | null, punctuation = '.') => ({
			type: 'doc',
			content: [{ type: 'orderedList', attrs: { start: 2, type, punctuation }, content: [item(paragraph(text(`Item ${type}`)))] }]
		});
		const cases = [['a', '.', 'lowerLetter', '%1.'], ['A', '.', 'upperLetter', '%1.'], ['i', '.', 'lowerRoman', '%1.'], ['I', '.', 'upperRoman', '%1.'], ['a', ')', 'lowerLetter', '%1)'], ['i', '()', 'lowerRoman', '(%1)'], ['1', '()', 'decimal', '(%1)']] as const;
		for (const [type, punctuation, format, written] of cases) {
			const numbering = await (await JSZip.loadAsync(await exportDocx(exportInput(numbered(type, punctuation))))).file('word/numbering.xml')!.async('string');
			const ordered = numbering.slice(numbering.lastIndexOf('<w:abstractNum '));
			const label = `${type} ${punctuation}`;
			expect(ordered, label).toMatch(new RegExp(`<w:lvl w:ilvl="0"[^>]*>\\s*<w:start w:val="2"/>\\s*<w:numFmt w:val="${format}"/>`));
			expect(ordered, label).toMatch(new RegExp(`<w:lvl w:ilvl="0".*?<w:lvlText w:val="${written.replace(/[()]/g, '\\$&')}"/>`, 's'));
		}
	});

	it('keeps the cover, signatures and annex outside the two body bookmarks', async () => {
		const input = exportInput(RICH, SIGNED);
		const { document } = await wordXml(await exportDocx(input));
		const body = bodyXml(document);
		expect(document.indexOf('w:name="acquis_text_start"')).toBeGreaterThan(document.indexOf(input.contentHash));
		for (const outside of [input.contentHash, 'Ana Head', 'Approved for the ministry.', 'Follow Regulation 1683/95', 'Superseded']) {
			expect(document).toContain(outside);
			expect(body).not.toContain(outside);
		}
	});

	it('[L6] says which language the text is written in, for Word’s proofing and screen readers', async () => {
		const { styles } = await wordXml(await exportDocx(exportInput(RICH, { textLanguage: 'sq' })));
		expect(styles).toMatch(/<w:docDefaults>.*<w:lang w:val="sq"\/>.*<\/w:docDefaults>/s);
	});

	it('writes only web and e-mail links as hyperlinks', async () => {
		const { relationships } = await wordXml(await exportDocx(exportInput(RICH)));
		expect(relationships).toContain('https://eur-lex.europa.eu/');
		expect(relationships).toContain('mailto:visa@example.org');
		expect(relationships).not.toContain('javascript');
	});
});

describe('the HTML export', () => {
	const html = exportHtml(exportInput(RICH, { ...SIGNED, title: '<script>alert(1)</script>', lang: 'sr-Cyrl', textLanguage: 'mk' }));

	it('is a standalone page for A4 with no script and no external resource', () => {
		expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="sr-Cyrl">/);
		expect(html).toContain('@page { size: A4; margin: 20mm; }');
		expect(html).not.toMatch(/<script|<link|<img|<iframe|src=|@import|url\(/i);
		// [L6] The labels in the reader's language, the text in its own.
		expect(html).toContain('<article id="strategy-text" lang="mk">');
	});

	it('[G8] writes a list numbered a), (iv) as it is numbered, and reading the file back keeps that', async () => {
		const numbered = (type: string | null, punctuation: string): JSONContent => ({
			type: 'orderedList',
			attrs: { start: 4, type, punctuation },
			content: [item(paragraph(text(`Item ${type} ${punctuation}`)))]
		});
		const page = exportHtml(exportInput({ type: 'doc', content: [numbered('a', ')'), numbered('i', '()'), numbered(null, '.')] }));
		expect(page).toContain('<ol style="list-style-type: lower-alpha-paren;" start="4" type="a">');
		expect(page).toContain('<ol style="list-style-type: lower-roman-parens;" start="4" type="i">');
		expect(page).toContain('<ol start="4">');
		expect(page).toContain('@counter-style lower-alpha-paren { system: extends lower-alpha; suffix: ") "; }');
		expect(page).toContain('@counter-style lower-roman-parens { system: extends lower-roman; prefix: "("; suffix: ") "; }');
		// What a hostile client might store as the punctuation is written as no punctuation at all.
		const hostile = exportHtml(exportInput({ type: 'doc', content: [numbered('a', '"><script>alert(1)</script>')] }));
		expect(hostile).toContain('<ol start="4" type="a">');
		expect(hostile).not.toContain('<script>alert(1)');
		const lists = (await extractStrategyText(encoder.encode(page))).content!.map((list) => list.attrs);
		expect(lists).toEqual([
			{ start: 4, type: 'a', punctuation: ')' },
			{ start: 4, type: 'i', punctuation: '()' },
			{ start: 4, type: null, punctuation: '.' }
		]);
	});

	it('escapes the texts it inserts', () => {
		expect(html).toContain('<title>&#60;script&#62;alert(1)&#60;/script&#62;</title>');
		expect(html).toContain('Follow Regulation 1683/95 | annex');
		const nasty = exportHtml(
			exportInput(RICH, {
				signatures: [{ name: '<img src=x onerror=alert(1)>', signedAt: '"now"', statement: '</dd><b>', contentHash: 'c', superseded: false }],
				annotations: [{ ...SIGNED.annotations![0]!, note: '<iframe>', exact: '</td>' }]
			})
		);
		expect(nasty).not.toMatch(/<img|<iframe|<\/dd><b>|<\/td><\/td>/);
		expect(nasty).toContain('&#60;img src=x onerror=alert(1)&#62;');
	});
});

describe('the Markdown export', () => {
	it('writes the body between the two marker lines and the annex as a table', () => {
		const markdown = exportMarkdown(exportInput(RICH, SIGNED));
		const lines = markdown.split('\n');
		const start = lines.indexOf('<!-- acquis:text:start -->');
		const end = lines.indexOf('<!-- acquis:text:end -->');
		expect(start).toBeGreaterThan(0);
		expect(end).toBeGreaterThan(start);
		expect(lines.slice(end).join('\n')).toContain(
			'| V1 — Visa list | Partially aligned | “Introduce a new sticker” | Follow Regulation 1683/95 \\| annex |'
		);
		expect(lines.slice(0, start).join('\n')).toContain(`\`${contentHash(RICH)}\``);
	});
});

describe('a javascript: link', () => {
	it.each(FORMATS)('never becomes a link in the %s export', async (format) => {
		const bytes = await exported(format, exportInput(RICH));
		const content = format === 'docx' ? (await wordXml(bytes)).relationships : new TextDecoder().decode(bytes);
		expect(content).not.toMatch(/javascript:/i);
		expect(hrefs(await extractStrategyText(bytes))).not.toContain('javascript:alert(1)');
	});

	it('never survives reading an uploaded HTML file, nor does a script', async () => {
		const html = '<article id="strategy-text"><p><a href="javascript:alert(1)">trap</a><script>alert(2)</script></p></article>';
		const json = await extractStrategyText(encoder.encode(html));
		expect(json).toEqual({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'trap' }] }] });
	});

	it('never survives reading an uploaded Markdown file, and raw HTML stays plain text', async () => {
		const markdown =
			'# Upload\n\n<!-- acquis:text:start -->\n\n[trap](javascript:alert(1)) <script>alert(2)</script>\n\n<!-- acquis:text:end -->\n';
		const json = await extractStrategyText(encoder.encode(markdown));
		expect(hrefs(json)).toEqual([]);
		expect(canonicalText(json)).toBe('trap <script>alert(2)</script>\n');
		expect(nodeTypes(json)).toEqual(['doc', 'paragraph', 'text', 'text']);
	});
});

describe('uploaded files', () => {
	it.each(FORMATS)('a %s export is recognised as such', async (format) => {
		expect(detectFormat(await exported(format, exportInput(RICH)))).toBe(format);
	});

	it('HTML is recognised after a byte order mark and white space', () => {
		expect(detectFormat(encoder.encode('\uFEFF \n <!DOCTYPE html><html></html>'))).toBe('html');
	});

	it('a file without markers is refused with a clear message', async () => {
		const plainWord = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Just a letter.')] }] }));
		await expect(extractStrategyText(plainWord)).rejects.toThrow(/no "acquis_text_start" and "acquis_text_end" bookmarks/);
		await expect(extractStrategyText(encoder.encode('<html><body><p>Hi</p></body></html>'))).rejects.toThrow(
			/no element with id "strategy-text"/
		);
		await expect(extractStrategyText(encoder.encode('# Notes\n\nNothing here.\n'))).rejects.toThrow(
			/no "<!-- acquis:text:start -->" and "<!-- acquis:text:end -->" lines/
		);
	});

	it('random bytes are refused with a clear message', async () => {
		let seed = 42;
		const random = Uint8Array.from({ length: 4096 }, () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) >>> 23);
		await expect(extractStrategyText(random)).rejects.toThrow(/neither a Word document nor UTF-8 text/);
		const broken = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...random.slice(0, 100)]);
		await expect(extractStrategyText(broken)).rejects.toThrow(/The Word document cannot be read/);
	});
});

describe('importing a Word draft', () => {
	it('keeps headings, lists, tables and bold text', async () => {
		const json = await docxToDocument(await exportDocx(exportInput(strategyOutline('mk', 'migration'))));
		expect(nodeTypes(json)).toEqual(
			expect.arrayContaining(['heading', 'bulletList', 'orderedList', 'listItem', 'table', 'tableRow', 'tableHeader', 'tableCell'])
		);
		expect(markTypes(json)).toContain('bold');
		expect(canonicalText(json)).toContain(canonicalText(strategyOutline('mk', 'migration')));
	});

	it('drops links that lead anywhere but the web or an e-mail address', async () => {
		const draft = await Packer.toBuffer(
			new Document({
				sections: [
					{
						children: [
							new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Draft')] }),
							new Paragraph({
								children: [
									new ExternalHyperlink({ link: 'javascript:alert(1)', children: [new TextRun('trap')] }),
									new TextRun(' and '),
									new ExternalHyperlink({ link: 'https://example.org/', children: [new TextRun('site')] })
								]
							})
						]
					}
				]
			})
		);
		const json = await docxToDocument(draft);
		expect(hrefs(json)).toEqual(['https://example.org/']);
		expect(canonicalText(json)).toBe('Draft\ntrap and site\n');
	});
});
