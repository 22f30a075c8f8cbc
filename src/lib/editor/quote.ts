import type { Node as ProseMirrorNode } from '@tiptap/pm/model';

/** How much text around a passage a quote keeps (the server keeps the same). */
const CONTEXT_LENGTH = 32;

export interface Quote {
	exact: string;
	prefix: string;
	suffix: string;
}

/**
 * The W3C TextQuoteSelector of a selection: the text read as the server reads it (text blocks
 * separated by "\n"), with the text just before and after, so the server finds the one place.
 */
export function quoteOf(doc: ProseMirrorNode, from: number, to: number): Quote {
	let text = '';
	const positions: number[] = [];
	doc.descendants((node, pos) => {
		if (!node.isTextblock) return true;
		if (text.length > 0) {
			text += '\n';
			positions.push(pos);
		}
		node.forEach((child, offset) => {
			if (!child.isText) return;
			for (let i = 0; i < child.text!.length; i++) positions.push(pos + 1 + offset + i);
			text += child.text;
		});
		return false;
	});
	const index = (pos: number) => {
		const found = positions.findIndex((p) => p >= pos);
		return found < 0 ? text.length : found;
	};
	const start = index(from);
	const end = index(to);
	return {
		exact: text.slice(start, end),
		prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
		suffix: text.slice(end, end + CONTEXT_LENGTH)
	};
}
