import type * as Y from 'yjs';
import type { Db } from './db/database';
import { TextModel, type Anchor, type Location, type TextQuoteSelector } from './document/passage';
import { AppError } from './errors';
import { m } from '../src/lib/paraglide/messages.js';

/** The text of a strategy as it is now, from wherever it lives (the open room or the database). */
export interface TextSource {
	read<T>(strategyId: string, reader: (doc: Y.Doc) => T): T | null;
}

/**
 * The strategy's current text, ready for finding and locating passages. It reads the live
 * document itself, not a copy: use it before the next `await`, since the text changes between
 * turns of the event loop.
 */
export function textModelOf(text: TextSource, strategyId: string): TextModel {
	const model = text.read(strategyId, (doc) => new TextModel(doc));
	if (!model) throw new AppError('not_found', m.error_strategy_not_found());
	return model;
}

/** The columns an anchored row (an annotation, a comment) keeps about its passage. */
export interface AnchorColumns {
	id: number;
	anchor_start: Uint8Array | null;
	anchor_end: Uint8Array | null;
	quote_exact: string | null;
	quote_prefix: string | null;
	quote_suffix: string | null;
	orphaned: 0 | 1;
}

export interface Passage {
	selector: TextQuoteSelector;
	orphaned: boolean;
	/** Base64 of the encoded Yjs relative positions, for the editor to draw the passage. */
	anchor: { start: string; end: string } | null;
}

const TABLES = ['annotations', 'comments'] as const;
type AnchoredTable = (typeof TABLES)[number];

/**
 * Keeps anchored rows in step with the text (SPEC.md [N1]): on every read each passage is
 * located again; the stored quote follows the text as it reads now, and a passage whose
 * text is gone is marked orphaned (never dropped). After a restore, orphans whose quote
 * comes back are anchored again.
 */
export class Anchoring {
	constructor(
		private readonly db: Db,
		private readonly table: AnchoredTable
	) {}

	/** Where each row's passage is now; writes back quotes, anchors and orphaned flags that changed. */
	refresh<T extends AnchorColumns>(rows: T[], model: TextModel): Map<number, Passage> {
		const passages = new Map<number, Passage>();
		const orphan = this.db.prepare(`UPDATE ${this.table} SET orphaned = 1 WHERE id = ?`);
		this.db.transaction(() => {
			for (const row of rows) {
				if (!row.anchor_start || !row.anchor_end) continue;
				let anchor: Anchor = { start: row.anchor_start, end: row.anchor_end };
				let located = row.orphaned ? null : model.locate(anchor, row.quote_exact ?? undefined);
				// The editor rewrites the text it moves (two paragraphs joined, a paragraph made a
				// heading), so the passage's characters are new ones: find the quote again before
				// calling the passage lost.
				const placed = !located && !row.orphaned ? placeByQuote(model, row) : null;
				located ??= placed;
				if (located) {
					const { exact, prefix, suffix } = located.selector;
					// An end left on a deleted character marks a place but no longer follows the words: tie both ends to the words there now.
					const moved = placed !== null || exact !== row.quote_exact || !model.holds(anchor);
					if (moved) anchor = model.anchor(located);
					if (moved || prefix !== row.quote_prefix || suffix !== row.quote_suffix) this.set(row.id, anchor, located.selector);
				} else if (!row.orphaned) {
					orphan.run(row.id);
				}
				const selector = located?.selector ?? { exact: row.quote_exact ?? '', prefix: row.quote_prefix ?? '', suffix: row.quote_suffix ?? '' };
				const orphaned = located === null;
				passages.set(row.id, {
					selector,
					orphaned,
					anchor: orphaned ? null : { start: Buffer.from(anchor.start).toString('base64'), end: Buffer.from(anchor.end).toString('base64') }
				});
			}
		})();
		return passages;
	}

	/** Gives a row a new passage (re-anchoring an orphan to a new selection). */
	set(id: number, anchor: Anchor, selector: TextQuoteSelector): void {
		this.db
			.prepare(
				`UPDATE ${this.table} SET anchor_start = ?, anchor_end = ?, quote_exact = ?, quote_prefix = ?, quote_suffix = ?, orphaned = 0 WHERE id = ?`
			)
			.run(anchor.start, anchor.end, selector.exact, selector.prefix, selector.suffix, id);
	}

	/**
	 * After the text was replaced (a restore, an import): every row is placed again by its quote,
	 * or orphaned. The text model is built only when there are rows: on a trace-sized strategy
	 * it costs more than a tenth of the restore.
	 */
	reanchorByQuotes(strategyId: string, textModel: () => TextModel): void {
		const rows = this.db
			.prepare(`SELECT * FROM ${this.table} WHERE strategy_id = ? AND quote_exact IS NOT NULL`)
			.all(strategyId) as AnchorColumns[];
		if (rows.length === 0) return;
		const model = textModel();
		const orphan = this.db.prepare(`UPDATE ${this.table} SET orphaned = 1 WHERE id = ?`);
		this.db.transaction(() => {
			for (const row of rows) {
				const found = placeByQuote(model, row);
				if (!found) orphan.run(row.id);
				else this.set(row.id, model.anchor(found), found.selector);
			}
		})();
	}
}

/**
 * Where an anchored passage ends, by its quote. Enter inside a passage makes the editor write
 * the words it moves into the new paragraph anew, so the end stays behind at the break; undoing
 * that can leave the end past the passage. Read from the same start, the quote (paragraph
 * breaks aside) says where the passage ends; when the words there read differently (someone
 * edited them), the anchor is taken as it is.
 */
function followQuote(model: TextModel, located: Location, row: AnchorColumns): Location {
	if (!row.quote_exact || located.selector.exact === row.quote_exact) return located;
	const end = model.endOfQuote(located.start, row.quote_exact);
	return end === null ? located : model.between(located.start, end);
}

/** Where a row's quote reads in the text now: with its context, else alone, else paragraph breaks aside; null unless exactly once. */
function placeByQuote(model: TextModel, row: AnchorColumns): Location | null {
	if (!row.quote_exact) return null;
	const found = model.find({ exact: row.quote_exact, prefix: row.quote_prefix ?? '', suffix: row.quote_suffix ?? '' });
	const loose = typeof found === 'string' ? model.find({ exact: row.quote_exact }) : found;
	return typeof loose === 'string' ? model.findAcrossBreaks(row.quote_exact) : loose;
}
