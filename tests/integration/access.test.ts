import { describe, expect, it } from 'vitest';
import { api, signIn } from '../helpers/http';
import { serverForFile } from '../helpers/server-for-file';

const server = serverForFile();

const ALL = ['al', 'ba', 'cs', 'hr', 'mk'].flatMap((d) => ['asylum', 'migration', 'visa'].map((m) => `${d}-${m}`)).sort();

async function readableIds(email: string): Promise<string[]> {
	const cookie = await signIn(server.url, email);
	const { status, body } = await api(server.url, cookie, '/strategies');
	expect(status).toBe(200);
	return (body as { id: string }[]).map((s) => s.id).sort();
}

describe('who sees which strategies, over the API', () => {
	it('[P1] an author and a head see their own delegation’s three strategies', async () => {
		expect(await readableIds('author.al@demo.local')).toEqual(['al-asylum', 'al-migration', 'al-visa']);
		expect(await readableIds('head.mk@demo.local')).toEqual(['mk-asylum', 'mk-migration', 'mk-visa']);
	});

	it('[P1] an expert sees their module in every delegation', async () => {
		expect(await readableIds('expert.asylum@demo.local')).toEqual(ALL.filter((id) => id.endsWith('-asylum')));
	});

	it('[P1] the observer and the admin see all fifteen', async () => {
		expect(await readableIds('observer@demo.local')).toEqual(ALL);
		expect(await readableIds('admin@demo.local')).toEqual(ALL);
	});

	it('[W1] the list has the documented shape', async () => {
		const cookie = await signIn(server.url, 'author.hr@demo.local');
		const { body } = await api(server.url, cookie, '/strategies');
		expect(body[0]).toEqual({
			id: 'hr-asylum',
			title: 'National EU Alignment Strategy — Asylum (Croatia)',
			delegation: { code: 'hr', name: 'Croatia' },
			module: 'asylum',
			status: 'draft',
			textLanguage: 'en',
			updatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
			lockedBy: null
		});
	});

	it('[P9] another delegation’s strategy is 403, an unknown one 404, a path-like id 404', async () => {
		const cookie = await signIn(server.url, 'author.al@demo.local');
		const other = await api(server.url, cookie, '/strategies/hr-asylum');
		expect(other.status).toBe(403);
		expect(other.body.error).toEqual({ code: 'forbidden', message: expect.any(String) });
		expect((await api(server.url, cookie, '/strategies/zz-nothing')).status).toBe(404);
		for (const id of ['..%2F..%2Fetc%2Fpasswd', '..%5C..%5Cwindows', 'AL-ASYLUM', 'al-asylum%00', 'x'.repeat(300)]) {
			expect((await api(server.url, cookie, `/strategies/${id}`)).status).toBe(404);
		}
		const own = await api(server.url, cookie, '/strategies/al-asylum');
		expect(own.status).toBe(200);
		expect(own.body).toMatchObject({ id: 'al-asylum', status: 'draft', signatures: [] });
	});

	it('[P1] an expert cannot open another module’s strategy', async () => {
		const cookie = await signIn(server.url, 'expert.visa@demo.local');
		expect((await api(server.url, cookie, '/strategies/al-asylum')).status).toBe(403);
		expect((await api(server.url, cookie, '/strategies/al-visa')).status).toBe(200);
	});

	it('[W1] without a session the API answers 401 in its error shape', async () => {
		const { status, body } = await api(server.url, undefined, '/strategies');
		expect(status).toBe(401);
		expect(body).toEqual({ error: { code: 'unauthenticated', message: expect.any(String) } });
		const forged = await api(server.url, `session=${'a'.repeat(24)}.${'b'.repeat(32)}`, '/strategies');
		expect(forged.status).toBe(401);
	});

	it('[P1] pages follow the same rules: the strategy page of another delegation is refused', async () => {
		const cookie = await signIn(server.url, 'author.al@demo.local');
		const page = (path: string) => fetch(`${server.url}${path}`, { headers: { cookie }, redirect: 'manual' });
		const own = await page('/strategies/al-migration');
		expect(own.status).toBe(200);
		expect(await own.text()).toContain('1 Introduction');
		expect((await page('/strategies/ba-migration')).status).toBe(403);
		const overview = await (await page('/strategies')).text();
		expect(overview).toContain('National EU Alignment Strategy — Visa (Albania)');
		expect(overview).not.toContain('(Croatia)');
	});

	it('[P1] a signed-out visitor is sent to the sign-in page', async () => {
		const response = await fetch(`${server.url}/strategies/al-migration`, { redirect: 'manual' });
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe('/login?next=%2Fstrategies%2Fal-migration');
	});

	it('[W1] GET /healthz answers {"ok":true}', async () => {
		const response = await fetch(`${server.url}/healthz`);
		expect(response.status).toBe(200);
		expect(await response.json()).toEqual({ ok: true });
	});
});
