import type { Matrix } from './coverage';
import { toCsv } from './csv';
import { assessmentLabel, delegationName, moduleName } from '../src/lib/i18n/names';
import { m } from '../src/lib/paraglide/messages.js';

/** The regional matrix as a spreadsheet, in the reader's language: one row per benchmark, one column per delegation. */
export function matrixCsv(matrix: Matrix): string {
	const header = [m.field_module(), m.column_code(), m.column_benchmark(), ...matrix.delegations.map((d) => delegationName(d.code))];
	const rows = matrix.benchmarks.map((benchmark) => [
		moduleName(benchmark.module),
		benchmark.code,
		benchmark.retired ? `${benchmark.title} (${m.retired()})` : benchmark.title,
		...matrix.delegations.map((delegation) => {
			const cell = matrix.cells.find((c) => c.benchmarkId === benchmark.id && c.delegation === delegation.code);
			if (!cell) return null;
			return `${assessmentLabel(cell.assessment)} (${cell.annotationCount})`;
		})
	]);
	return toCsv([header, ...rows]);
}
