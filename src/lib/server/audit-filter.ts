import { AppError } from '$server/errors';
import type { AuditFilter } from '$server/audit';
import { DISPLAY_TIME_ZONE } from '$lib/i18n/format';
import { m } from '$lib/paraglide/messages.js';

const WALL_CLOCK = new Intl.DateTimeFormat('en-GB', {
	timeZone: DISPLAY_TIME_ZONE,
	year: 'numeric',
	month: 'numeric',
	day: 'numeric',
	hour: 'numeric',
	minute: 'numeric',
	second: 'numeric',
	hourCycle: 'h23'
});

/** The instant a wall-clock time is reached where the programme keeps time (dates shown on the page are there). */
function instantOf(year: number, month: number, day: number): number {
	const wall = Date.UTC(year, month - 1, day);
	const offsetAt = (instant: number) => {
		const parts = Object.fromEntries(WALL_CLOCK.formatToParts(instant).map((part) => [part.type, Number(part.value)]));
		return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!) - instant;
	};
	// Twice: the offset at the first guess may differ from the one at the answer across a clock change.
	const guess = wall - offsetAt(wall);
	return wall - offsetAt(guess);
}

/**
 * The audit filters of a query string: `strategyId`, `userId`, `action`, `from`, `to` (dates or
 * date-times). A bare date is a whole day in Central European Time, as the page shows times.
 */
export function auditFilter(params: URLSearchParams): AuditFilter {
	const date = (name: string, endOfDay: boolean) => {
		const value = params.get(name);
		if (!value) return undefined;
		const day = /^(\d{4})-(\d\d)-(\d\d)$/.exec(value);
		const at = day ? instantOf(Number(day[1]), Number(day[2]), Number(day[3]) + (endOfDay ? 1 : 0)) - (endOfDay ? 1 : 0) : Date.parse(value);
		if (Number.isNaN(at)) throw new AppError('bad_request', m.error_bad_date());
		return at;
	};
	const userId = params.get('userId');
	if (userId && !/^\d+$/.test(userId)) throw new AppError('bad_request', m.error_field({ field: 'userId', problem: m.validation_invalid_value() }));
	return {
		strategyId: params.get('strategyId') || undefined,
		userId: userId ? Number(userId) : undefined,
		action: params.get('action') || undefined,
		from: date('from', false),
		to: date('to', true)
	};
}
