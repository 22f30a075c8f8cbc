import { getSchema, getText, getTextSerializersFromSchema, type JSONContent } from '@tiptap/core';
import { generateHTML } from '@tiptap/html/server';
import { MarkdownManager } from '@tiptap/markdown';
import { prosemirrorJSONToYDoc, yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import { DOCUMENT_FIELD, documentExtensions } from '../../src/lib/editor/extensions';
import { withoutUnsafeLinks } from '../export/links';

/** The schema both sides share; built once. */
export const documentSchema = getSchema(documentExtensions);
const markdown = new MarkdownManager({ extensions: documentExtensions });
const textSerializers = getTextSerializersFromSchema(documentSchema);

export const CONTENT_FORMATS = ['json', 'html', 'markdown', 'text'] as const;
export type ContentFormat = (typeof CONTENT_FORMATS)[number];

/** A Tiptap JSON document as a new Y.Doc, checked against the shared schema first. */
export function documentFromJSON(json: JSONContent): Y.Doc {
	documentSchema.nodeFromJSON(json).check();
	return prosemirrorJSONToYDoc(documentSchema, json, DOCUMENT_FIELD);
}

/**
 * The document as JSON the shared schema accepts. A writer's own Yjs client can put elements
 * and marks into the Y document that no editor would make; they are left out here, as the
 * browser's editor leaves them out, so no page, export, snapshot or hash ever meets them.
 */
export function documentToJSON(doc: Y.Doc): JSONContent {
	const json = knownOnly(yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(DOCUMENT_FIELD)) as JSONContent)!;
	const valid = (block: JSONContent) => {
		try {
			documentSchema.nodeFromJSON(block).check();
			return true;
		} catch {
			return false;
		}
	};
	return withoutUnsafeLinks({ ...json, content: (json.content ?? []).filter(valid) });
}

function knownOnly(node: JSONContent): JSONContent | null {
	if (!node.type || !(node.type in documentSchema.nodes) || (node.type === 'text' && !node.text)) return null;
	return {
		...node,
		...(node.marks && { marks: node.marks.filter((mark) => mark.type in documentSchema.marks) }),
		...(node.content && { content: node.content.map(knownOnly).filter((child) => child !== null) })
	};
}

/**
 * The beginning of a document, up to `characters` of its text: whole blocks, then the first
 * part of the block where the budget runs out.
 */
export function documentBeginning(json: JSONContent, characters: number): JSONContent {
	let left = characters;
	const cut = (node: JSONContent): JSONContent | null => {
		if (left <= 0) return null;
		if (node.type === 'text') {
			const text = node.text!.slice(0, left);
			left -= text.length;
			return { ...node, text };
		}
		if (!node.content) return node;
		const content: JSONContent[] = [];
		for (const child of node.content) {
			const kept = cut(child);
			if (!kept) break;
			content.push(kept);
		}
		return { ...node, content };
	};
	return cut(json) ?? { type: 'doc', content: [] };
}

/** HTML through the shared extensions' own renderers: text escaped, disallowed links dropped. */
export function documentToHTML(json: JSONContent): string {
	return generateHTML(json, documentExtensions);
}

/** Markdown (GitHub-flavoured, tables as pipe tables) through the extensions' own serializers. */
export function documentToMarkdown(json: JSONContent): string {
	return markdown.serialize(json);
}

/** Plain text, blocks separated by a blank line. */
export function documentToText(json: JSONContent): string {
	return getText(documentSchema.nodeFromJSON(json), { blockSeparator: '\n\n', textSerializers });
}

/** A document in one of the content formats, with the media type to send it as. */
export function renderDocument(json: JSONContent, format: ContentFormat): { body: string; type: string } {
	switch (format) {
		case 'json':
			return { body: JSON.stringify(json), type: 'application/json' };
		case 'html':
			return { body: documentToHTML(json), type: 'text/html; charset=utf-8' };
		case 'markdown':
			return { body: documentToMarkdown(json), type: 'text/markdown; charset=utf-8' };
		case 'text':
			return { body: documentToText(json), type: 'text/plain; charset=utf-8' };
	}
}
