import { m } from '../paraglide/messages.js';
import type { Mark, Shape } from '$server/document/diff';

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
