import * as Y from 'yjs';
import { documentSchema } from './render';
import { DOCUMENT_FIELD } from '../../src/lib/editor/extensions';

/**
 * Passages of a strategy's text, the way annotations and comments hold on to them (SPEC.md [N1]):
 * as Yjs relative positions, which follow the text through every concurrent edit, and as a
 * W3C Web Annotation TextQuoteSelector (exact, prefix, suffix) to re-anchor by and to export.
 *
 * The start is tied to the passage's first character and the end to its last, so text typed
 * just before or just after a passage stays outside it, text typed inside joins it, and a
 * passage whose text is deleted collapses to nothing (orphaned). The browser resolves the same
 * relative positions with y-tiptap to draw them.
 */

/** How much text around a passage the selector keeps to tell repeated phrases apart. */
export const CONTEXT_LENGTH = 32;

export interface TextQuoteSelector {
	exact: string;
	prefix: string;
	suffix: string;
}

/** Where a passage is: encoded Yjs relative positions of its start and end. */
export interface Anchor {
	start: Uint8Array;
	end: Uint8Array;
}

/** A passage by character offsets in the model's text (end exclusive), and how it reads. */
export type Location = { start: number; end: number; selector: TextQuoteSelector };

export type QuoteProblem = 'not_found' | 'ambiguous' | 'empty';

/** Node names whose content is text: paragraphs and headings, as the shared schema says. */
const TEXTBLOCKS = new Set(Object.values(documentSchema.nodes).filter((type) => type.isTextblock).map((type) => type.name));

/**
 * One moment of a strategy's text, for finding and locating passages: the plain text with
 * text blocks separated by "\n" (as ProseMirror's `textBetween(…, '\n')` reads it in the
 * editor), and for every character the Y.XmlText and index it lives at.
 */
export class TextModel {
	private readonly doc: Y.Doc;
	readonly text: string;
	private readonly chars: { type: Y.XmlText; index: number }[] = [];
	/** Where each Y.XmlText's first character sits in `text`. */
	private readonly offsets = new Map<Y.XmlText, number>();

	constructor(source: Y.Doc) {
		this.doc = source;
		let text = '';
		let blocks = 0;
		const visit = (node: Y.XmlElement | Y.XmlFragment) => {
			for (const child of node.toArray()) {
				if (!(child instanceof Y.XmlElement)) continue;
				if (!TEXTBLOCKS.has(child.nodeName)) {
					visit(child);
					continue;
				}
				if (blocks++ > 0) {
					text += '\n';
					this.chars.push(this.chars.at(-1) ?? { type: new Y.XmlText(), index: 0 });
				}
				for (const inline of child.toArray()) {
					if (!(inline instanceof Y.XmlText)) continue;
					this.offsets.set(inline, text.length);
					let index = 0;
					for (const op of inline.toDelta() as { insert: unknown }[]) {
						if (typeof op.insert !== 'string') continue;
						for (let i = 0; i < op.insert.length; i++) this.chars.push({ type: inline, index: index + i });
						index += op.insert.length;
						text += op.insert;
					}
				}
			}
		};
		visit(source.getXmlFragment(DOCUMENT_FIELD));
		this.text = text;
	}

	private selectorAt(start: number, end: number): TextQuoteSelector {
		return {
			exact: this.text.slice(start, end),
			prefix: this.text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
			suffix: this.text.slice(end, end + CONTEXT_LENGTH)
		};
	}

	/** Finds the one place a quote designates; prefix and suffix tell repeated phrases apart. */
	find(selector: { exact: string; prefix?: string; suffix?: string }): Location | QuoteProblem {
		if (selector.exact.trim() === '') return 'empty';
		const matches: number[] = [];
		for (let at = this.text.indexOf(selector.exact); at >= 0; at = this.text.indexOf(selector.exact, at + 1)) {
			if (selector.prefix && !this.text.slice(0, at).endsWith(selector.prefix)) continue;
			if (selector.suffix && !this.text.slice(at + selector.exact.length).startsWith(selector.suffix)) continue;
			matches.push(at);
		}
		if (matches.length === 0) return 'not_found';
		if (matches.length > 1) return 'ambiguous';
		const start = matches[0]!;
		const end = start + selector.exact.length;
		return { start, end, selector: this.selectorAt(start, end) };
	}

	/** The relative positions of a passage: start on its first character, end after its last. */
	anchor(location: Pick<Location, 'start' | 'end'>): Anchor {
		const first = this.chars[location.start]!;
		const last = this.chars[location.end - 1]!;
		return {
			start: Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(first.type, first.index, 0)),
			end: Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(last.type, last.index + 1, -1))
		};
	}

	private offsetOf(encoded: Uint8Array): number | null {
		const position = Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(encoded), this.doc);
		if (!position || !(position.type instanceof Y.XmlText)) return null;
		const base = this.offsets.get(position.type);
		return base === undefined ? null : base + position.index;
	}

	/**
	 * Where an anchored passage is now and how it reads, or null when its text is gone
	 * (the passage was deleted: the annotation or comment is then orphaned).
	 */
	locate(anchor: Anchor): Location | null {
		const start = this.offsetOf(anchor.start);
		const end = this.offsetOf(anchor.end);
		if (start === null || end === null || end <= start || this.text.slice(start, end).trim() === '') return null;
		return { start, end, selector: this.selectorAt(start, end) };
	}
}
