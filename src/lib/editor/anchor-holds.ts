import * as Y from 'yjs';

/**
 * Whether a relative position still holds on to a character of the text. One tied to a deleted
 * character keeps a place but no longer follows the words: Enter inside a passage makes the
 * editor write the words it moves anew, and the passage's end stays behind at the break.
 */
export function holdsOnText(doc: Y.Doc, position: Y.RelativePosition): boolean {
	const id = position.item;
	if (!id || Y.getState(doc.store, id.client) <= id.clock) return false;
	const item = Y.getItem(doc.store, id);
	return item instanceof Y.Item && !item.deleted;
}
