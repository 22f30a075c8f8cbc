import type { AnyExtension } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { TableKit } from '@tiptap/extension-table';
import { ListNumbering } from './list-numbering';

/** Links may only lead to the web or to an e-mail address; `javascript:` and `data:` never become links. */
export const ALLOWED_LINK_PROTOCOLS = /^(https?:|mailto:)/i;

export function isAllowedLink(url: string): boolean {
	return ALLOWED_LINK_PROTOCOLS.test(url.trim());
}

/**
 * The one list of extensions that defines a strategy's text. The browser's editor adds the
 * collaboration extensions on top; the server renders, seeds and exports with exactly this
 * list, so what the server writes is what the browser edits. Keep it free of DOM-only code.
 */
export const documentExtensions: AnyExtension[] = [
	StarterKit.configure({
		// Yjs keeps the undo history (each person undoes only their own edits).
		undoRedo: false,
		code: false,
		codeBlock: false,
		link: {
			openOnClick: false,
			autolink: true,
			defaultProtocol: 'https',
			isAllowedUri: (url) => isAllowedLink(url)
		}
	}),
	TableKit.configure({ table: { resizable: false } }),
	ListNumbering
];

/** The Yjs XML fragment that holds the text: Tiptap's default, so any Tiptap client can open it. */
export const DOCUMENT_FIELD = 'default';
