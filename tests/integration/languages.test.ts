import { describe, expect, it } from 'vitest';
import { api, postForm, signIn } from '../helpers/http';
import { serverForFile } from '../helpers/server-for-file';

const server = serverForFile();

const page = (path: string, headers: Record<string, string> = {}) => fetch(`${server.url}${path}`, { headers, redirect: 'manual' });
const htmlLang = (html: string) => html.match(/<html lang="([^"]+)"/)?.[1];

describe('the interface language', () => {
	it('[L1] follows the browser’s Accept-Language when nothing was chosen, and keeps it in the cookie', async () => {
		const response = await page('/login', { 'accept-language': 'mk-MK,mk;q=0.9,en;q=0.5' });
		const html = await response.text();
		expect(htmlLang(html)).toBe('mk');
		expect(html).not.toContain('>Sign in<');
		expect(response.headers.getSetCookie().join()).toContain('PARAGLIDE_LOCALE=mk');
	});

	it('[L1] a Serbian browser gets Serbian, in the script its tag names or its country uses', async () => {
		for (const [header, locale] of <[string, string][]>[
			['sr-RS,sr;q=0.9,en;q=0.5', 'sr-Cyrl'],
			['sr', 'sr-Cyrl'],
			['sr-Latn-RS', 'sr-Latn'],
			['sr-ME', 'sr-Latn'],
			['en-US,en;q=0.9,sr;q=0.8', 'en'],
			['de;q=0.9,sr-Latn;q=0.8', 'sr-Latn']
		]) {
			expect([header, htmlLang(await (await page('/login', { 'accept-language': header })).text())]).toEqual([header, locale]);
		}
		const error = await api(server.url, undefined, '/strategies', { headers: { 'accept-language': 'sr-RS' } });
		expect(error.body.error.message).toMatch(/[А-Яа-я]/);
	});

	it('[L1] falls back to English', async () => {
		const html = await (await page('/login', { 'accept-language': 'de-AT,fr;q=0.8' })).text();
		expect(htmlLang(html)).toBe('en');
		expect(html).toContain('Sign in');
	});

	it('[L1] a person’s saved choice wins over the browser, on any device they sign in from', async () => {
		const first = await signIn(server.url, 'author.cs@demo.local');
		const chosen = await postForm(server.url, first, '/language', { locale: 'sr-Cyrl', next: '/strategies' });
		expect(chosen.status).toBe(303);
		expect(chosen.headers.get('location')).toBe('/strategies');

		// Another browser, another language setting, no language cookie.
		const second = await signIn(server.url, 'author.cs@demo.local');
		const html = await (await page('/strategies', { cookie: second, 'accept-language': 'en-GB' })).text();
		expect(htmlLang(html)).toBe('sr-Cyrl');
		expect(html).toContain('Србија и Црна Гора');
	});

	it('[L1] an unknown language code is refused with 422', async () => {
		const response = await postForm(server.url, undefined, '/language', { locale: 'xx', next: '/login' });
		expect(response.status).toBe(422);
	});

	it('[L1] the switcher only ever sends you back to a page on this site', async () => {
		const response = await postForm(server.url, undefined, '/language', { locale: 'hr', next: '//attacker.example/' });
		expect(response.headers.get('location')).toBe('/strategies');
	});
});

describe('the API’s language', () => {
	it('[L3] error messages follow Accept-Language; the code stays the same', async () => {
		const cookie = await signIn(server.url, 'author.al@demo.local');
		const english = await api(server.url, cookie, '/strategies/hr-asylum', { headers: { 'accept-language': 'en' } });
		const macedonian = await api(server.url, cookie, '/strategies/hr-asylum', { headers: { 'accept-language': 'mk' } });
		const albanian = await api(server.url, cookie, '/strategies/hr-asylum', { headers: { 'accept-language': 'sq-AL' } });
		expect(english.body.error.code).toBe('forbidden');
		expect(macedonian.body.error.code).toBe('forbidden');
		expect(albanian.body.error.code).toBe('forbidden');
		expect(macedonian.body.error.message).toMatch(/[\u0400-\u04FF]/);
		expect(new Set([english.body.error.message, macedonian.body.error.message, albanian.body.error.message]).size).toBe(3);
	});

	it('[L3] a body that does not fit is refused in words people read, in their language, naming the field', async () => {
		const cookie = await signIn(server.url, 'author.al@demo.local');
		const snapshot = (body: unknown, language: string) =>
			api(server.url, cookie, '/strategies/al-visa/snapshots', { body, headers: { 'accept-language': language } });
		const tooLong = await snapshot({ name: 'x'.repeat(201) }, 'en');
		expect(tooLong.status).toBe(422);
		expect(tooLong.body.error.message).toBe('name: Use at most 200 characters.');
		expect((await snapshot({}, 'en')).body.error.message).toBe('name: This is required.');
		expect((await snapshot({ name: 5 }, 'en')).body.error.message).toBe('name: This value has the wrong type.');
		const macedonian = await snapshot({ name: 'x'.repeat(201) }, 'mk');
		expect(macedonian.body.error.message).toMatch(/^name: [\u0400-\u04FF].*200/);
	});

	it('[L3] ignores the language cookie: a program gets what it asks for', async () => {
		const cookie = await signIn(server.url, 'author.al@demo.local');
		const response = await api(server.url, `${cookie}; PARAGLIDE_LOCALE=mk`, '/strategies/hr-asylum', { headers: { 'accept-language': 'en' } });
		expect(response.body.error.message).toBe('Your role does not allow this on this strategy.');
	});
});
