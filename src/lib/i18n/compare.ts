import { m } from '../paraglide/messages.js';
import type { ListStyle, Mark, Shape } from '$server/document/diff';

/** What kind of block it is, in the reader's words: "heading, level 2", "numbered list item, in a quotation". */
export function shapeLabel(shape: Shape): string {
	const kind = kindLabel(shape);
	return shape.quote ? m.diff_kind_quoted({ kind }) : kind;
}

function kindLabel(shape: Shape): string {
	if (shape.list) {
		let item = shape.list.type === 'bullet' ? m.diff_kind_bullet() : m.diff_kind_numbered();
		if (shape.list.depth) item = m.diff_kind_nested({ kind: item, depth: shape.list.depth });
		return shape.list.number === undefined ? m.diff_kind_continued({ kind: item }) : item;
	}
	if (shape.kind === 'heading') return m.diff_kind_heading({ level: shape.level ?? 1 });
	return shape.kind === 'cell' ? m.diff_kind_cell() : m.diff_kind_paragraph();
}

const MARKS: Record<Exclude<Mark['type'], 'link'>, () => string> = {
	bold: m.diff_mark_bold,
	italic: m.diff_mark_italic,
	underline: m.diff_mark_underline,
	strike: m.diff_mark_strike
};

/** The formatting of some words, in the reader's words: "bold, link to https://…", or "no formatting". */
export function marksLabel(marks: readonly Mark[] = []): string {
	if (marks.length === 0) return m.diff_plain();
	return marks.map((mark) => (mark.type === 'link' ? m.diff_mark_link({ target: mark.href ?? '' }) : MARKS[mark.type]())).join(', ');
}

/** A list item's bullet, or its number written as its list writes it: "3.", "c.", "iv.", "C.". */
export function listMarker(list: NonNullable<Shape['list']>): string {
	if (list.type === 'bullet') return '•';
	return `${list.number === undefined ? '' : numberIn(list.number, list.style)}.`;
}

function numberIn(number: number, style: ListStyle | undefined): string {
	if (!style) return String(number);
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
