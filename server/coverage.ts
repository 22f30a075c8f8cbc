import type { Db } from './db/database';
import type { Benchmarks, Benchmark } from './benchmarks';
import type { Programme } from './programme';
import type { Strategies } from './strategies';
import type { Actor } from './auth/policy';
import type { Annotations } from './annotations';
import type { Assessment, DelegationCode, ModuleCode } from '../src/lib/vocabulary';

export interface BenchmarkCoverage {
	benchmark: Pick<Benchmark, 'id' | 'code' | 'title' | 'module' | 'retired'>;
	/** The assessment of the most recently changed annotation still on the text; null: not addressed. */
	assessment: Assessment | null;
	annotations: { id: number; assessment: Assessment; exact: string; orphaned: boolean }[];
}

export interface Matrix {
	/** Retired benchmarks appear while a passage still links to them. */
	benchmarks: { id: number; code: string; title: string; module: ModuleCode; retired: boolean }[];
	delegations: { code: DelegationCode; name: string }[];
	cells: { benchmarkId: number; delegation: DelegationCode; assessment: Assessment | null; annotationCount: number }[];
}

interface AnnotationFact {
	id: number;
	strategy_id: string;
	benchmark_id: number;
	assessment: Assessment;
	quote_exact: string;
	orphaned: 0 | 1;
	updated_at: number;
}

/**
 * How far each strategy is from each benchmark of its module, from the annotations on its
 * text (SPEC.md [N2]): per strategy, and across the region for the strategies a person may read.
 */
export class Coverage {
	constructor(
		private readonly db: Db,
		private readonly strategies: Strategies,
		private readonly benchmarks: Benchmarks,
		private readonly programme: Programme,
		private readonly annotations: Pick<Annotations, 'refresh'>
	) {}

	private facts(strategyIds: string[]): AnnotationFact[] {
		if (strategyIds.length === 0) return [];
		// Orphaned flags are stored when passages are read; the text may have lost a passage since.
		for (const strategyId of strategyIds) this.annotations.refresh(strategyId);
		return this.db
			.prepare(
				`SELECT id, strategy_id, benchmark_id, assessment, quote_exact, orphaned, updated_at FROM annotations
				 WHERE strategy_id IN (${strategyIds.map(() => '?').join(',')}) ORDER BY updated_at DESC, id DESC`
			)
			.all(...strategyIds) as AnnotationFact[];
	}

	/** Benchmarks of a module that matter: every current one, and retired ones that still have annotations. */
	private relevant(module: ModuleCode, facts: AnnotationFact[]): Benchmark[] {
		const annotated = new Set(facts.map((fact) => fact.benchmark_id));
		return this.benchmarks.list({ module }).filter((b) => !b.retired || annotated.has(b.id));
	}

	private static current(facts: AnnotationFact[]): Assessment | null {
		return facts.find((fact) => fact.orphaned === 0)?.assessment ?? null;
	}

	/** Every benchmark of the strategy's module with its assessment and the passages that make it. */
	ofStrategy(actor: Actor, strategyId: string): BenchmarkCoverage[] {
		const strategy = this.strategies.authorize(actor, 'read', strategyId);
		const facts = this.facts([strategy.id]);
		return this.relevant(strategy.module, facts).map((benchmark) => {
			const mine = facts.filter((fact) => fact.benchmark_id === benchmark.id);
			return {
				benchmark: { id: benchmark.id, code: benchmark.code, title: benchmark.title, module: benchmark.module, retired: benchmark.retired },
				assessment: Coverage.current(mine),
				annotations: mine.map((fact) => ({ id: fact.id, assessment: fact.assessment, exact: fact.quote_exact, orphaned: fact.orphaned === 1 }))
			};
		});
	}

	/** Benchmarks by delegation; a cell exists only for strategies the actor may read. */
	matrix(actor: Actor): Matrix {
		const readable = this.strategies.readableBy(actor);
		const facts = this.facts(readable.map((s) => s.id));
		const benchmarks = (['migration', 'asylum', 'visa'] as const).flatMap((module) => this.relevant(module, facts));
		const cells: Matrix['cells'] = [];
		for (const strategy of readable) {
			for (const benchmark of benchmarks.filter((b) => b.module === strategy.module)) {
				const mine = facts.filter((fact) => fact.strategy_id === strategy.id && fact.benchmark_id === benchmark.id);
				cells.push({
					benchmarkId: benchmark.id,
					delegation: strategy.delegation.code,
					assessment: Coverage.current(mine),
					annotationCount: mine.length
				});
			}
		}
		return {
			benchmarks: benchmarks.map(({ id, code, title, module, retired }) => ({ id, code, title, module, retired })),
			delegations: this.programme.delegations().map(({ code, name }) => ({ code, name })),
			cells
		};
	}
}
