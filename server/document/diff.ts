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

/**
 * Compares two versions: blocks are aligned first (jsdiff's array diff), then blocks that
 * were edited in place are compared word by word inside, so a changed sentence reads as the
 * words that changed, not as a deleted and a new paragraph.
 */
export function diffDocuments(from: JSONContent, to: JSONContent): DocumentDiff {
	const before = blocksOf(from);
	const after = blocksOf(to);
	const result: DocumentDiff = {
		summary: { sectionsChanged: 0, wordsAdded: 0, wordsRemoved: 0, blocksAdded: 0, blocksRemoved: 0, cellsChanged: 0 },
		blocks: [],
		changes: []
	};
	const changedSections = new Set<string>();
	const add = (block: Block, status: DocumentDiff['blocks'][number]['status'], pieces: { op: Change['op']; text: string }[]) => {
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

	let i = 0;
	let j = 0;
	const runs = diffArrays(
		before.map((b) => `${b.kind}\u0000${b.text}`),
		after.map((b) => `${b.kind}\u0000${b.text}`)
	);
	for (let r = 0; r < runs.length; r++) {
		const run = runs[r]!;
		if (!run.added && !run.removed) {
			for (let k = 0; k < run.count!; k++) add(after[j + k]!, 'equal', [{ op: 'equal', text: after[j + k]!.text }]);
			i += run.count!;
			j += run.count!;
			continue;
		}
		// A removal followed by an addition is an edit in place: pair the blocks up and compare inside.
		const removed = run.removed ? run.count! : 0;
		const next = runs[r + 1];
		const added = run.added ? run.count! : next?.added && run.removed ? next.count! : 0;
		if (run.removed && next?.added) r += 1;
		const paired = Math.min(removed, added);
		for (let k = 0; k < paired; k++) {
			const pieces = diffWordsWithSpace(before[i + k]!.text, after[j + k]!.text).map((part) => ({
				op: part.added ? ('insert' as const) : part.removed ? ('delete' as const) : ('equal' as const),
				text: part.value
			}));
			add(after[j + k]!, 'changed', pieces);
		}
		for (let k = paired; k < removed; k++) {
			add(before[i + k]!, 'removed', [{ op: 'delete', text: before[i + k]!.text }]);
			result.summary.blocksRemoved += 1;
		}
		for (let k = paired; k < added; k++) {
			add(after[j + k]!, 'added', [{ op: 'insert', text: after[j + k]!.text }]);
			result.summary.blocksAdded += 1;
		}
		i += removed;
		j += added;
	}
	result.summary.sectionsChanged = changedSections.size;
	return result;
}
