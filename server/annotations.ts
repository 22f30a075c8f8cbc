import type { Db } from './db/database';
import type { EventBus } from './events';
import type { Benchmarks } from './benchmarks';
import type { Strategies } from './strategies';
import { hasRole, type Actor } from './auth/policy';
import { Anchoring, textModelOf, type AnchorColumns, type Passage, type TextSource } from './anchoring';
import type { QuoteProblem, TextModel, TextQuoteSelector } from './document/passage';
import { AppError } from './errors';
import { strategyScope } from './strategies';
import { m } from '../src/lib/paraglide/messages.js';
import type { Assessment, ModuleCode } from '../src/lib/vocabulary';

export interface Annotation extends Passage {
	id: number;
	strategyId: string;
	benchmarkId: number;
	benchmark: { id: number; code: string; title: string; module: ModuleCode; retired: boolean };
	assessment: Assessment;
	note: string;
	createdBy: { id: number; name: string; email: string };
	createdAt: string;
	updatedAt: string;
}

interface AnnotationRow extends AnchorColumns {
	strategy_id: string;
	benchmark_id: number;
	assessment: Assessment;
	note: string;
	created_by: number;
	created_at: number;
	updated_at: number;
	creator_name: string;
	creator_email: string;
	code: string;
	title: string;
	module: ModuleCode;
	retired: 0 | 1;
}

export interface NewAnnotation {
	benchmarkId: number;
	selector: { exact: string; prefix?: string; suffix?: string };
	assessment: Assessment;
	note?: string;
}

export interface AnnotationChange {
	benchmarkId?: number;
	assessment?: Assessment;
	note?: string;
	/** A new passage, to re-anchor an orphaned annotation. */
	selector?: { exact: string; prefix?: string; suffix?: string };
}

/** Refuses a quote that designates no passage, or more than one (422). */
export function quoteRefusal(problem: QuoteProblem): AppError {
	return new AppError('invalid', problem === 'ambiguous' ? m.error_quote_ambiguous() : m.error_quote_not_found(), { quote: problem });
}

/**
 * Benchmark annotations: a passage of a strategy linked to a benchmark of its module, with an
 * assessment and a note. Authors, heads and the module's experts annotate, locked texts too;
 * observers never [P3], [P4].
 */
export class Annotations {
	private readonly anchoring: Anchoring;

	constructor(
		private readonly db: Db,
		private readonly strategies: Strategies,
		private readonly benchmarks: Benchmarks,
		private readonly text: TextSource,
		private readonly bus: EventBus
	) {
		this.anchoring = new Anchoring(db, 'annotations');
	}

	private model(strategyId: string): TextModel {
		return textModelOf(this.text, strategyId);
	}

	private rows(strategyId: string, id?: number): AnnotationRow[] {
		return this.db
			.prepare(
				`SELECT annotations.*, users.name AS creator_name, users.email AS creator_email,
					benchmarks.code, benchmarks.title, benchmarks.module, benchmarks.retired
				 FROM annotations JOIN users ON users.id = annotations.created_by JOIN benchmarks ON benchmarks.id = annotations.benchmark_id
				 WHERE annotations.strategy_id = ? AND (? IS NULL OR annotations.id = ?)
				 ORDER BY annotations.created_at, annotations.id`
			)
			.all(strategyId, id ?? null, id ?? null) as AnnotationRow[];
	}

	private shape(rows: AnnotationRow[], model: TextModel): Annotation[] {
		const passages = this.anchoring.refresh(rows, model);
		return rows.map((row) => ({
			id: row.id,
			strategyId: row.strategy_id,
			benchmarkId: row.benchmark_id,
			benchmark: { id: row.benchmark_id, code: row.code, title: row.title, module: row.module, retired: row.retired === 1 },
			assessment: row.assessment,
			note: row.note,
			...passages.get(row.id)!,
			createdBy: { id: row.created_by, name: row.creator_name, email: row.creator_email },
			createdAt: new Date(row.created_at).toISOString(),
			updatedAt: new Date(row.updated_at).toISOString()
		}));
	}

	/** Brings the stored quotes and orphaned flags of a strategy's annotations in step with its text. */
	refresh(strategyId: string): void {
		const rows = this.rows(strategyId);
		if (rows.length > 0) this.anchoring.refresh(rows, this.model(strategyId));
	}

