import { Extension } from '@tiptap/core';
import { numberingAttributes, type Numbering } from './list-numbering';

/**
 * Word puts a list on the clipboard not as <ul>/<ol> but as paragraphs, each naming its list
 * and level in its style (`mso-list:l0 level2 lfo1`) and carrying its bullet or number as text
 * in a span Word itself skips (`mso-list:Ignore`), between `[if !supportLists]` comments.
 */
const WORD_LIST_ITEM = /mso-list:\s*l\d+\s+level(\d+)\s+lfo(\d+)/i;
const WORD_MARKER = /mso-list:\s*ignore/i;
/** Word has nine list levels; hostile markup naming more must not nest blocks past what the server stores [S6]. */
const WORD_LIST_LEVELS = 9;

interface Item {
	paragraph: HTMLParagraphElement;
	level: number;
	/** Which of Word's lists the paragraph belongs to: two lists side by side stay two. */
	list: string;
	/** The number its marker shows and how it writes it, or null for a bullet. */
	numbering: Marker | null;
	/** Whether the paragraph before it is a list paragraph too, so that both are in one list. */
	followsItem: boolean;
}

/** The number a marker shows, and how it writes it. */
interface Marker extends Numbering {
	number: number;
}

interface OpenList {
	level: number;
	list: string;
	ordered: boolean;
	element: HTMLElement;
	lastItem: HTMLElement;
}

/**
 * Pasted HTML with Word's list paragraphs regrouped into real lists: nested by level, a new list
 * wherever another paragraph or another of Word's lists comes between, numbered when the
 * marker is a number or a letter, starting at the marker's number and written as it writes
 * it (1, a, A, i or I, with "." or ")" after it or brackets around it), and without the marker.
 * It only moves the pasted paragraphs into <ul>, <ol> and <li> and drops the markers; the
 * editor's schema then keeps of it what it keeps of any paste. Anything else comes back as it was.
 */
export function listsFromWord(html: string): string {
	if (!/mso-list/i.test(html)) return html;
	// A DOMParser document is inert: nothing in it runs or loads.
	const document = new DOMParser().parseFromString(html, 'text/html');
	// A numbered heading keeps its number as text (the text's own headings are numbered so), with one space after it instead of Word's spacing.
	const headings = [...document.querySelectorAll<HTMLHeadingElement>('h1, h2, h3, h4, h5, h6')].filter((heading) => WORD_LIST_ITEM.test(heading.getAttribute('style') ?? ''));
	for (const heading of headings) {
		const number = removeMarker(heading);
		if (number) heading.prepend(`${number} `);
	}
	const found = [...document.querySelectorAll('p')].flatMap((paragraph) => {
		const match = WORD_LIST_ITEM.exec(paragraph.getAttribute('style') ?? '');
		return match ? [{ paragraph, level: Number(match[1]), list: match[2]! }] : [];
	});
	if (found.length === 0 && headings.length === 0) return html;
	const listParagraphs = new Set<Node>(found.map(({ paragraph }) => paragraph));
	const items: Item[] = found.map(({ paragraph, level, list }) => {
		const before = previousBlock(paragraph);
		return {
			paragraph,
			level: Math.min(Math.max(level, 1), WORD_LIST_LEVELS),
			list,
			numbering: markerOf(removeMarker(paragraph)),
			followsItem: before !== null && listParagraphs.has(before)
		};
	});

	let open: OpenList[] = [];
	for (const item of items) {
		const ordered = item.numbering !== null;
		if (!item.followsItem) open = [];
		while ((open.at(-1)?.level ?? 0) > item.level) open.pop();
		const sibling = open.at(-1);
		if (sibling && sibling.level === item.level && (sibling.list !== item.list || sibling.ordered !== ordered)) open.pop();
		let current = open.at(-1);
		if (!current || current.level < item.level) {
			const element = document.createElement(ordered ? 'ol' : 'ul');
			if (item.numbering) writeNumbering(element, item.numbering);
			if (current) current.lastItem.append(element);
			else item.paragraph.before(element);
			current = { level: item.level, list: item.list, ordered, element, lastItem: element };
			open.push(current);
		}
		current.lastItem = document.createElement('li');
		current.element.append(current.lastItem);
		current.lastItem.append(item.paragraph);
	}
	return document.documentElement.outerHTML;
}

