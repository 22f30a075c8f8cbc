import type { JSONContent } from '@tiptap/core';
import {
	AlignmentType,
	Bookmark,
	BookmarkEnd,
	BookmarkStart,
	BorderStyle,
	Document,
	ExternalHyperlink,
	Footer,
	HeadingLevel,
	LevelFormat,
	Packer,
	PageNumber,
	Paragraph,
	ShadingType,
	Table,
	TableCell,
	TableRow,
	TextRun,
	WidthType,
	convertMillimetersToTwip,
	type ILevelsOptions,
	type INumberingOptions,
	type ISectionOptions,
	type ParagraphChild
} from 'docx';
import { isAllowedLink } from '../../src/lib/editor/extensions';
import { listNumbering, punctuated, type NumberStyle } from '../../src/lib/editor/list-numbering';
import { annexHeader, benchmarkName, coverFields, hasSignaturePage, quoted, signatureFields, type Field } from './sections';
import type { ExportInput } from './types';

/** The bookmarks around the strategy body, so that extract.ts can find exactly the text again. */
export const TEXT_START_BOOKMARK = 'acquis_text_start';
export const TEXT_END_BOOKMARK = 'acquis_text_end';

/** A4 in twentieths of a point, as Word writes it. */
const A4 = { width: 11906, height: 16838 };
const MARGIN = convertMillimetersToTwip(20);
const TEXT_WIDTH = A4.width - 2 * MARGIN;
const LIST_INDENT = convertMillimetersToTwip(7);
const QUOTE_INDENT = convertMillimetersToTwip(10);
/** Word numbering has nine levels; deeper lists stay at the ninth. */
const MAX_LEVEL = 8;
const CODE_FONT = 'Consolas';

const HEADINGS = [
	HeadingLevel.HEADING_1,
	HeadingLevel.HEADING_2,
	HeadingLevel.HEADING_3,
	HeadingLevel.HEADING_4,
	HeadingLevel.HEADING_5,
	HeadingLevel.HEADING_6
] as const;

const LINE = { style: BorderStyle.SINGLE, size: 4, color: '808080' } as const;
const TABLE_BORDERS = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };
const HEADER_SHADING = { type: ShadingType.CLEAR, color: 'auto', fill: 'E7E6E6' } as const;

type Block = Paragraph | Table;

/** Where a block sits; `numbering` is set only for the first paragraph of a list item. */
interface Place {
	listDepth: number;
	quoteDepth: number;
	numbering?: { reference: string; level: number };
}

const TOP: Place = { listDepth: 0, quoteDepth: 0 };
const BULLETS = 'bullets';

function levels(format: (level: number) => Pick<ILevelsOptions, 'format' | 'text'>, start = 1): ILevelsOptions[] {
	return Array.from({ length: MAX_LEVEL + 1 }, (_, level) => ({
		level,
		start,
		alignment: AlignmentType.LEFT,
		...format(level),
		style: { paragraph: { indent: { left: LIST_INDENT * (level + 1), hanging: LIST_INDENT } } }
	}));
}

const BULLET_NUMBERING = {
	reference: BULLETS,
	levels: levels((level) => ({ format: LevelFormat.BULLET, text: ['•', '◦', '▪'][level % 3] }))
};

const ORDERED_FORMATS = [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN] as const;
/** A numbered list's style in Word's terms. */
const LEVEL_FORMATS: Record<NumberStyle, (typeof LevelFormat)[keyof typeof LevelFormat]> = {
	'1': LevelFormat.DECIMAL,
	a: LevelFormat.LOWER_LETTER,
	A: LevelFormat.UPPER_LETTER,
	i: LevelFormat.LOWER_ROMAN,
	I: LevelFormat.UPPER_ROMAN
};

function inline(node: JSONContent): ParagraphChild {
	if (node.type === 'hardBreak') return new TextRun({ break: 1 });
	const marks = new Set(node.marks?.map((mark) => mark.type));
	const href: unknown = node.marks?.find((mark) => mark.type === 'link')?.attrs?.href;
	const link = typeof href === 'string' && isAllowedLink(href) ? href.trim() : null;
	const run = new TextRun({
		text: node.text ?? '',
		bold: marks.has('bold'),
		italics: marks.has('italic'),
		underline: marks.has('underline') ? {} : undefined,
		strike: marks.has('strike'),
		style: link ? 'Hyperlink' : undefined
	});
	return link ? new ExternalHyperlink({ link, children: [run] }) : run;
}

