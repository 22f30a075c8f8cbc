import type { JSONContent } from '@tiptap/core';
import type { Audit } from './audit';
import type { Strategies } from './strategies';
import { nameAbout, type Snapshots } from './snapshots';
import type { Annotations } from './annotations';
import type { Comments } from './comments';
import type { Actor } from './auth/policy';
import { canonicalText } from './document/canonical';
import { documentToJSON } from './document/render';
import { rewriteText, type LiveText } from './document/rewrite';
import { WordDocumentTooLarge } from './export/extract';
import { WordReaderBusy, WordReaderFailed, type WordReader } from './export/word-reader';
import { AppError } from './errors';
import {
	IMPORT_MAX_BLOCKS,
	IMPORT_MAX_BYTES,
	IMPORT_MAX_RUNS,
	IMPORT_MAX_UNPACKED_BYTES,
	MAX_NESTING_DEPTH,
	MAX_TABLE_SPAN,
	WORD_READING_MAX_MEMORY_MB,
	WORD_READING_MAX_MS
} from '../src/lib/limits';
import { m } from '../src/lib/paraglide/messages.js';
import { getLocale } from '../src/lib/paraglide/runtime.js';

export type ImportMode = 'replace' | 'append';

/** The four bytes every .docx (a ZIP package) starts with. */
const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];

/**
 * Word drafts brought into a draft strategy (SPEC.md [G5]): headings, lists, tables and
 * emphasis are kept, scripts and unsafe links never; of an Acquis Studio export, only the text
 * between its bookmarks. A `pre-restore` snapshot is taken first, and the import reaches live
 * editors like any other change. Locked strategies refuse (409); a document past the import
 * limits (413) or without text (422) changes nothing.
 */
export class Imports {
	constructor(
		private readonly strategies: Strategies,
		private readonly text: LiveText,
		private readonly snapshots: Snapshots,
		private readonly annotations: Annotations,
		private readonly comments: Comments,
		private readonly audit: Audit,
		private readonly words: WordReader
	) {}

	async importDocx(actor: Actor, strategyId: string, file: { name: string; bytes: Uint8Array }, mode: ImportMode): Promise<{ blocks: number }> {
		const strategy = this.strategies.authorize(actor, 'import', strategyId);
		if (file.bytes.byteLength > IMPORT_MAX_BYTES) {
			throw new AppError('payload_too_large', m.error_import_too_large({ size: Math.round(IMPORT_MAX_BYTES / 1_000_000) }));
		}
		if (!ZIP_SIGNATURE.every((byte, index) => file.bytes[index] === byte)) throw new AppError('invalid', m.error_import_not_docx());
		let imported: JSONContent;
		try {
			imported = await this.words.draft(file.bytes);
		} catch (error) {
			throw wordRefusal(error, m.error_import_not_docx);
		}
		// Empty paragraphs are still blocks: replacing with them would wipe the strategy.
		if (canonicalText(imported) === '') throw new AppError('invalid', m.error_import_empty());
		if (!withinShape(imported)) throw new AppError('invalid', m.error_import_too_deep({ max: MAX_NESTING_DEPTH }));
		const content = imported.content ?? [];

		return this.text.oneAtATime(strategy.id, async () => {
			// Asked again: the strategy may have been locked while the file was read or an earlier rewrite ran.
			this.strategies.authorize(actor, 'import', strategy.id);
			this.snapshots.store(strategy.id, nameAbout('Before importing', file.name), 'pre-restore', actor.id);
			const current = this.text.read(strategy.id, documentToJSON)!;
			const target: JSONContent = mode === 'replace' ? { type: 'doc', content } : { type: 'doc', content: [...(current.content ?? []), ...content] };
			await rewriteText(this.text, strategy.id, target);
			if (mode === 'replace') {
				this.annotations.reanchor(strategy.id);
				this.comments.reanchor(strategy.id);
			}
			this.audit.record({ userId: actor.id, action: 'document-imported', strategyId: strategy.id, details: { file: file.name, mode, blocks: content.length } });
			return { blocks: content.length };
		});
	}
}

/**
 * Why a Word file (an import, or a file to check) was not read, in the reader's words: past a
 * limit 413, unreadable 422 with `unreadable`'s message, every worker busy 503. A worker that
 * failed for a reason of the server's own stays an error (500).
 */
export function wordRefusal(error: unknown, unreadable: () => string): Error {
	if (error instanceof WordReaderFailed) return error;
	if (error instanceof WordReaderBusy) return new AppError('busy', m.error_word_busy());
	if (!(error instanceof WordDocumentTooLarge)) return new AppError('invalid', unreadable());
	const tooLarge = {
		blocks: () => m.error_import_too_many_blocks({ max: new Intl.NumberFormat(getLocale()).format(IMPORT_MAX_BLOCKS) }),
		runs: () => m.error_import_too_many_runs({ max: new Intl.NumberFormat(getLocale()).format(IMPORT_MAX_RUNS) }),
		'unpacked-bytes': () => m.error_import_too_large_unpacked({ size: Math.round(IMPORT_MAX_UNPACKED_BYTES / 1_000_000) }),
		reading: () => m.error_word_reading_stopped({ seconds: WORD_READING_MAX_MS / 1_000, size: WORD_READING_MAX_MEMORY_MB })
	};
	return new AppError('payload_too_large', tooLarge[error.limit]());
}

/**
 * The shape the live socket would accept from an editor (SPEC.md [S6]): nesting no deeper than
 * `MAX_NESTING_DEPTH`; spans over `MAX_TABLE_SPAN` (a Word file's `gridSpan` can say anything)
 * are brought down to it here, in place.
 */
function withinShape(node: JSONContent, level = 0): boolean {
	if (level > MAX_NESTING_DEPTH) return false;
	for (const span of ['colspan', 'rowspan'] as const) {
		const value = node.attrs?.[span];
		if (typeof value === 'number' && value > MAX_TABLE_SPAN) node.attrs![span] = MAX_TABLE_SPAN;
	}
	return (node.content ?? []).every((child) => withinShape(child, level + 1));
}
