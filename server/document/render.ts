import type { JSONContent } from '@tiptap/core';
import { generateHTML } from '@tiptap/html/server';
import { prosemirrorJSONToYDoc, yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import { getSchema } from '@tiptap/core';
import type * as Y from 'yjs';
import { DOCUMENT_FIELD, documentExtensions } from '../../src/lib/editor/extensions';

/** The schema both sides share; built once. */
export const documentSchema = getSchema(documentExtensions);

/** A Tiptap JSON document as a new Y.Doc, checked against the shared schema first. */
export function documentFromJSON(json: JSONContent): Y.Doc {
	documentSchema.nodeFromJSON(json).check();
	return prosemirrorJSONToYDoc(documentSchema, json, DOCUMENT_FIELD);
}

export function documentToJSON(doc: Y.Doc): JSONContent {
	return yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(DOCUMENT_FIELD)) as JSONContent;
}

/** HTML through the shared extensions' own renderers: text escaped, disallowed links dropped. */
export function documentToHTML(json: JSONContent): string {
	return generateHTML(json, documentExtensions);
}
