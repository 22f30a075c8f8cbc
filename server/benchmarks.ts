import type { Db } from './db/database';
import type { Audit } from './audit';
import { AppError } from './errors';
import { m } from '../src/lib/paraglide/messages.js';
import type { ModuleCode } from '../src/lib/vocabulary';
import { moduleName } from '../src/lib/i18n/names';

export interface Benchmark {
	id: number;
	code: string;
	title: string;
	module: ModuleCode;
	instrument: string;
	celex: string | null;
	/** What "aligned" means for a national framework. */
	aligned: string;
	indicators: string[];
	retired: boolean;
}

export type BenchmarkInput = Omit<Benchmark, 'id' | 'retired'>;

interface BenchmarkRow {
	id: number;
	code: string;
	title: string;
	module: ModuleCode;
	instrument: string;
	celex: string | null;
	aligned: string;
	indicators: string;
	retired: 0 | 1;
}

function toBenchmark(row: BenchmarkRow): Benchmark {
	return { ...row, indicators: JSON.parse(row.indicators) as string[], retired: row.retired === 1 };
}

/**
 * The regional catalogue of benchmarks, each translating an EU standard. Admins add, edit
 * and retire them; a retired benchmark keeps its annotations and stays readable.
 */
export class Benchmarks {
	constructor(
		private readonly db: Db,
		private readonly audit: Audit
	) {}

	/** The catalogue in the programme's module order, then by code; `query` searches code, title, instrument and CELEX number. */
	list(filter: { module?: ModuleCode; query?: string; includeRetired?: boolean } = {}): Benchmark[] {
		const rows = this.db
			.prepare(`SELECT * FROM benchmarks ORDER BY CASE module WHEN 'migration' THEN 1 WHEN 'asylum' THEN 2 ELSE 3 END, code`)
			.all() as BenchmarkRow[];
		const query = filter.query?.trim().toLocaleLowerCase();
		return rows
			.map(toBenchmark)
			.filter(
				(b) =>
					(filter.includeRetired !== false || !b.retired) &&
					(!filter.module || b.module === filter.module) &&
					(!query || [b.code, b.title, b.instrument, b.celex ?? ''].some((field) => field.toLocaleLowerCase().includes(query)))
			);
	}

	find(id: number): Benchmark | undefined {
		const row = this.db.prepare('SELECT * FROM benchmarks WHERE id = ?').get(id) as BenchmarkRow | undefined;
		return row && toBenchmark(row);
	}

	get(id: number): Benchmark {
		const benchmark = this.find(id);
		if (!benchmark) throw new AppError('not_found', m.error_benchmark_not_found());
		return benchmark;
	}

	create(input: BenchmarkInput, by: number | null): Benchmark {
		const now = Date.now();
		const id = this.db.transaction(() => {
			if (this.db.prepare('SELECT 1 FROM benchmarks WHERE code = ?').get(input.code)) {
				throw new AppError('conflict', m.error_benchmark_code_taken({ code: input.code }));
			}
			const result = this.db
				.prepare(
					`INSERT INTO benchmarks (code, module, title, instrument, celex, aligned, indicators, created_at, updated_at)
					 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
				)
				.run(input.code, input.module, input.title, input.instrument, input.celex, input.aligned, JSON.stringify(input.indicators), now, now);
			this.audit.record({ userId: by, action: 'benchmark-created', details: { code: input.code } });
			return Number(result.lastInsertRowid);
		})();
		return this.get(id);
	}

	update(id: number, input: BenchmarkInput, by: number | null): Benchmark {
		const before = this.get(id);
		this.db.transaction(() => {
			const clash = this.db.prepare('SELECT id FROM benchmarks WHERE code = ? AND id <> ?').get(input.code, id);
			if (clash) throw new AppError('conflict', m.error_benchmark_code_taken({ code: input.code }));
			// Annotations link benchmarks of a strategy's own module: moving a linked one would hide its assessments.
			if (input.module !== before.module && this.db.prepare('SELECT 1 FROM annotations WHERE benchmark_id = ?').get(id)) {
				throw new AppError('conflict', m.error_benchmark_module_in_use({ module: moduleName(before.module) }));
			}
			this.db
				.prepare(
					`UPDATE benchmarks SET code = ?, module = ?, title = ?, instrument = ?, celex = ?, aligned = ?, indicators = ?, updated_at = ?
					 WHERE id = ?`
				)
				.run(input.code, input.module, input.title, input.instrument, input.celex, input.aligned, JSON.stringify(input.indicators), Date.now(), id);
			this.audit.record({ userId: by, action: 'benchmark-updated', details: { code: input.code, was: before.code } });
		})();
		return this.get(id);
	}

	/** Retires (or brings back) a benchmark: it leaves the picker, its annotations stay. */
	setRetired(id: number, retired: boolean, by: number | null): Benchmark {
		const benchmark = this.get(id);
		this.db.transaction(() => {
			this.db.prepare('UPDATE benchmarks SET retired = ?, updated_at = ? WHERE id = ?').run(retired ? 1 : 0, Date.now(), id);
			this.audit.record({ userId: by, action: retired ? 'benchmark-retired' : 'benchmark-restored', details: { code: benchmark.code } });
		})();
		return this.get(id);
	}
}
