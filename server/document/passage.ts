import * as Y from 'yjs';
import { documentSchema } from './render';
import { DOCUMENT_FIELD } from '../../src/lib/editor/extensions';
import { holdsOnText } from '../../src/lib/editor/anchor-holds';

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

	/** The passage between two offsets (end exclusive) and how it reads. */
	between(start: number, end: number): Location {
		const selector = {
			exact: this.text.slice(start, end),
			prefix: this.text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
			suffix: this.text.slice(end, end + CONTEXT_LENGTH)
		};
		return { start, end, selector };
	}

	/**
	 * The one place a quote reads when paragraph breaks were added or removed between its words
	 * (the editor may write both halves of a split paragraph anew), or null unless exactly once.
	 */
	findAcrossBreaks(exact: string): Location | null {
		const wanted = exact.replaceAll('\n', '');
		if (wanted.trim() === '') return null;
		let flat = '';
		const offsets: number[] = [];
		for (let i = 0; i < this.text.length; i++) {
			if (this.text[i] === '\n') continue;
			flat += this.text[i];
			offsets.push(i);
		}
		const first = flat.indexOf(wanted);
		if (first < 0 || flat.indexOf(wanted, first + 1) >= 0) return null;
		return this.between(offsets[first]!, offsets[first + wanted.length - 1]! + 1);
	}

	/**
	 * Where a quote ends when read from `start`, paragraph breaks aside (a break added or
	 * removed between its words), or null when the words there are not the quote's.
	 */
	endOfQuote(start: number, exact: string): number | null {
		let at = start;
		let read = 0;
		while (read < exact.length) {
			if (this.text[at] === exact[read]) {
				at++;
				read++;
			} else if (this.text[at] === '\n') at++;
			else if (exact[read] === '\n') read++;
			else return null;
		}
		return at;
	}

	/** Whether both ends of an anchor hold on to characters still in the text. */
	holds(anchor: Anchor): boolean {
		return [anchor.start, anchor.end].every((encoded) => holdsOnText(this.doc, Y.decodeRelativePosition(encoded)));
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
		return this.between(start, start + selector.exact.length);
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
	 * Where an anchored passage is now and how it reads, or null when its text is gone (the
	 * passage was deleted: the annotation or comment is then orphaned).
	 *
	 * `quote` is how the passage last read. Enter inside a passage makes the editor write the
	 * words it moves into the new paragraph anew, so the end stays behind at the break (or, the
	 * new paragraph deleted by an undo, leads nowhere); undoing a split can leave it past the
	 * passage. When the anchored passage does not read as the quote but the text from its start
	 * does, paragraph breaks aside, the quote says where it ends. When the words themselves were
	 * edited, the anchor is taken as it is.
	 */
	locate(anchor: Anchor, quote?: string): Location | null {
		const start = this.offsetOf(anchor.start);
		if (start === null) return null;
		const anchored = this.offsetOf(anchor.end);
		let end = anchored !== null && anchored > start ? anchored : null;
		if (quote && (end === null || this.text.slice(start, end) !== quote)) end = this.endOfQuote(start, quote) ?? end;
		if (end === null || this.text.slice(start, end).trim() === '') return null;
		return this.between(start, end);
	}
}
