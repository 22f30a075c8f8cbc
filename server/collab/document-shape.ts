import * as Y from 'yjs';
import { MAX_NESTING_DEPTH, MAX_TABLE_SPAN } from '../../src/lib/limits';

type Struct = ReturnType<typeof Y.decodeUpdate>['structs'][number];

/** Where an item sits: how many elements deep (a block at the top of the text is 1), and its attribute key if it is one. */
interface Place {
	level: number;
	key: string | null;
}

/** Table attributes that multiply what every renderer draws. */
const SPANS = new Set(['colspan', 'rowspan']);

/**
 * Refuses an update that would give the text a shape no editor makes and every reader pays for
 * (SPEC.md [S6]): elements nested past `MAX_NESTING_DEPTH` (the renderers and the editor recurse
 * per level, and thousands of levels overflow the stack on every later read), or a table cell
 * spanning more than `MAX_TABLE_SPAN` columns or rows (each one is drawn). Throws on those.
 *
 * The update's new items are placed the way Yjs will place them: under their parent, or beside
 * the item their origin names, in the update, in the updates accepted but not yet applied
 * (`waiting`: a writer's next keystroke names its last) or in the document. Returns false when an item
 * refers to something neither holds yet (a writer that typed while resynchronising): the room
 * then asks for what it lacks, and the answer is complete.
 */
export function shapeAllowed(doc: Y.Doc, structs: readonly Struct[], waiting: readonly (readonly Struct[])[] = []): boolean {
	const own = new Map<number, Y.Item[]>();
	for (const struct of [...waiting.flat(), ...structs]) {
		if (!(struct instanceof Y.Item)) continue;
		const list = own.get(struct.id.client);
		if (list) list.push(struct);
		else own.set(struct.id.client, [struct]);
	}
	const places = new Map<Y.Item, Place | 'placing'>();

	/** The item of this update that holds `id`, if any. */
	const inUpdate = (id: Y.ID): Y.Item | undefined =>
		own.get(id.client)?.find((item) => item.id.clock <= id.clock && id.clock < item.id.clock + item.length);

	const placeOfStored = (item: Y.Item): Place => {
		let level = 0;
		for (let type: Y.AbstractType<unknown> | null = item.parent as Y.AbstractType<unknown>; type?._item; type = type._item.parent as Y.AbstractType<unknown>) level += 1;
		return { level: level + 1, key: item.parentSub };
	};

	/** Null: it refers to something not yet known. */
	const placeOfId = (id: Y.ID): Place | null => {
		const pending = inUpdate(id);
		if (pending) return placeOf(pending);
		if (id.clock >= Y.getState(doc.store, id.client)) return null;
		const stored = Y.getItem(doc.store, id);
		// Garbage-collected: whatever is placed beside or under it is dropped by Yjs as well.
		return stored instanceof Y.Item ? placeOfStored(stored) : { level: 0, key: null };
	};

	const placeOf = (item: Y.Item): Place | null => {
		const known = places.get(item);
		if (known === 'placing') throw new Error('update refused: items that place each other');
		if (known) return known;
		places.set(item, 'placing');
		let place: Place | null;
		if (typeof item.parent === 'string') place = { level: 1, key: item.parentSub };
		else if (item.parent instanceof Y.ID) {
			const parent = placeOfId(item.parent);
			place = parent && { level: parent.level + 1, key: item.parentSub };
		} else {
			const beside = item.origin ?? item.rightOrigin;
			place = beside ? placeOfId(beside) : null;
		}
		if (place) places.set(item, place);
		else places.delete(item);
		return place;
	};

	for (const item of structs) {
		if (!(item instanceof Y.Item) || item.id.clock + item.length <= Y.getState(doc.store, item.id.client)) continue;
		const place = placeOf(item);
		if (!place) return false;
		if (item.content instanceof Y.ContentType && place.level > MAX_NESTING_DEPTH) {
			throw new Error(`update refused: blocks nested more than ${MAX_NESTING_DEPTH} deep`);
		}
		if (place.key !== null && SPANS.has(place.key) && item.content instanceof Y.ContentAny) {
			const span = item.content.arr[0];
			if (!Number.isInteger(span) || (span as number) < 1 || (span as number) > MAX_TABLE_SPAN) {
				throw new Error(`update refused: a table cell spanning more than ${MAX_TABLE_SPAN}`);
			}
		}
	}
	return true;
}
