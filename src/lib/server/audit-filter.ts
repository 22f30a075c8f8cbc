import { AppError } from '$server/errors';
import type { AuditFilter } from '$server/audit';
import { m } from '$lib/paraglide/messages.js';

/** The audit filters of a query string: `strategyId`, `userId`, `action`, `from`, `to` (dates or date-times). */
export function auditFilter(params: URLSearchParams): AuditFilter {
	const date = (name: string, endOfDay: boolean) => {
		const value = params.get(name);
		if (!value) return undefined;
		const at = Date.parse(/^\d{4}-\d\d-\d\d$/.test(value) ? `${value}T${endOfDay ? '23:59:59.999' : '00:00:00'}Z` : value);
		if (Number.isNaN(at)) throw new AppError('bad_request', m.error_bad_date());
		return at;
	};
	const userId = params.get('userId');
	return {
		strategyId: params.get('strategyId') || undefined,
		userId: userId ? Number(userId) : undefined,
		action: params.get('action') || undefined,
		from: date('from', false),
		to: date('to', true)
	};
}
