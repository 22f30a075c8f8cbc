import { createHash } from 'node:crypto';
import type { JSONContent } from '@tiptap/core';
import { documentSchema } from './render';

/**
 * The canonical text of a strategy (SPEC.md [V3]): what a signature is about, and what
 * anyone can recompute from an export (DOCX, HTML, Markdown) without our software.
 *
 * The text of every paragraph, heading and table-cell paragraph, in document order:
 * - Unicode NFC;
 * - every run of white space (spaces, tabs, no-break spaces, line breaks) becomes one space;
 *   leading and trailing space is removed;
 * - empty blocks are left out;
 * - blocks are joined with a line feed ("\n"), and the whole ends with one.
 *
 * Formatting (bold, links, heading levels, list numbers, table borders) is not part of it.
 */
export function canonicalText(json: JSONContent): string {
	const lines: string[] = [];
	documentSchema.nodeFromJSON(json).descendants((node) => {
		if (!node.isTextblock) return true;
		// A line break inside a paragraph is white space like any other.
		const text = node.textBetween(0, node.content.size, ' ', (leaf) => (leaf.type.name === 'hardBreak' ? ' ' : ''));
		// `\s` covers no-break and figure spaces too. Only runs and other white space are
		// replaced, not every single space: three times faster on a long text (snapshots hash it).
		const line = text.normalize('NFC').replace(/\s{2,}|[^\S ]/g, ' ').trim();
		if (line) lines.push(line);
		return false;
	});
	return lines.map((line) => `${line}\n`).join('');
}

/** Lower-case hex SHA-256 of UTF-8 text. */
export function sha256Hex(text: string): string {
	return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The content hash of a strategy: SHA-256 of its canonical text [V3]. */
export function contentHash(json: JSONContent): string {
	return sha256Hex(canonicalText(json));
}

/** Whether two renderings (`JSON.stringify` of the document) are the same, formatting included (for automatic snapshots). */
export function renderingHash(rendering: string): string {
	return sha256Hex(rendering);
}
