import { describe, expect, it } from 'vitest';
import { api, postForm, signIn } from '../helpers/http';
import { DEMO_PASSWORD } from '../helpers/server';
import { serverForFile } from '../helpers/server-for-file';

const server = serverForFile();

const setLanguage = async (email: string, strategyId: string, body: unknown) =>
	api(server.url, await signIn(server.url, email), `/strategies/${strategyId}`, { method: 'PATCH', body });

describe('the language of a strategy’s text', () => {
	it('[L6] an author says the text is Albanian: the API, the strategy’s page and its export mark it so, and the audit record keeps it', async () => {
		const author = await signIn(server.url, 'author.al@demo.local');
		expect((await api(server.url, author, '/strategies/al-visa')).body.textLanguage).toBe('en');

		const changed = await api(server.url, author, '/strategies/al-visa', { method: 'PATCH', body: { textLanguage: 'sq' } });
		expect(changed.status).toBe(200);
		expect(changed.body.textLanguage).toBe('sq');
		expect((await api(server.url, author, '/strategies/al-visa')).body.textLanguage).toBe('sq');

		const page = await (await fetch(`${server.url}/strategies/al-visa`, { headers: { cookie: author } })).text();
		expect(page).toMatch(/class="document placeholder" lang="sq"/);
		const exported = await (await fetch(`${server.url}/api/v1/strategies/al-visa/export?format=html`, { headers: { cookie: author } })).text();
		expect(exported).toContain('<article id="strategy-text" lang="sq">');

		const audit = await api(server.url, await signIn(server.url, 'admin@demo.local'), '/audit?action=text-language-changed');
		expect(audit.body).toEqual([expect.objectContaining({ action: 'text-language-changed', strategyId: 'al-visa', details: { from: 'en', to: 'sq' } })]);
	});

	it('[L6] [P3] experts, observers, admins and other delegations may not change it', async () => {
		for (const email of ['expert.visa@demo.local', 'observer@demo.local', 'admin@demo.local', 'author.hr@demo.local']) {
			const refused = await setLanguage(email, 'al-migration', { textLanguage: 'sq' });
			expect([email, refused.status, refused.body.error?.code]).toEqual([email, 403, 'forbidden']);
		}
		// [W2] A page on another site cannot make a signed-in author's browser change it either.
		const crossSite = await api(server.url, await signIn(server.url, 'author.al@demo.local'), '/strategies/al-migration', {
			method: 'PATCH',
			body: { textLanguage: 'sq' },
			headers: { origin: 'https://attacker.example' }
		});
		expect(crossSite.status).toBe(403);
		const signedOut = await api(server.url, undefined, '/strategies/al-migration', { method: 'PATCH', body: { textLanguage: 'sq' } });
		expect(signedOut.status).toBe(401);
		expect((await api(server.url, await signIn(server.url, 'author.al@demo.local'), '/strategies/al-migration')).body.textLanguage).toBe('en');
	});

	it('[L6] a language outside the list, or none, is refused with 422 and a message', async () => {
		for (const body of [{ textLanguage: 'xx' }, { textLanguage: 'sq<script>' }, {}, { textLanguage: 7 }]) {
			const refused = await setLanguage('author.al@demo.local', 'al-asylum', body);
			expect(refused.status).toBe(422);
			expect(refused.body.error.code).toBe('invalid');
			expect(refused.body.error.message).toBeTruthy();
		}
	});

	it('[L6] the strategy page’s form: a bad choice says so in the page, another delegation is refused, and neither changes it', async () => {
		const author = await signIn(server.url, 'author.al@demo.local');
		const bad = await postForm(server.url, author, '/strategies/al-asylum?/language', { textLanguage: 'xx' });
		expect(bad.status).toBe(422);
		expect(await bad.text()).toMatch(/<p class="notice error" role="alert">[^<]*This value is not valid\.<\/p>/);
		const foreign = await postForm(server.url, await signIn(server.url, 'head.hr@demo.local'), '/strategies/al-asylum?/language', { textLanguage: 'hr' });
		expect(foreign.status).toBe(403);
		expect((await api(server.url, author, '/strategies/al-asylum')).body.textLanguage).toBe('en');

		const set = await postForm(server.url, author, '/strategies/al-asylum?/language', { textLanguage: 'sq' });
		expect(set.status).toBe(200);
		expect(await set.text()).toContain('Language of the text: Albanian');
		expect((await api(server.url, author, '/strategies/al-asylum')).body.textLanguage).toBe('sq');
	});

	it('[L6] a snapshot keeps the language its text had when it was taken: its page, its export, the API and Compare say so', async () => {
		const author = await signIn(server.url, 'author.mk@demo.local');
		const before = await api(server.url, author, '/strategies/mk-asylum/snapshots', { body: { name: 'Still in English' } });
		expect(before.body.textLanguage).toBe('en');
		expect((await setLanguage('author.mk@demo.local', 'mk-asylum', { textLanguage: 'mk' })).status).toBe(200);
		const after = await api(server.url, author, '/strategies/mk-asylum/snapshots', { body: { name: 'Now in Macedonian' } });
		expect(after.body.textLanguage).toBe('mk');

		const listed = (await api(server.url, author, '/strategies/mk-asylum/snapshots')).body as { id: number; textLanguage: string }[];
		expect(listed.filter(({ id }) => id === before.body.id || id === after.body.id).map(({ textLanguage }) => textLanguage)).toEqual(['mk', 'en']);
		const page = (path: string) => fetch(`${server.url}${path}`, { headers: { cookie: author } }).then((response) => response.text());
		expect(await page(`/strategies/mk-asylum/history/${before.body.id}`)).toMatch(/class="card document snapshot[^"]*" lang="en"/);
		expect(await page(`/strategies/mk-asylum/history/${after.body.id}`)).toMatch(/class="card document snapshot[^"]*" lang="mk"/);
		expect(await page(`/api/v1/strategies/mk-asylum/export?format=html&snapshot=${before.body.id}`)).toContain('<article id="strategy-text" lang="en">');
		expect(await page(`/api/v1/strategies/mk-asylum/export?format=html`)).toContain('<article id="strategy-text" lang="mk">');
		// Compare marks the text in the language of the newer version it shows.
		expect(await page(`/strategies/mk-asylum/history/compare?from=${after.body.id}&to=${before.body.id}`)).toMatch(/class="card document diff[^"]*" lang="en"/);
		expect(await page(`/strategies/mk-asylum/history/compare?from=${before.body.id}&to=current`)).toMatch(/class="card document diff[^"]*" lang="mk"/);
	});

	it('[L6] [P5] a locked text keeps the language it was locked in: 409', async () => {
		const head = await signIn(server.url, 'head.ba@demo.local');
		expect((await api(server.url, head, '/strategies/ba-asylum/lock', { body: { password: DEMO_PASSWORD } })).status).toBe(200);
		const refused = await api(server.url, head, '/strategies/ba-asylum', { method: 'PATCH', body: { textLanguage: 'bs' } });
		expect(refused.status).toBe(409);
		expect(refused.body.error.code).toBe('strategy_locked');
	});
});
