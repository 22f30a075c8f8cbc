import { api } from '$lib/server/api';
import { backend } from '$server/registry';
import { matrixCsv } from '$server/matrix-csv';
import type { RequestEvent } from './$types';

/** Benchmarks × delegations for the strategies the person may read; `?format=csv` as a spreadsheet. */
export const GET = api(({ url }: RequestEvent, actor) => {
	const matrix = backend().coverage.matrix(actor);
	if (url.searchParams.get('format') !== 'csv') return matrix;
	return new Response(matrixCsv(matrix), {
		headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="benchmark-coverage.csv"' }
	});
});
