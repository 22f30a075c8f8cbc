import type { JSONContent } from '@tiptap/core';
import { initProseMirrorDoc, updateYFragment } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { documentSchema } from './render';
import { DOCUMENT_FIELD } from '../../src/lib/editor/extensions';

/** The live text, and the one way it changes: through the collaboration hub, stored before it is shared. */
export interface LiveText {
	/** A detached copy, free to change. */
	readDocument(strategyId: string): Y.Doc | null;
	/**
	 * Runs `reader` on the text itself, without a copy; the reader must only read. `wholeText`
	 * gives the text as one update, encoded at most once per change for every reader.
	 */
	read<T>(strategyId: string, reader: (doc: Y.Doc, wholeText: () => Uint8Array) => T): T | null;
	submit(strategyId: string, update: Uint8Array): Promise<void>;
	/**
	 * Runs `work` after every earlier `work` of the same strategy has finished. A rewrite reads
	 * the text, then submits its change: two at once would each change the text the other had
	 * not yet seen, and the result would match neither.
	 */
	oneAtATime<T>(strategyId: string, work: () => Promise<T>): Promise<T>;
}

/**
 * Makes the live text read as `target` with the smallest change (y-prosemirror's diff of the
 * two documents), sent through the hub like any edit (SPEC.md [D4]). Text that stays the same
 * keeps its identity, so carets, undo history and anchored passages on it survive.
 */
export async function rewriteText(text: LiveText, strategyId: string, target: JSONContent): Promise<void> {
	const node = documentSchema.nodeFromJSON(target);
	node.check();
	const current = text.readDocument(strategyId);
	if (!current) throw new Error('the strategy has no document');
	const fragment = current.getXmlFragment(DOCUMENT_FIELD);
	const before = Y.encodeStateVector(current);
	const { meta } = initProseMirrorDoc(fragment, documentSchema);
	current.transact(() => updateYFragment(current, fragment, node, meta));
	await text.submit(strategyId, Y.encodeStateAsUpdate(current, before));
}