	/** Every annotation of a strategy, each with its passage as the text reads now [N1]. */
	list(actor: Actor, strategyId: string): Annotation[] {
		const strategy = this.strategies.authorize(actor, 'read', strategyId);
		return this.shape(this.rows(strategy.id), this.model(strategy.id));
	}

	private one(strategyId: string, id: number): Annotation {
		const [annotation] = this.shape(this.rows(strategyId, id), this.model(strategyId));
		if (!annotation) throw new AppError('not_found', m.error_annotation_not_found());
		return annotation;
	}

	/** A benchmark that may be linked to this strategy: it exists, is not retired, and is of the strategy's module. */
	private linkable(benchmarkId: number, module: ModuleCode) {
		const benchmark = this.benchmarks.find(benchmarkId);
		if (!benchmark || benchmark.retired || benchmark.module !== module) {
			throw new AppError('invalid', m.error_benchmark_not_linkable());
		}
		return benchmark;
	}

	create(actor: Actor, strategyId: string, input: NewAnnotation): Annotation {
		const strategy = this.strategies.authorize(actor, 'annotate', strategyId);
		this.linkable(input.benchmarkId, strategy.module);
		const model = this.model(strategy.id);
		const found = model.find(input.selector);
		if (typeof found === 'string') throw quoteRefusal(found);
		const anchor = model.anchor(found);
		const now = Date.now();
		const id = Number(
			this.db
				.prepare(
					`INSERT INTO annotations (strategy_id, benchmark_id, assessment, note, anchor_start, anchor_end,
						quote_exact, quote_prefix, quote_suffix, created_by, created_at, updated_at)
					 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
				)
				.run(
					strategy.id,
					input.benchmarkId,
					input.assessment,
					input.note ?? '',
					anchor.start,
					anchor.end,
					found.selector.exact,
					found.selector.prefix,
					found.selector.suffix,
					actor.id,
					now,
					now
				).lastInsertRowid
		);
		this.bus.emit('strategy-event', strategy.id, { type: 'annotations', id });
		return this.one(strategy.id, id);
	}

	/** The annotation, if the actor may change it: its author, or an author or head of the delegation. */
	private changeable(actor: Actor, strategyId: string, id: number) {
		const strategy = this.strategies.authorize(actor, 'annotate', strategyId);
		const row = this.db.prepare('SELECT created_by FROM annotations WHERE id = ? AND strategy_id = ?').get(id, strategy.id) as
			| { created_by: number }
			| undefined;
		if (!row) throw new AppError('not_found', m.error_annotation_not_found());
		if (row.created_by !== actor.id && !hasRole(actor, 'edit', strategyScope(strategy).strategy)) {
			throw new AppError('forbidden', m.error_annotation_not_yours());
		}
		return strategy;
	}

	update(actor: Actor, strategyId: string, id: number, change: AnnotationChange): Annotation {
		const strategy = this.changeable(actor, strategyId, id);
		if (change.benchmarkId !== undefined) this.linkable(change.benchmarkId, strategy.module);
		this.db.transaction(() => {
			if (change.selector) {
				const model = this.model(strategy.id);
				const found = model.find(change.selector);
				if (typeof found === 'string') throw quoteRefusal(found);
				this.anchoring.set(id, model.anchor(found), found.selector);
			}
			this.db
				.prepare(
					`UPDATE annotations SET benchmark_id = coalesce(?, benchmark_id), assessment = coalesce(?, assessment),
						note = coalesce(?, note), updated_at = ? WHERE id = ?`
				)
				.run(change.benchmarkId ?? null, change.assessment ?? null, change.note ?? null, Date.now(), id);
		})();
		this.bus.emit('strategy-event', strategy.id, { type: 'annotations', id });
		return this.one(strategy.id, id);
	}

	delete(actor: Actor, strategyId: string, id: number): void {
		const strategy = this.changeable(actor, strategyId, id);
		this.db.prepare('DELETE FROM annotations WHERE id = ?').run(id);
		this.bus.emit('strategy-event', strategy.id, { type: 'annotations', id });
	}

	/** After the text was replaced: annotations whose quote comes back follow it, the others are orphaned. */
	reanchor(strategyId: string): void {
		this.anchoring.reanchorByQuotes(strategyId, () => this.model(strategyId));
		this.bus.emit('strategy-event', strategyId, { type: 'annotations', id: 0 });
	}
}

export type { TextQuoteSelector };
