import type { JSONContent } from '@tiptap/core';
import { diffArrays, diffWordsWithSpace } from 'diff';
import { documentSchema } from './render';
import { listNumbering, type NumberPunctuation, type NumberStyle } from '../../src/lib/editor/list-numbering';

/** Formatting of a stretch of words: the marks of the editor's schema (src/lib/editor/extensions.ts). */
export interface Mark {
	type: 'bold' | 'italic' | 'underline' | 'strike' | 'link';
	/** For a link: where it leads, as written (it may be unsafe; show it as text). */
	href?: string;
}

/** What kind of block it is, beyond its words: a change of it can change the meaning. */
export interface Shape {
	kind: 'heading' | 'paragraph' | 'cell';
	/** For a heading: its level, 1 to 6. */
	level?: number;
	/**
	 * For a paragraph in a list: the list's type, for the item's first paragraph its number
	 * (ordered lists count from their start; bulleted ones too, for the reader's bearings), and
	 * for a list inside another list item how deep it is (2 for a sub-item; absent at the top).
	 */
	list?: {
		type: 'bullet' | 'ordered';
		number?: number;
		depth?: number;
		/** How a numbered list writes its numbers, when not "1.": HTML's `<ol type>` (a, A, i, I), and ")" or "()" around them. */
		style?: Exclude<NumberStyle, '1'>;
		punctuation?: Exclude<NumberPunctuation, '.'>;
	};
	/** Inside a quotation. */
	quote?: true;
}

type Node = ReturnType<typeof documentSchema.nodeFromJSON>;

/** A stretch of a block's words with one formatting. */
interface Run {
	text: string;
	marks: Mark[];
}

/** A unit of comparison: a heading, a paragraph, a list item's paragraph, or a table cell. */
export interface Block extends Shape {
	/** The section (the nearest heading above, level 1 or 2) it belongs to. */
	section: string;
	/** For a table cell: its table, row and column, counted from 1. */
	cell?: { table: number; row: number; column: number };
	/** Its words; a line break inside the block reads "\n". */
	text: string;
	runs: Run[];
}

export interface Change {
	op: 'insert' | 'delete' | 'equal';
	text: string;
	/** Index into `blocks`: the block of the compared result this piece belongs to. */
	block: number;
	/** Its formatting, in the version it comes from (the newer one for `equal`); absent when plain. */
	marks?: Mark[];
	/** For `equal` words whose formatting changed: their formatting in the older version ([] when plain). */
	marksBefore?: Mark[];
}

export interface DocumentDiff {
	summary: {
		sectionsChanged: number;
		wordsAdded: number;
		wordsRemoved: number;
		blocksAdded: number;
		blocksRemoved: number;
		cellsChanged: number;
		/** Blocks whose kind changed, and stretches of unchanged words whose formatting changed. */
		formattingChanges: number;
	};
	/** The blocks of the comparison in reading order: those of both versions, aligned. */
	blocks: (Omit<Block, 'text' | 'runs'> & {
		status: 'equal' | 'changed' | 'added' | 'removed';
		/** For a block whose kind changed (a paragraph made a heading, a list item taken out of its list): what it was. */
		before?: Shape;
	})[];
	changes: Change[];
}

/** The blocks of a document in reading order. */
export function blocksOf(json: JSONContent): Block[] {
	const blocks: Block[] = [];
	let section = '';
	let table = 0;
	const visit = (node: Node, cell?: Block['cell'], list?: Shape['list'], quote?: true) => {
		node.forEach((child) => {
			const type = child.type.name;
			if (type === 'table') {
				table += 1;
				child.forEach((row, _o, rowIndex) =>
					row.forEach((tableCell, _p, columnIndex) => visit(tableCell, { table, row: rowIndex + 1, column: columnIndex + 1 }, undefined, quote))
				);
			} else if (type === 'bulletList' || type === 'orderedList') {
				const start = type === 'orderedList' ? ((child.attrs.start as number | null) ?? 1) : 1;
				const depth = list ? (list.depth ?? 1) + 1 : 1;
				const { style, punctuation } = listNumbering(type === 'orderedList' ? child.attrs : {});
				const numbering = { ...(style !== '1' && { style }), ...(punctuation !== '.' && { punctuation }) };
				child.forEach((item, _o, index) =>
					visit(item, cell, { type: type === 'bulletList' ? 'bullet' : 'ordered', number: start + index, ...(depth > 1 && { depth }), ...numbering }, quote)
				);
			} else if (type === 'blockquote') {
				visit(child, cell, list, true);
			} else if (child.isTextblock) {
				const level = type === 'heading' ? (child.attrs.level as number) : undefined;
				if (level && level <= 2) section = child.textContent;
				const runs = runsOf(child);
				blocks.push({
					kind: cell ? 'cell' : level ? 'heading' : 'paragraph',
					...(level && { level }),
					...(list && { list }),
					...(quote && { quote }),
					section,
					...(cell && { cell }),
					text: runs.map((run) => run.text).join(''),
					runs
				});
				// Only an item's first paragraph carries its bullet or number.
				if (list) list = { type: list.type, ...(list.depth && { depth: list.depth }) };
			} else {
				visit(child, cell, list, quote);
			}
		});
	};
	visit(documentSchema.nodeFromJSON(json));
	return blocks;
}

