import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { relativePositionToAbsolutePosition, ySyncPluginKey } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { bytesFromBase64 } from '$lib/base64';
import { holdsOnText } from '$lib/editor/anchor-holds';

/** A passage to show in the text: an annotation or a comment thread, with where it is (base64 Yjs positions). */
export interface Highlight {
	key: string;
	anchor: { start: string; end: string };
	/** CSS classes: what it is and, for annotations, its assessment. */
	className: string;
	/** What hovering tells: the benchmark and assessment, or that a comment is here. */
	title: string;
}

export const passageHighlightsKey = new PluginKey<DecorationSet>('passageHighlights');

const decode = (base64: string) => Y.decodeRelativePosition(bytesFromBase64(base64));

/** Where a highlight is now, in ProseMirror positions, through the live Yjs binding. */
export function highlightRange(state: EditorState, anchor: Highlight['anchor']): { from: number; to: number } | null {
	const sync = ySyncPluginKey.getState(state) as
		| { doc: Y.Doc; type: Y.XmlFragment; binding: { mapping: Map<Y.AbstractType<unknown>, unknown> } | null }
		| undefined;
	if (!sync?.binding) return null;
	const from = relativePositionToAbsolutePosition(sync.doc, sync.type, decode(anchor.start), sync.binding.mapping as never);
	const to = relativePositionToAbsolutePosition(sync.doc, sync.type, decode(anchor.end), sync.binding.mapping as never);
	return from === null || to === null || to <= from ? null : { from, to };
}

/** Whether both ends of a highlight still hold on to characters of the text (see `holdsOnText`). */
export function highlightHolds(state: EditorState, anchor: Highlight['anchor']): boolean {
	const sync = ySyncPluginKey.getState(state) as { doc: Y.Doc } | undefined;
	return !!sync && holdsOnText(sync.doc, decode(anchor.start)) && holdsOnText(sync.doc, decode(anchor.end));
}

/**
 * Annotations and comments drawn over the text as decorations, never as marks: they are not
 * part of the document, and another person's edits move them with the text. The set is
 * rebuilt from the relative positions after every change that comes through Yjs, and mapped
 * through one's own.
 */
export const PassageHighlights = Extension.create<{ onActivate: (key: string) => void }>({
	name: 'passageHighlights',
	addOptions() {
		return { onActivate: () => {} };
	},
	addProseMirrorPlugins() {
		let highlights: Highlight[] = [];
		let active: string | null = null;
		const build = (state: EditorState) =>
			DecorationSet.create(
				state.doc,
				highlights.flatMap((highlight) => {
					const range = highlightRange(state, highlight.anchor);
					if (!range) return [];
					return [
						Decoration.inline(
							range.from,
							range.to,
							{
								class: `passage ${highlight.className}${highlight.key === active ? ' passage-active' : ''}`,
								title: highlight.title,
								'data-passage': highlight.key
							},
							{ key: highlight.key }
						)
					];
				})
			);
		const onActivate = this.options.onActivate;
		return [
			new Plugin({
				key: passageHighlightsKey,
				state: {
					init: (_, state) => build(state),
					apply(tr, set, _old, state) {
						const meta = tr.getMeta(passageHighlightsKey) as { highlights?: Highlight[]; active?: string | null } | undefined;
						if (meta?.highlights) highlights = meta.highlights;
						if (meta && 'active' in meta) active = meta.active ?? null;
						// One's own typing reaches Yjs only after this runs: the positions would still read the
						// text before it. Those edits are mapped; changes that come from Yjs (others, undo) are read.
						const fromYjs = (tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin === true;
						return meta || (tr.docChanged && fromYjs) ? build(state) : set.map(tr.mapping, tr.doc);
					}
				},
				props: {
					decorations: (state) => passageHighlightsKey.getState(state),
					handleClick(view, pos) {
						const key = passageHighlightsKey.getState(view.state)?.find(pos, pos)[0]?.spec.key as string | undefined;
						if (key) onActivate(key);
						return false;
					}
				}
			})
		];
	}
});
