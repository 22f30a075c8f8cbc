import { m } from '../paraglide/messages.js';

/**
 * Every delegation of the programme (and the partners in Vienna and Geneva) keeps Central
 * European Time, so times are shown there, the same on the server and in every browser.
 */
export const DISPLAY_TIME_ZONE = 'Europe/Belgrade';

const MONTHS = [m.month_1, m.month_2, m.month_3, m.month_4, m.month_5, m.month_6, m.month_7, m.month_8, m.month_9, m.month_10, m.month_11, m.month_12];

// Only numbers come from Intl (with the always-present English data); words and order come
// from our messages, because browsers' locale data for Macedonian, Albanian and Bosnian is
// often missing or incomplete.
const NUMERIC = new Intl.DateTimeFormat('en-GB', {
	timeZone: DISPLAY_TIME_ZONE,
	year: 'numeric',
	month: 'numeric',
	day: 'numeric',
	hour: '2-digit',
	minute: '2-digit',
	hourCycle: 'h23'
});

/** A date and time as the reader's language writes it: "27 Nov 2026, 10:14", "27. stu 2026. u 10:14". */
export function formatDateTime(at: string | number | Date): string {
	const parts = Object.fromEntries(NUMERIC.formatToParts(new Date(at)).map((part) => [part.type, part.value]));
	return m.date_time({
		day: String(Number(parts.day)),
		month: MONTHS[Number(parts.month) - 1]!(),
		year: parts.year!,
		time: `${parts.hour}:${parts.minute}`
	});
}