const MARK_TYPES: readonly Mark['type'][] = ['link', 'bold', 'italic', 'underline', 'strike'];

/** A block's words run by run; a line break inside it is a "\n" of its own, so adding or removing one is a change. */
function runsOf(textblock: Node): Run[] {
	const runs: Run[] = [];
	textblock.forEach((child) => {
		if (child.type.name === 'hardBreak') runs.push({ text: '\n', marks: [] });
		if (!child.isText || !child.text) return;
		const marks = child.marks
			.filter((mark) => (MARK_TYPES as readonly string[]).includes(mark.type.name))
			.map((mark): Mark => (mark.type.name === 'link' ? { type: 'link', href: String(mark.attrs.href ?? '') } : { type: mark.type.name as Mark['type'] }))
			.sort((a, b) => MARK_TYPES.indexOf(a.type) - MARK_TYPES.indexOf(b.type));
		runs.push({ text: child.text, marks });
	});
	return runs;
}

const sameMarks = (a: readonly Mark[], b: readonly Mark[]) => a.length === b.length && a.every((mark, i) => mark.type === b[i]!.type && mark.href === b[i]!.href);

const sameShape = (a: Shape, b: Shape) =>
	a.kind === b.kind &&
	a.level === b.level &&
	a.list?.type === b.list?.type &&
	(a.list?.number === undefined) === (b.list?.number === undefined) &&
	a.list?.depth === b.list?.depth &&
	a.list?.style === b.list?.style &&
	a.list?.punctuation === b.list?.punctuation &&
	a.quote === b.quote;

const shapeOf = ({ kind, level, list, quote }: Shape): Shape => ({ kind, ...(level && { level }), ...(list && { list }), ...(quote && { quote }) });

/** Reads a block's formatting run by run, for pieces taken from its text in order. */
function formattingReader(runs: readonly Run[]) {
	let run = 0;
	let offset = 0;
	return {
		/** The formatting at the current place, and how many characters keep it. */
		peek(): { marks: Mark[]; length: number } {
			while (run < runs.length && offset >= runs[run]!.text.length) {
				run += 1;
				offset = 0;
			}
			const current = runs[run];
			return current ? { marks: current.marks, length: current.text.length - offset } : { marks: [], length: Infinity };
		},
		skip(length: number) {
			offset += length;
		}
	};
}

/**
 * Cuts the word pieces of a block where the formatting changes, and gives each its marks:
 * deleted words take the older version's, inserted and equal words the newer one's, and
 * equal words whose formatting differs also keep the older one. One pass over the pieces
 * and the runs, so a long block costs no more than its word comparison did.
 */
function formatted(pieces: Piece[], before: readonly Run[], after: readonly Run[]): Piece[] {
	const older = formattingReader(before);
	const newer = formattingReader(after);
	const result: Piece[] = [];
	for (const piece of pieces) {
		let rest = piece.text;
		while (rest) {
			const old = piece.op === 'insert' ? undefined : older.peek();
			const now = piece.op === 'delete' ? undefined : newer.peek();
			const length = Math.min(rest.length, old?.length ?? Infinity, now?.length ?? Infinity);
			const marks = (now ?? old)!.marks;
			const restyled = old && now && !sameMarks(old.marks, now.marks);
			const next: Piece = { op: piece.op, text: rest.slice(0, length), ...(marks.length > 0 && { marks }), ...(restyled && { marksBefore: old.marks }) };
			const last = result.at(-1);
			if (last && last.op === next.op && sameMarks(last.marks ?? [], marks) && sameMarks(last.marksBefore ?? [], next.marksBefore ?? []) && !last.marksBefore === !next.marksBefore) {
				last.text += next.text;
			} else {
				result.push(next);
			}
			if (old) older.skip(length);
			if (now) newer.skip(length);
			rest = rest.slice(length);
		}
	}
	return result;
}

const wordCount = (text: string) => (text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu) ?? []).length;

type Piece = Omit<Change, 'block'>;

/** Above this many characters (both versions together), a block is aligned sentence by sentence first. */
const LONG_TEXT_CHARS = 2_000;
/** A single run-on sentence longer than that, compared word by word, gives up after this and shows old and new whole. */
const WORD_DIFF_TIMEOUT_MS = 500;

/**
 * Aligns two sequences (jsdiff's array diff on their keys) and reports each item as equal,
 * removed or added; a removal followed by an addition is an edit in place, paired up item
 * by item so the caller can compare inside.
 */
