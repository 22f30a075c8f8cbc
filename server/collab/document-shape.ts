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

/** The items of some updates by client, in clock order, found by any clock they cover. */
class Items {
	private readonly byClient = new Map<number, Y.Item[]>();

	constructor(structs: Iterable<Struct>) {
		for (const struct of structs) {
			if (!(struct instanceof Y.Item)) continue;
			const list = this.byClient.get(struct.id.client);
			if (list) list.push(struct);
			else this.byClient.set(struct.id.client, [struct]);
		}
		for (const list of this.byClient.values()) list.sort((a, b) => a.id.clock - b.id.clock);
	}

	find(id: Y.ID): Y.Item | undefined {
		const list = this.byClient.get(id.client);
		if (!list) return undefined;
		let [low, high] = [0, list.length - 1];
		while (low <= high) {
			const middle = (low + high) >> 1;
			const item = list[middle]!;
			if (id.clock < item.id.clock) high = middle - 1;
			else if (id.clock >= item.id.clock + item.length) low = middle + 1;
			else return item;
		}
		return undefined;
	}
}

/** An item of the document (integrated): its place, counted up through its parents. */
function placeInDocument(item: Y.Item): Place {
	let level = 1;
	for (let type = item.parent as Y.AbstractType<unknown> | null; type?._item; type = type._item.parent as Y.AbstractType<unknown> | null) level += 1;
	return { level, key: item.parentSub };
}

/**
 * Refuses an update that would give the text a shape no editor makes and every reader pays for
 * (SPEC.md [S6]): elements nested past `MAX_NESTING_DEPTH` (the renderers and the editor recurse
 * per level, and thousands of levels overflow the stack on every later read), or a table cell
 * spanning more than `MAX_TABLE_SPAN` columns or rows (each one is drawn). Throws on those.
 *
 * The update's new items are placed the way Yjs will place them: under their parent, or beside
 * the item their origin names, in the update, in the updates accepted but not yet applied
 * (`waiting`: a writer's next keystroke names its last) or in the document. An element or an
 * attribute value that refers to something none of them holds cannot be checked: it returns false,
 * and the room asks the writer for what it lacks (a complete answer, which can be). Text that
 * overtook what it follows is taken, as Yjs takes it.
 *
 * Linear in the update: chains of items (a pasted page names each paragraph after the one
 * before it) are followed in a loop, not by recursion, and each item is placed once.
 */
export function shapeAllowed(doc: Y.Doc, structs: readonly Struct[], waiting: readonly (readonly Struct[])[] = []): boolean {
	const pending = new Items([...waiting.flat(), ...structs]);
	const places = new Map<Y.Item, Place>();

	/** Null: it refers to something not yet known. */
	const placeOf = (start: Y.Item): Place | null => {
		// Follow what each item is placed by until something already placed, then place the chain back.
		const chain: { item: Y.Item; under: boolean }[] = [];
		const onChain = new Set<Y.Item>();
		let item = start;
		let reached: Place | null;
		for (;;) {
			const known = places.get(item);
			if (known) {
				reached = known;
				break;
			}
			if (onChain.has(item)) throw new Error('update refused: items that place each other');
			onChain.add(item);
			if (typeof item.parent === 'string') {
				places.set(item, { level: 1, key: item.parentSub });
				reached = places.get(item)!;
				break;
			}
			const under = item.parent instanceof Y.ID;
			const next = under ? (item.parent as Y.ID) : (item.origin ?? item.rightOrigin);
			chain.push({ item, under });
			if (!next) return null;
			const inUpdates = pending.find(next);
			if (inUpdates) {
				item = inUpdates;
				continue;
			}
			if (next.clock >= Y.getState(doc.store, next.client)) return null;
			const stored = Y.getItem(doc.store, next);
			// Garbage-collected: whatever is placed beside or under it is dropped by Yjs as well.
			reached = stored instanceof Y.Item ? placeInDocument(stored) : { level: 0, key: null };
			break;
		}
		for (let i = chain.length - 1; i >= 0; i--) {
			const { item: placed, under } = chain[i]!;
			reached = under ? { level: reached.level + 1, key: placed.parentSub } : { level: reached.level, key: reached.key };
			places.set(placed, reached);
		}
		return places.get(start) ?? reached;
	};

	for (const item of structs) {
		if (!(item instanceof Y.Item) || item.id.clock + item.length <= Y.getState(doc.store, item.id.client)) continue;
		const place = placeOf(item);
		if (!place) {
			// Yjs parks what it cannot place yet (an update that overtook the one before it). Text
			// cannot change the text's shape; an element or an attribute value could, once placed.
			if (item.content instanceof Y.ContentType || item.content instanceof Y.ContentAny) return false;
			continue;
		}
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