const isComment = (node: Node, text: RegExp) => node.nodeType === Node.COMMENT_NODE && text.test((node as Comment).data);

/** Removes the bullet or number Word wrote into a list paragraph or numbered heading, with its spacing, and returns its text. */
function removeMarker(paragraph: HTMLElement): string {
	let marker = '';
	const walker = paragraph.ownerDocument.createTreeWalker(paragraph, NodeFilter.SHOW_COMMENT);
	const openings: Node[] = [];
	for (let node = walker.nextNode(); node; node = walker.nextNode()) {
		if (isComment(node, /^\[if !supportLists\]$/i)) openings.push(node);
	}
	for (const opening of openings) {
		const between: Node[] = [];
		let end = opening.nextSibling;
		for (; end && !isComment(end, /^\[endif\]$/i); end = end.nextSibling) between.push(end);
		if (!end) continue;
		marker += between.map((node) => node.textContent).join('');
		for (const node of [opening, ...between, end]) node.parentNode?.removeChild(node);
	}
	// Without Word's comments (some copies lose them), the span Word skips is the marker.
	for (const span of paragraph.querySelectorAll('[style]')) {
		if (!WORD_MARKER.test(span.getAttribute('style') ?? '') || !span.isConnected) continue;
		marker += span.textContent;
		span.remove();
	}
	return marker.replace(/\s+/g, ' ').trim();
}

/**
 * The number a numbered list's marker shows ("3.", "1.2.", "(iv)", "c)", "B.") and how it writes
 * it, or null for a bullet ("·", "o", "§", "-"). Letters count only with the punctuation Word
 * puts around them, since Word's bullets include the letters "o", "q" and "v" drawn in symbol fonts.
 */
function markerOf(marker: string): Marker | null {
	const punctuation = marker.startsWith('(') && marker.endsWith(')') ? '()' : marker.endsWith(')') ? ')' : '.';
	const digits = marker.match(/\d+/g)?.at(-1);
	if (digits) return { number: Number(digits), style: '1', punctuation };
	const written = /^\(?([a-z]+)[.)]$/i.exec(marker)?.[1];
	if (!written) return null;
	const letters = written.toLowerCase();
	const upper = written !== letters;
	// "i", "v" and "x" start roman lists far more often than they are the 9th, 22nd or 24th letter.
	if (letters.length > 1 || 'ivx'.includes(letters)) return { number: romanValue(letters) ?? 1, style: upper ? 'I' : 'i', punctuation };
	return { number: letters.charCodeAt(0) - 'a'.charCodeAt(0) + 1, style: upper ? 'A' : 'a', punctuation };
}

/** Numbers a pasted `<ol>` as its first marker does, in the attributes the editor reads. */
function writeNumbering(list: HTMLElement, { number, ...numbering }: Marker): void {
	if (number > 1) list.setAttribute('start', String(number));
	for (const [name, value] of Object.entries(numberingAttributes(numbering))) list.setAttribute(name, value);
}

const ROMAN_NUMERALS: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100, d: 500, m: 1000 };

function romanValue(letters: string): number | null {
	if (!/^m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$/.test(letters)) return null;
	const values = [...letters].map((letter) => ROMAN_NUMERALS[letter] ?? 0);
	// A smaller numeral before a larger one is taken away from it: "iv" is 4.
	return values.reduce((sum, value, index) => (value < (values[index + 1] ?? 0) ? sum - value : sum + value), 0);
}

/** The node before a paragraph, passing over the white space and comments between Word's paragraphs. */
function previousBlock(element: Element): Node | null {
	let node = element.previousSibling;
	while (node && (node.nodeType === Node.COMMENT_NODE || (node.nodeType === Node.TEXT_NODE && node.textContent!.trim() === ''))) {
		node = node.previousSibling;
	}
	return node;
}

/** Every editor turns lists pasted from Word into lists ([G8]). */
export const WordPaste = Extension.create({
	name: 'wordPaste',
	transformPastedHTML: (html) => listsFromWord(html)
});
