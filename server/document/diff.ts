import type { JSONContent } from '@tiptap/core';
import { diffArrays, diffWordsWithSpace } from 'diff';
import { documentSchema } from './render';

/** A unit of comparison: a heading, a paragraph, a list item's paragraph, or a table cell. */
export interface Block {
	kind: 'heading' | 'paragraph' | 'cell';
	/** The section (the nearest heading above, level 1 or 2) it belongs to. */
	section: string;
	/** For a table cell: its table, row and column, counted from 1. */
	cell?: { table: number; row: number; column: number };
	text: string;
}

export interface Change {
	op: 'insert' | 'delete' | 'equal';
	text: string;
	/** Index into `blocks`: the block of the compared result this piece belongs to. */
	block: number;
}

export interface DocumentDiff {
	summary: {
		sectionsChanged: number;
		wordsAdded: number;
		wordsRemoved: number;
		blocksAdded: number;
		blocksRemoved: number;
		cellsChanged: number;
	};
	/** The blocks of the comparison in reading order: those of both versions, aligned. */
	blocks: (Omit<Block, 'text'> & { status: 'equal' | 'changed' | 'added' | 'removed' })[];
	changes: Change[];
}

/** The blocks of a document in reading order. */
export function blocksOf(json: JSONContent): Block[] {
	const blocks: Block[] = [];
	let section = '';
	let table = 0;
	const visit = (node: ReturnType<typeof documentSchema.nodeFromJSON>, cell?: Block['cell']) => {
		node.forEach((child) => {
			if (child.type.name === 'table') {
				table += 1;
				child.forEach((row, _o, rowIndex) =>
					row.forEach((tableCell, _p, columnIndex) => visit(tableCell, { table, row: rowIndex + 1, column: columnIndex + 1 }))
				);
			} else if (child.isTextblock) {
				const isHeading = child.type.name === 'heading';
				if (isHeading && (child.attrs.level as number) <= 2) section = child.textContent;
				blocks.push({ kind: cell ? 'cell' : isHeading ? 'heading' : 'paragraph', section, ...(cell && { cell }), text: child.textContent });
			} else {
				visit(child, cell);
			}
		});
	};
	visit(documentSchema.nodeFromJSON(json));
	return blocks;
}

const words = (text: string) => (text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu) ?? []).length;

type Piece = { op: Change['op']; text: string };

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
	report: { equal(item: T): void; changed(from: T, to: T): void; removed(item: T): void; added(item: T): void }
): void {
	const runs = diffArrays(before.map(key), after.map(key));
	let i = 0;
	let j = 0;
	for (let r = 0; r < runs.length; r++) {
		const run = runs[r]!;
		if (!run.added && !run.removed) {
			for (let k = 0; k < run.count; k++) report.equal(after[j + k]!);
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
		summary: { sectionsChanged: 0, wordsAdded: 0, wordsRemoved: 0, blocksAdded: 0, blocksRemoved: 0, cellsChanged: 0 },
		blocks: [],
		changes: []
	};
	const changedSections = new Set<string>();
	const add = (block: Block, status: DocumentDiff['blocks'][number]['status'], pieces: Piece[]) => {
		const index = result.blocks.length;
		const { text: _text, ...meta } = block;
		result.blocks.push({ ...meta, status });
		for (const piece of pieces) {
			if (piece.text) result.changes.push({ ...piece, block: index });
			if (piece.op === 'insert') result.summary.wordsAdded += words(piece.text);
			if (piece.op === 'delete') result.summary.wordsRemoved += words(piece.text);
		}
		if (status !== 'equal') {
			changedSections.add(block.section);
			if (block.kind === 'cell' && status === 'changed') result.summary.cellsChanged += 1;
		}
	};
	align(blocksOf(from), blocksOf(to), (block) => `${block.kind}\u0000${block.text}`, {
		equal: (block) => add(block, 'equal', [{ op: 'equal', text: block.text }]),
		changed: (before, after) => add(after, 'changed', textPieces(before.text, after.text)),
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
