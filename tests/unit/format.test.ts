import { describe, expect, it } from 'vitest';
import { formatDateTime } from '../../src/lib/i18n/format';
import { languageName } from '../../src/lib/i18n/names';
import { locales, overwriteGetLocale, type Locale } from '../../src/lib/paraglide/runtime.js';
import { TEXT_LANGUAGES } from '../../src/lib/vocabulary';

function inLocale(locale: Locale, at: string): string {
	overwriteGetLocale(() => locale);
	return formatDateTime(at);
}

describe('dates and times', () => {
	// 08:14 UTC is 09:14 in Central European (winter) Time, 10:14 in summer.
	it('[L1] are written as each language writes them, in Central European Time', () => {
		expect(inLocale('en', '2026-11-27T08:14:00Z')).toBe('27 Nov 2026, 09:14');
		expect(inLocale('hr', '2026-11-27T08:14:00Z')).toBe('27. stu 2026. u 09:14');
		expect(inLocale('mk', '2026-11-27T08:14:00Z')).toBe('27 ное 2026 во 09:14');
		expect(inLocale('sr-Cyrl', '2026-06-01T08:14:00Z')).toBe('1. јун 2026. у 10:14');
		expect(inLocale('sq', '2026-03-05T23:30:00Z')).toBe('6 mar 2026, 00:30');
	});
});

describe('the languages a text may be written in', () => {
	it('[L6] are named in the reader’s language, each its own name, never by its code', () => {
		for (const locale of locales) {
			overwriteGetLocale(() => locale);
			const names = TEXT_LANGUAGES.map(languageName);
			expect(names.filter((name, index) => !name || name === TEXT_LANGUAGES[index] || names.indexOf(name) !== index), locale).toEqual([]);
		}
		overwriteGetLocale(() => 'mk');
		expect(languageName('sq')).toBe('албански');
		overwriteGetLocale(() => 'bs');
		expect(languageName('sr-Cyrl')).toBe('srpski (ćirilica)');
	});
});
