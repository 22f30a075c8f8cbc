import type { AuditRecord } from './audit';
import { toCsv } from './csv';

/** The audit record as a spreadsheet: one row per entry, details as JSON. */
export function auditCsv(records: AuditRecord[]): string {
	return toCsv([
		['id', 'at', 'user', 'email', 'action', 'strategy', 'details'],
		...records.map((r) => [r.id, r.at, r.user?.name ?? '', r.user?.email ?? '', r.action, r.strategyId ?? '', JSON.stringify(r.details)])
	]);
}
