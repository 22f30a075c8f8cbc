import * as Y from 'yjs';
import type { Db } from './db/database';
import type { Audit } from './audit';
import type { EventBus } from './events';
import type { Strategies } from './strategies';
import type { Annotations } from './annotations';
import type { Comments } from './comments';
import type { Logger } from './log';
import type { Actor } from './auth/policy';
import { contentHash, renderingHash } from './document/canonical';
import { diffDocuments, type DocumentDiff } from './document/diff';
import { documentToJSON } from './document/render';
import { rewriteText, type LiveText } from './document/rewrite';
import { AppError } from './errors';
import { m } from '../src/lib/paraglide/messages.js';
import { SNAPSHOT_NAME_MAX_LENGTH } from '../src/lib/limits';
import type { TextLanguage } from '../src/lib/vocabulary';
import type { JSONContent } from '@tiptap/core';

export type SnapshotKind = 'manual' | 'auto' | 'pre-restore' | 'lock';

export interface SnapshotSummary {
	id: number;
	strategyId: string;
	name: string;
	kind: SnapshotKind;
	/** SHA-256 of the canonical text (SPEC.md [V3]). */
	contentHash: string;
	/** The language the text was written in when the snapshot was taken [L6]. */
	textLanguage: TextLanguage;
	createdBy: { id: number; name: string; email: string } | null;
	createdAt: string;
}

interface SnapshotRow {
	id: number;
	strategy_id: string;
	name: string;
	kind: SnapshotKind;
	content_hash: string;
	rendering_hash: string;
	text_language: TextLanguage;
	created_by: number | null;
	creator_name: string | null;
	creator_email: string | null;
	created_at: number;
}

const SUMMARY_COLUMNS = `snapshots.id, snapshots.strategy_id, snapshots.name, snapshots.kind, snapshots.content_hash, snapshots.rendering_hash,
	snapshots.text_language, snapshots.created_by, users.name AS creator_name, users.email AS creator_email, snapshots.created_at`;
const WITH_CREATOR = 'FROM snapshots LEFT JOIN users ON users.id = snapshots.created_by';

function toSummary(row: SnapshotRow): SnapshotSummary {
	return {
		id: row.id,
		strategyId: row.strategy_id,
		name: row.name,
		kind: row.kind,
		contentHash: row.content_hash,
		textLanguage: row.text_language,
		createdBy: row.created_by === null ? null : { id: row.created_by, name: row.creator_name!, email: row.creator_email! },
		createdAt: new Date(row.created_at).toISOString()
	};
}

/**
 * Versions of a strategy (SPEC.md [V1]–[V4]): named snapshots people take, automatic ones when
 * a burst of editing goes quiet, one before every restore, one at every lock. Each keeps the
 * full Yjs state, its rendering and their hashes; none is ever deleted automatically.
 */
export class Snapshots {
	constructor(
		private readonly db: Db,
		private readonly strategies: Strategies,
		private readonly text: LiveText,
		private readonly annotations: Annotations,
		private readonly comments: Comments,
		private readonly audit: Audit,
		private readonly bus: EventBus,
		private readonly log: Logger
	) {}

	/** Every snapshot of a strategy, newest first; metadata only, so a long history lists at once. */
	list(actor: Actor, strategyId: string): SnapshotSummary[] {
		const strategy = this.strategies.authorize(actor, 'read', strategyId);
		return (
			this.db
				.prepare(`SELECT ${SUMMARY_COLUMNS} ${WITH_CREATOR} WHERE strategy_id = ? ORDER BY snapshots.id DESC`)
				.all(strategy.id) as SnapshotRow[]
		).map(toSummary);
	}

	private row(strategyId: string, id: number): SnapshotRow & { state: Uint8Array; rendering: string } {
		const row = this.db
			.prepare(`SELECT ${SUMMARY_COLUMNS}, snapshots.state, snapshots.rendering ${WITH_CREATOR}
				WHERE snapshots.id = ? AND strategy_id = ?`)
			.get(id, strategyId) as (SnapshotRow & { state: Uint8Array; rendering: string }) | undefined;
		if (!row) throw new AppError('not_found', m.error_snapshot_not_found());
		return row;
	}

	/** A snapshot's metadata and its text as a document. */
	get(actor: Actor, strategyId: string, id: number): { snapshot: SnapshotSummary; json: JSONContent; doc: Y.Doc } {
		const strategy = this.strategies.authorize(actor, 'read', strategyId);
		const row = this.row(strategy.id, id);
		const doc = new Y.Doc();
		Y.applyUpdate(doc, row.state);
		return { snapshot: toSummary(row), json: JSON.parse(row.rendering) as JSONContent, doc };
	}

