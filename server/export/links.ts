import type { JSONContent } from '@tiptap/core';
import { isAllowedLink } from '../../src/lib/editor/extensions';

function isSafeMark(mark: { type: string; attrs?: Record<string, unknown> }): boolean {
	const href = mark.attrs?.href;
	return mark.type !== 'link' || (typeof href === 'string' && isAllowedLink(href));
}

/**
 * The document without links to anything but the web or an e-mail address. The HTML renderer
 * and parser drop such links themselves; the Markdown serializer and parser do not.
 */
export function withoutUnsafeLinks(json: JSONContent): JSONContent {
	return {
		...json,
		...(json.marks && { marks: json.marks.filter(isSafeMark) }),
		...(json.content && { content: json.content.map(withoutUnsafeLinks) })
	};
}