function bookmark(name: string, id: number): Paragraph {
	const mark = new Bookmark({ id: name, children: [] });
	// docx 9.5.1 gives every bookmark the id 1; Word needs them distinct.
	Object.assign(mark, { start: new BookmarkStart(name, id), end: new BookmarkEnd(id) });
	return new Paragraph({ children: [mark] });
}

function isHeaderRow(row: JSONContent): boolean {
	return (row.content ?? []).length > 0 && (row.content ?? []).every((cell) => cell.type === 'tableHeader');
}

/** Turns the Tiptap body into Word blocks, collecting one numbering definition per ordered list. */
class BodyWriter {
	readonly numbering: INumberingOptions['config'][number][] = [BULLET_NUMBERING];

	blocks(nodes: JSONContent[] | undefined, at: Place): Block[] {
		return (nodes ?? []).flatMap((node) => this.block(node, at));
	}

	private block(node: JSONContent, at: Place): Block[] {
		switch (node.type) {
			case 'heading': {
				const level = Math.min(Math.max(Number(node.attrs?.level) || 1, 1), HEADINGS.length);
				return [this.paragraph(node, at, HEADINGS[level - 1])];
			}
			case 'paragraph':
				return [this.paragraph(node, at)];
			case 'bulletList':
			case 'orderedList':
				return this.list(node, at);
			case 'blockquote':
				return this.blocks(node.content, { ...at, quoteDepth: at.quoteDepth + 1, numbering: undefined });
			case 'horizontalRule':
				return [new Paragraph({ border: { bottom: LINE } })];
			case 'table':
				return [this.table(node)];
			default:
				return this.blocks(node.content, at);
		}
	}

	private paragraph(node: JSONContent, at: Place, heading?: (typeof HEADINGS)[number]): Paragraph {
		return new Paragraph({
			heading,
			children: (node.content ?? []).map(inline),
			...(at.numbering
				? { numbering: at.numbering }
				: { indent: { left: at.listDepth * LIST_INDENT + at.quoteDepth * QUOTE_INDENT } })
		});
	}

	private list(node: JSONContent, at: Place): Block[] {
		const reference = node.type === 'orderedList' ? this.orderedNumbering(Number(node.attrs?.start) || 1, node.attrs ?? {}) : BULLETS;
		const level = Math.min(at.listDepth, MAX_LEVEL);
		const inside: Place = { ...at, listDepth: at.listDepth + 1, numbering: undefined };
		return (node.content ?? []).flatMap((item) => {
			const [first, ...rest] = item.content ?? [];
			if (!first) return [];
			return [...this.block(first, { ...inside, numbering: { reference, level } }), ...this.blocks(rest, inside)];
		});
	}

	/**
	 * Each ordered list gets its own definition, so that its numbers start at its own `start`,
	 * written as its numbering says (a list pasted from Word as a), b), c) stays so); without a
	 * `type`, its numbers are written by depth, as Word does.
	 */
	private orderedNumbering(start: number, attrs: Record<string, unknown>): string {
		const reference = `ordered-${this.numbering.length}`;
		const { style, punctuation } = listNumbering(attrs);
		const written = attrs.type === style ? LEVEL_FORMATS[style] : undefined;
		const format = (level: number) => ({ format: written ?? ORDERED_FORMATS[level % 3], text: punctuated(`%${level + 1}`, punctuation) });
		this.numbering.push({ reference, levels: levels(format, start) });
		return reference;
	}

	private table(node: JSONContent): Table {
		const rows = node.content ?? [];
		const columns = Math.max(
			1,
			...rows.map((row) => (row.content ?? []).reduce((sum, cell) => sum + (Number(cell.attrs?.colspan) || 1), 0))
		);
		return new Table({
			width: { size: 100, type: WidthType.PERCENTAGE },
			columnWidths: Array.from({ length: columns }, () => Math.floor(TEXT_WIDTH / columns)),
			borders: TABLE_BORDERS,
			rows: rows.map(
				(row) =>
					new TableRow({
						// Omitted rather than false: mammoth reads any <w:tblHeader> as a header row.
						tableHeader: isHeaderRow(row) || undefined,
						children: (row.content ?? []).map((cell) => this.cell(cell))
					})
			)
		});
	}