	/** Stores the strategy's current text as a snapshot; `by` null for the server's own (automatic) ones. */
	store(strategyId: string, name: string, kind: SnapshotKind, by: number | null): SnapshotSummary {
		// The room's own encoding of the whole text: made once per change for every reader.
		const current = this.text.read(strategyId, (doc, wholeText) => ({ json: documentToJSON(doc), state: wholeText() }));
		if (!current) throw new AppError('not_found', m.error_strategy_not_found());
		const { json, state } = current;
		const rendering = JSON.stringify(json);
		const { textLanguage } = this.strategies.find(strategyId)!;
		const id = this.db.transaction(() => {
			const result = this.db
				.prepare(
					`INSERT INTO snapshots (strategy_id, name, kind, state, rendering, rendering_hash, content_hash, text_language, created_by, created_at)
					 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
				)
				.run(strategyId, name, kind, state, rendering, renderingHash(rendering), contentHash(json), textLanguage, by, Date.now());
			const snapshotId = Number(result.lastInsertRowid);
			this.audit.record({ userId: by, action: 'snapshot-taken', strategyId, details: { snapshotId, name, kind } });
			return snapshotId;
		})();
		this.bus.emit('strategy-event', strategyId, { type: 'snapshots', id });
		// Metadata only: the state and rendering just written need not be read back.
		return toSummary(
			this.db
				.prepare(`SELECT ${SUMMARY_COLUMNS} ${WITH_CREATOR} WHERE snapshots.id = ?`)
				.get(id) as SnapshotRow
		);
	}

	/** A named snapshot, taken by an author or head [V1]; experts and observers may not (403). */
	take(actor: Actor, strategyId: string, name: string): SnapshotSummary {
		const strategy = this.strategies.authorize(actor, 'snapshot', strategyId);
		return this.store(strategy.id, name, 'manual', actor.id);
	}

	/** The snapshot taken when a head locks the strategy for signing. */
	takeForLock(actor: Actor, strategyId: string, name: string): SnapshotSummary {
		return this.store(strategyId, name, 'lock', actor.id);
	}

	/**
	 * After a burst of editing went quiet: an automatic snapshot, unless the text is the same
	 * as the last automatic one (equal content never makes two in a row) [V2].
	 */
	takeAutomatic(strategyId: string): SnapshotSummary | null {
		const json = this.text.read(strategyId, documentToJSON);
		if (!json) return null;
		const last = this.db
			.prepare("SELECT rendering_hash FROM snapshots WHERE strategy_id = ? AND kind = 'auto' ORDER BY id DESC LIMIT 1")
			.pluck()
			.get(strategyId) as string | undefined;
		if (last === renderingHash(JSON.stringify(json))) return null;
		// Stored in English, the API's language; the history page names automatic snapshots in the reader's.
		return this.store(strategyId, 'Automatic snapshot', 'auto', null);
	}

	/**
	 * Restores a snapshot as a new change to the live text [V4]: a `pre-restore` snapshot first,
	 * then the smallest change from the current text to the snapshot's, stored and sent to
	 * everyone connected like any edit. Text that did not change keeps its identity, so
	 * people's carets, undo history, annotations and comments on it survive; the others are
	 * placed again by their quotes, or orphaned. 409 while the strategy is locked.
	 */
	async restore(actor: Actor, strategyId: string, id: number): Promise<{ restored: SnapshotSummary; preRestore: SnapshotSummary }> {
		const strategy = this.strategies.authorize(actor, 'restore', strategyId);
		const target = this.row(strategy.id, id);
		return this.text.oneAtATime(strategy.id, async () => {
			// Asked again: the strategy may have been locked while an earlier rewrite ran.
			this.strategies.authorize(actor, 'restore', strategy.id);
			const preRestore = this.store(strategy.id, nameAbout('Before restoring', target.name), 'pre-restore', actor.id);

			await rewriteText(this.text, strategy.id, JSON.parse(target.rendering) as JSONContent);

			this.annotations.reanchor(strategy.id);
			this.comments.reanchor(strategy.id);
			this.audit.record({ userId: actor.id, action: 'snapshot-restored', strategyId: strategy.id, details: { snapshotId: id, preRestoreId: preRestore.id } });
			this.log.info({ event: 'snapshot-restored', strategyId: strategy.id, snapshotId: id, userId: actor.id });
			return { restored: toSummary(target), preRestore };
		});
	}

	/** Compares two snapshots, or a snapshot with the current text (`to` = 'current'). */
	diff(actor: Actor, strategyId: string, from: number | 'current', to: number | 'current'): DocumentDiff & { from: number | 'current'; to: number | 'current' } {
		const strategy = this.strategies.authorize(actor, 'read', strategyId);
		const version = (which: number | 'current'): JSONContent =>
			which === 'current' ? this.text.read(strategy.id, documentToJSON)! : (JSON.parse(this.row(strategy.id, which).rendering) as JSONContent);
		return { from, to, ...diffDocuments(version(from), version(to)) };
	}
}

/**
 * A name the server gives a snapshot about something else ("Before restoring “…”"), within the
 * limit a person's name has: restoring the copy of a restore would otherwise nest names for ever.
 */
export function nameAbout(what: string, name: string): string {
	const room = SNAPSHOT_NAME_MAX_LENGTH - what.length - 3;
	return `${what} “${name.length > room ? `${name.slice(0, room - 1)}…` : name}”`;
}
