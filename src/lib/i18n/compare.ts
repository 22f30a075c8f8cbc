import { m } from '../paraglide/messages.js';
import type { Mark, Shape } from '$server/document/diff';
import { listMarker as numberedMarker } from '../editor/list-numbering';

/** What kind of block it is, in the reader's words: "heading, level 2", "numbered list item, in a quotation". */
export function shapeLabel(shape: Shape): string {
	const kind = kindLabel(shape);
	return shape.quote ? m.diff_kind_quoted({ kind }) : kind;
}

function kindLabel(shape: Shape): string {
	if (shape.list) {
		let item = shape.list.type === 'bullet' ? m.diff_kind_bullet() : m.diff_kind_numbered();
		// A list numbered otherwise than 1., 2., 3. says how, so that a change of numbering alone reads as one.
		if (shape.list.style || shape.list.punctuation) {
			const numbering = numberingOf(shape.list);
			item = m.diff_kind_numbered_as({ kind: item, example: [1, 2, 3].map((n) => numberedMarker(n, numbering)).join(' ') });
		}
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

/** A list item's bullet, or its number written as its list writes it: "3.", "c)", "(iv)", "C.". */
export function listMarker(list: NonNullable<Shape['list']>): string {
	if (list.type === 'bullet') return '•';
	return list.number === undefined ? '' : numberedMarker(list.number, numberingOf(list));
}

const numberingOf = (list: NonNullable<Shape['list']>) => ({ style: list.style ?? '1', punctuation: list.punctuation ?? '.' }) as const;
