import { api } from '$lib/server/api';
import { auditFilter } from '$lib/server/audit-filter';
import { backend } from '$server/registry';
import { auditCsv } from '$server/audit-csv';
import type { RequestEvent } from './$types';

/**
 * The audit record, filtered (`strategyId`, `userId`, `action`, `from`, `to`), newest first and
 * at most `AUDIT_PAGE` entries; `?format=csv` for a spreadsheet, with every matching entry.
 */
export const GET = api(({ url }: RequestEvent, actor) => {
	const csv = url.searchParams.get('format') === 'csv';
	const records = backend().audit.list(actor, auditFilter(url.searchParams), { whole: csv });
	if (!csv) return records;
	return new Response(auditCsv(records), {
		headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="audit.csv"' }
	});
});
