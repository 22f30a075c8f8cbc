import { Extension, wrappingInputRule } from '@tiptap/core';

/**
 * How a numbered list writes its numbers: the style, as HTML's `<ol type>` names it (and
 * Tiptap's ordered list stores it), and the punctuation around the number. Legal texts number
 * "a)", "(iv)" or "3." as their drafting rules say, so the editor, the Word export and Compare
 * all write a list's numbers from this one description.
 */
export const NUMBER_STYLES = ['1', 'a', 'A', 'i', 'I'] as const;
export type NumberStyle = (typeof NUMBER_STYLES)[number];

/** "3.", "3)" or "(3)". */
export const NUMBER_PUNCTUATIONS = ['.', ')', '()'] as const;
export type NumberPunctuation = (typeof NUMBER_PUNCTUATIONS)[number];

export interface Numbering {
	style: NumberStyle;
	punctuation: NumberPunctuation;
}

/** A list's numbering from its stored attributes; anything unknown (a hostile client's, an old one's) reads as 1, 2, 3. */
export function listNumbering(attrs: { type?: unknown; punctuation?: unknown }): Numbering {
	const style = NUMBER_STYLES.find((known) => known === attrs.type) ?? '1';
	const punctuation = NUMBER_PUNCTUATIONS.find((known) => known === attrs.punctuation) ?? '.';
	return { style, punctuation };
}

/** Some text (a number, Word's "%1") with a list's punctuation around it. */
export function punctuated(text: string, punctuation: NumberPunctuation): string {
	return punctuation === '()' ? `(${text})` : `${text}${punctuation}`;
}

/** A list item's number as its list writes it: "3.", "c)", "(iv)", "C.". */
export function listMarker(number: number, { style, punctuation }: Numbering): string {
	return punctuated(writtenNumber(number, style), punctuation);
}

function writtenNumber(number: number, style: NumberStyle): string {
	if (style === '1') return String(number);
	const written = style === 'a' || style === 'A' ? letters(number) : roman(number);
	return style === style.toUpperCase() ? written.toUpperCase() : written;
}

/** a … z, then aa, ab …, as browsers letter a list. */
function letters(number: number): string {
	let written = '';
	for (let rest = number; rest > 0; rest = Math.floor((rest - 1) / 26)) written = String.fromCharCode(97 + ((rest - 1) % 26)) + written;
	return written;
}

const ROMAN: [number, string][] = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];

/** Roman numerals up to 3999; beyond, the number itself, as browsers do. */
function roman(number: number): string {
	if (number < 1 || number > 3999) return String(number);
	let rest = number;
	let written = '';
	for (const [value, numeral] of ROMAN) for (; rest >= value; rest -= value) written += numeral;
	return written;
}

const COUNTER_STYLES: Record<NumberStyle, string> = { '1': 'decimal', a: 'lower-alpha', A: 'upper-alpha', i: 'lower-roman', I: 'upper-roman' };
const COUNTER_SUFFIXES: Record<Exclude<NumberPunctuation, '.'>, string> = { ')': 'paren', '()': 'parens' };

/**
 * The CSS list style that writes a list's numbers, or null for the browser's own ("3.", "c.").
 * Each is a counter style of `NUMBERING_CSS`; where that is missing (the text pasted elsewhere),
 * the browser falls back to `<ol type>` with its own punctuation.
 */
function counterStyle({ style, punctuation }: Numbering): string | null {
	return punctuation === '.' ? null : `${COUNTER_STYLES[style]}-${COUNTER_SUFFIXES[punctuation]}`;
}

/** The HTML attributes of an `<ol>` numbered so, as the editor renders and reads them. */
export function numberingAttributes(numbering: Numbering): Record<string, string> {
	const named = counterStyle(numbering);
	return { ...(numbering.style !== '1' && { type: numbering.style }), ...(named && { style: `list-style-type: ${named}` }) };
}

/** The counter styles the app and the HTML export define: for each style, ")" and "()". */
export const NUMBERING_CSS = NUMBER_STYLES.flatMap((style) => [
	`@counter-style ${counterStyle({ style, punctuation: ')' })} { system: extends ${COUNTER_STYLES[style]}; suffix: ") "; }`,
	`@counter-style ${counterStyle({ style, punctuation: '()' })} { system: extends ${COUNTER_STYLES[style]}; prefix: "("; suffix: ") "; }`
]).join('\n');

/** Which punctuation an `<ol>` asks for, from the counter style it names. */
function punctuationOf(element: HTMLElement): NumberPunctuation {
	const named = /list-style-type:\s*[a-z-]+-(parens?)\b/i.exec(element.getAttribute('style') ?? '')?.[1];
	return named === 'parens' ? '()' : named === 'paren' ? ')' : '.';
}

/**
 * The punctuation of a numbered list, stored with it (in Yjs, for everyone) beside Tiptap's
 * `type`, and the command that sets both.
 */
export const ListNumbering = Extension.create({
	name: 'listNumbering',

	addGlobalAttributes() {
		return [
			{
				types: ['orderedList'],
				attributes: {
					punctuation: {
						default: '.',
						parseHTML: punctuationOf,
						// Tiptap's own `type` renders the style; this adds the counter style of the punctuation.
						renderHTML: (attributes) => {
							const { style } = numberingAttributes(listNumbering(attributes));
							return style ? { style } : {};
						}
					}
				}
			}
		];
	},

	/**
	 * A numbered list started by typing its first marker and a space at the start of a paragraph,
	 * as Word does: "1) ", "(1) ", "a) ", "(a) ", "i. ", "(I) "… ("1. " is Tiptap's own rule).
	 * Letters and roman numerals start a list only at a, A, i or I, so a sentence that happens to
	 * begin with "c) " stays as typed. Backspace right after undoes it, as for Tiptap's own rules.
	 */
	addInputRules() {
		const type = this.editor.schema.nodes.orderedList!;
		const rule = (find: RegExp, punctuation: NumberPunctuation) =>
			wrappingInputRule({
				find,
				type,
				getAttributes: ([, marker]) => numberedFrom(marker!, punctuation),
				joinPredicate: ([, marker], list) => {
					const { start, type: style, punctuation: same } = numberedFrom(marker!, punctuation);
					const before = listNumbering(list.attrs);
					return before.style === (style ?? '1') && before.punctuation === same && list.childCount + (list.attrs.start as number) === start;
				}
			});
		return [rule(/^\((\d+|[aAiI])\)\s$/, '()'), rule(/^(\d+|[aAiI])\)\s$/, ')'), rule(/^([aAiI])\.\s$/, '.')];
	},

	addCommands() {
		return {
			setListNumbering:
				({ style, punctuation }: Numbering) =>
				({ commands }) =>
					commands.updateAttributes('orderedList', { type: style === '1' ? null : style, punctuation })
		};
	}
});

/** The attributes of a list started with this marker ("3", "a", "I") and punctuation. */
function numberedFrom(marker: string, punctuation: NumberPunctuation): { start: number; type: NumberStyle | null; punctuation: NumberPunctuation } {
	const digits = /^\d+$/.test(marker);
	return { start: digits ? Number(marker) : 1, type: digits ? null : (marker as NumberStyle), punctuation };
}

declare module '@tiptap/core' {
	interface Commands<ReturnType> {
		listNumbering: {
			/** Numbers the list around the caret (the innermost) as `numbering` says. */
			setListNumbering: (numbering: Numbering) => ReturnType;
		};
	}
}
