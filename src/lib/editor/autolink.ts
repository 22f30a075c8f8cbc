import { Extension } from '@tiptap/core';
import { isChangeOrigin } from '@tiptap/extension-collaboration';

/**
 * A web address becomes a link when its writer types the space after it, in their own
 * editor, which sends the link on like any edit. What arrives from the others, and the text
 * the editor opens on, is shown as written: the autolink plugin would otherwise scan every
 * remote change (the first block's whole text, each time) and, when the page opens, spend
 * ~20 ms setting up its address recogniser before the text is editable.
 */
export const AutolinkOwnTyping = Extension.create({
	name: 'autolinkOwnTyping',
	dispatchTransaction({ transaction, next }) {
		if (isChangeOrigin(transaction)) transaction.setMeta('preventAutolink', true);
		next(transaction);
	}
});
