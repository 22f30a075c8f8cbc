import * as Y from 'yjs';

/** A mark on rescued words, as the editor names it (bold, italic, underline, strike, link) with its attributes. */
export interface RescuedMark {
	type: string;
	attrs?: Record<string, unknown>;
}

/** A piece of a rescued paragraph's text, its marks (none when absent), and whether it holds words the deleter never saw. */
export interface RescuedPiece {
	text: string;
	unseen: boolean;
	marks?: RescuedMark[];
}

/** What the rescued words were in the text when not a plain paragraph: a heading of some level, or an item of a list. */
export type RescuedKind = { heading: number } | { list: 'bulletList' | 'orderedList' };

/** A rescued paragraph: its text in pieces, and what kind of block it was. */
export interface RescuedParagraph {
	pieces: RescuedPiece[];
	kind?: RescuedKind;
}

/**
 * Paragraphs holding words written in this browser that a remote change deleted without its
 * author having seen them: typed offline (or still on their way) inside a paragraph, list item
 * or table that someone else deleted, or that a restore removed. Yjs deletes whatever arrives
 * inside a deleted element, so the words would vanish without anyone choosing to delete them.
 *
 * A deletion someone chose lists every item it removes in the update's delete set; the words
 * it took only because they sat inside a deleted element are not listed there. Each paragraph
 * comes back whole, as this browser had it, with those words marked: the editor's typing may
 * split a word between new and old characters (typing "l" beside an "l"), so the words alone
 * could read scrambled. A heading comes back a heading of its level, a list item an item of its
 * kind of list.
 *
 * Call it from `afterTransaction`: the deleted items still hold their text until the cleanup
 * that follows.
 */
export function paragraphsDeletedUnseen(
	transaction: Y.Transaction,
	update: Uint8Array,
	writtenHere: (id: Y.ID) => boolean
): RescuedParagraph[] {
	let chosen: ReturnType<typeof Y.decodeUpdate>['ds'] | null = null;
	const unseen = new Set<Y.Item>();
	const paragraphs = new Set<Y.AbstractType<unknown>>();
	Y.iterateDeletedStructs(transaction, transaction.deleteSet, (struct) => {
		if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentString)) return;
		const { client, clock } = struct.id;
		// Arriving in this very update: someone else's words, deleted on arrival.
		if (clock >= (transaction.beforeState.get(client) ?? 0) || !writtenHere(struct.id)) return;
		chosen ??= Y.decodeUpdate(update).ds;
		for (let offset = 0; offset < struct.length; offset++) {
			if (Y.isDeleted(chosen, Y.createID(client, clock + offset))) continue;
			unseen.add(struct);
			paragraphs.add(struct.parent as Y.AbstractType<unknown>);
			return;
		}
	});
	return [...paragraphs]
		.map((paragraph) => ({ place: placeOf(paragraph), pieces: piecesOf(paragraph, transaction, unseen), kind: kindOf(paragraph) }))
		.filter(({ pieces }) => pieces.some((piece) => piece.unseen && piece.text.trim() !== ''))
		.sort((a, b) => comparePlaces(a.place, b.place))
		.map(({ pieces, kind }) => (kind ? { pieces, kind } : { pieces }));
}

/**
 * The kind of block that holds a paragraph's text, read from the editor's elements as Yjs holds
 * them (a `heading` with its `level`, a `paragraph` in a `listItem` of a list). They are deleted
 * by now, so their attributes are read from the deleted items themselves.
 */
function kindOf(text: Y.AbstractType<unknown>): RescuedKind | undefined {
	const block = text._item?.parent;
	if (!(block instanceof Y.XmlElement)) return undefined;
	if (block.nodeName === 'heading') {
		const level: unknown = block._map.get('level')?.content.getContent().at(-1);
		return { heading: typeof level === 'number' && Number.isInteger(level) && level >= 1 && level <= 6 ? level : 1 };
	}
	const item = block._item?.parent;
	const list = item instanceof Y.XmlElement && item.nodeName === 'listItem' ? item._item?.parent : null;
	if (block.nodeName === 'paragraph' && list instanceof Y.XmlElement && (list.nodeName === 'bulletList' || list.nodeName === 'orderedList')) {
		return { list: list.nodeName };
	}
	return undefined;
}

/**
 * The paragraph's text just before the transaction, in pieces seen and unseen and by their
 * marks. The editor writes marks as formatting attributes of the text (`{ bold: {} }`, `{ link:
 * { href } }`), which start and end at format items among the characters.
 */
function piecesOf(paragraph: Y.AbstractType<unknown>, transaction: Y.Transaction, unseen: Set<Y.Item>): RescuedPiece[] {
	const pieces: RescuedPiece[] = [];
	const formatting = new Map<string, unknown>();
	for (let item = paragraph._start; item; item = item.right) {
		const shown = !item.deleted || Y.isDeleted(transaction.deleteSet, item.id);
		if (!shown || (transaction.beforeState.get(item.id.client) ?? 0) <= item.id.clock) continue;
		if (item.content instanceof Y.ContentFormat) {
			if (item.content.value === null) formatting.delete(item.content.key);
			else formatting.set(item.content.key, item.content.value);
			continue;
		}
		if (!(item.content instanceof Y.ContentString)) continue;
		const piece: RescuedPiece = { text: item.content.str, unseen: unseen.has(item) };
		const marks = [...formatting].map(([type, attrs]) => (isAttributes(attrs) ? { type, attrs } : { type }));
		if (marks.length > 0) piece.marks = marks;
		const last = pieces.at(-1);
		if (last && last.unseen === piece.unseen && JSON.stringify(last.marks) === JSON.stringify(piece.marks)) last.text += piece.text;
		else pieces.push(piece);
	}
	return pieces;
}

function isAttributes(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length > 0;
}

/** Where a type stands in the document, as the index of each ancestor among its siblings (deleted ones included). */
function placeOf(type: Y.AbstractType<unknown>): number[] {
	const place: number[] = [];
	for (let item = type._item; item; item = (item.parent as Y.AbstractType<unknown>)._item) {
		let index = 0;
		for (let left = item.left; left; left = left.left) index++;
		place.unshift(index);
	}
	return place;
}

function comparePlaces(a: number[], b: number[]): number {
	for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
	return a.length - b.length;
}