function align<T>(
	before: readonly T[],
	after: readonly T[],
	key: (item: T) => string,
	report: { equal(from: T, to: T): void; changed(from: T, to: T): void; removed(item: T): void; added(item: T): void }
): void {
	const runs = diffArrays(before.map(key), after.map(key));
	let i = 0;
	let j = 0;
	for (let r = 0; r < runs.length; r++) {
		const run = runs[r]!;
		if (!run.added && !run.removed) {
			for (let k = 0; k < run.count; k++) report.equal(before[i + k]!, after[j + k]!);
			i += run.count;
			j += run.count;
			continue;
		}
		const next = runs[r + 1];
		const removed = run.removed ? run.count : 0;
		const added = run.added ? run.count : next?.added ? next.count : 0;
		if (run.removed && next?.added) r += 1;
		const paired = Math.min(removed, added);
		for (let k = 0; k < paired; k++) report.changed(before[i + k]!, after[j + k]!);
		for (let k = paired; k < removed; k++) report.removed(before[i + k]!);
		for (let k = paired; k < added; k++) report.added(after[j + k]!);
		i += removed;
		j += added;
	}
}

/** Sentences and lines, losslessly: joined, they give the text back. */
const sentences = (text: string) => text.split(/(?<=[.!?;]\s|\n)/u);

function wordPieces(from: string, to: string): Piece[] {
	const parts = diffWordsWithSpace(from, to, { timeout: WORD_DIFF_TIMEOUT_MS });
	if (!parts) return [{ op: 'delete', text: from }, { op: 'insert', text: to }];
	return parts.map((part) => ({ op: part.added ? 'insert' : part.removed ? 'delete' : 'equal', text: part.value }));
}

/**
 * The words that changed between two versions of a block. A long block is aligned by
 * sentence first, so the work follows the number of edits rather than the block's length
 * (a 100,000-character paragraph edited throughout compares in well under a second).
 */
function textPieces(from: string, to: string): Piece[] {
	if (from.length + to.length <= LONG_TEXT_CHARS) return wordPieces(from, to);
	const pieces: Piece[] = [];
	align(sentences(from), sentences(to), (sentence) => sentence, {
		equal: (sentence) => pieces.push({ op: 'equal', text: sentence }),
		changed: (a, b) => pieces.push(...wordPieces(a, b)),
		removed: (sentence) => pieces.push({ op: 'delete', text: sentence }),
		added: (sentence) => pieces.push({ op: 'insert', text: sentence })
	});
	return pieces;
}

/**
 * Compares two versions: blocks are aligned first, then blocks that were edited in place
 * are compared word by word inside, so a changed sentence reads as the words that changed,
 * not as a deleted and a new paragraph.
 */
export function diffDocuments(from: JSONContent, to: JSONContent): DocumentDiff {
	const result: DocumentDiff = {
		summary: { sectionsChanged: 0, wordsAdded: 0, wordsRemoved: 0, blocksAdded: 0, blocksRemoved: 0, cellsChanged: 0, formattingChanges: 0 },
		blocks: [],
		changes: []
	};
	const changedSections = new Set<string>();
	const add = (block: Block, status: DocumentDiff['blocks'][number]['status'], words: Piece[], was?: Block) => {
		const index = result.blocks.length;
		const pieces = formatted(words, was?.runs ?? (status === 'removed' ? block.runs : []), status === 'removed' ? [] : block.runs);
		const { text: _text, runs: _runs, ...meta } = block;
		const before = was && !sameShape(was, block) ? shapeOf(was) : undefined;
		if (status === 'equal' && (before || pieces.some((piece) => piece.marksBefore))) status = 'changed';
		result.blocks.push({ ...meta, status, ...(before && { before }) });
		if (before) result.summary.formattingChanges += 1;
		// Words are counted before the pieces are cut at changes of formatting, which may fall inside a word.
		for (const piece of words) {
			if (piece.op === 'insert') result.summary.wordsAdded += wordCount(piece.text);
			if (piece.op === 'delete') result.summary.wordsRemoved += wordCount(piece.text);
		}
		for (const piece of pieces) {
			if (piece.text) result.changes.push({ ...piece, block: index });
			if (piece.marksBefore) result.summary.formattingChanges += 1;
		}
		if (status !== 'equal') {
			changedSections.add(block.section);
			if (block.kind === 'cell' && status === 'changed') result.summary.cellsChanged += 1;
		}
	};
	// Aligned on their words alone, so a paragraph made a heading is the same block of another kind.
	align(blocksOf(from), blocksOf(to), (block) => block.text, {
		equal: (before, after) => add(after, 'equal', [{ op: 'equal', text: after.text }], before),
		changed: (before, after) => add(after, 'changed', textPieces(before.text, after.text), before),
		removed: (block) => {
			add(block, 'removed', [{ op: 'delete', text: block.text }]);
			result.summary.blocksRemoved += 1;
		},
		added: (block) => {
			add(block, 'added', [{ op: 'insert', text: block.text }]);
			result.summary.blocksAdded += 1;
		}
	});
	result.summary.sectionsChanged = changedSections.size;
	return result;
}