	private cell(cell: JSONContent): TableCell {
		const children = this.blocks(cell.content, TOP);
		// Word requires every cell to end with a paragraph.
		if (!(children.at(-1) instanceof Paragraph)) children.push(new Paragraph({}));
		return new TableCell({
			columnSpan: Number(cell.attrs?.colspan) || 1,
			rowSpan: Number(cell.attrs?.rowspan) || 1,
			shading: cell.type === 'tableHeader' ? HEADER_SHADING : undefined,
			children
		});
	}
}

function field({ label, value, code }: Field): Paragraph {
	return new Paragraph({
		spacing: { after: 120 },
		children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun({ text: value, font: code ? CODE_FONT : undefined })]
	});
}

function cover(input: ExportInput): Paragraph[] {
	return [new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(input.title)] }), ...coverFields(input).map(field)];
}

function signaturePage(input: ExportInput): Paragraph[] {
	const { labels } = input;
	const signatures = input.signatures.flatMap((signature) => [
		...signatureFields(signature, labels).map(field),
		...(signature.superseded ? [new Paragraph({ children: [new TextRun({ text: labels.superseded, bold: true, allCaps: true })] })] : []),
		new Paragraph({ border: { bottom: LINE }, spacing: { after: 240 } })
	]);
	return [
		new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(labels.signaturesTitle)] }),
		...(signatures.length > 0 ? signatures : [new Paragraph({ children: [new TextRun(labels.noSignatures)] })])
	];
}

function annexCell(children: Paragraph[], header = false): TableCell {
	return new TableCell({ children, shading: header ? HEADER_SHADING : undefined });
}

function text(value: string, options: { italics?: boolean } = {}): Paragraph {
	return new Paragraph({ children: [new TextRun({ text: value, ...options })] });
}

function annex(input: ExportInput): Block[] {
	const { labels } = input;
	const header = new TableRow({
		tableHeader: true,
		children: annexHeader(labels).map((label) => annexCell([new Paragraph({ children: [new TextRun({ text: label, bold: true })] })], true))
	});
	const rows = input.annotations.map(
		(annotation) =>
			new TableRow({
				children: [
					annexCell([text(benchmarkName(annotation))]),
					annexCell([text(annotation.assessmentLabel)]),
					annexCell([
						text(quoted(annotation.exact)),
						...(annotation.orphaned ? [text(`(${labels.orphaned})`, { italics: true })] : [])
					]),
					annexCell([text(annotation.note)])
				]
			})
	);
	return [
		new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(labels.annexTitle)] }),
		new Table({
			width: { size: 100, type: WidthType.PERCENTAGE },
			columnWidths: [0.25, 0.15, 0.35, 0.25].map((share) => Math.floor(TEXT_WIDTH * share)),
			borders: TABLE_BORDERS,
			rows: [header, ...rows]
		})
	];
}

/** A Word document: cover, the strategy body between its two bookmarks, signature page, annex. */
export async function exportDocx(input: ExportInput): Promise<Buffer> {
	const body = new BodyWriter();
	const strategy = body.blocks(input.json.content, TOP);
	const page = {
		size: A4,
		margin: { top: MARGIN, right: MARGIN, bottom: MARGIN, left: MARGIN }
	};
	const footer = new Footer({
		children: [
			new Paragraph({
				alignment: AlignmentType.CENTER,
				children: [new TextRun({ children: [`${input.labels.page} `, PageNumber.CURRENT] })]
			})
		]
	});
	// Each section starts on a new page.
	const section = (children: Block[]): ISectionOptions => ({ properties: { page }, footers: { default: footer }, children });
	const sections: ISectionOptions[] = [
		{ properties: { page }, children: cover(input) },
		section([bookmark(TEXT_START_BOOKMARK, 1), ...strategy, bookmark(TEXT_END_BOOKMARK, 2)]),
		...(hasSignaturePage(input) ? [section(signaturePage(input))] : []),
		...(input.annotations.length > 0 ? [section(annex(input))] : [])
	];
	const document = new Document({
		title: input.title,
		creator: 'Acquis Studio',
		// The text's language, for Word's proofing and for screen readers; the labels around it are few.
		styles: { default: { document: { run: { font: 'Georgia', size: 22, language: { value: input.textLanguage } } } } },
		numbering: { config: body.numbering },
		sections
	});
	return Packer.toBuffer(document);
}
