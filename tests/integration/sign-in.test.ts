import { describe, expect, it } from 'vitest';
import { api, postForm, sessionCookieOf, signIn } from '../helpers/http';
import { DEMO_PASSWORD, startServer } from '../helpers/server';
import { serverForFile } from '../helpers/server-for-file';

const server = serverForFile();

const post = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
	fetch(`${server.url}/login`, { method: 'POST', body: new URLSearchParams(fields), headers, redirect: 'manual' });

describe('signing in', () => {
	it('[A2] GET /login is the sign-in page for any client, with inputs named email and password', async () => {
		const response = await fetch(`${server.url}/login`, { headers: { accept: '*/*' } });
		expect(response.status).toBe(200);
		const html = await response.text();
		expect(html).toContain('name="email"');
		expect(html).toContain('name="password"');
	});

	it('[A2] POST /login answers 303 with an HttpOnly, SameSite=Lax session cookie on Path=/', async () => {
		const response = await post({ email: 'author.al@demo.local', password: DEMO_PASSWORD });
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe('/strategies');
		const cookie = response.headers.getSetCookie().find((c) => c.startsWith('session='))!;
		expect(cookie).toMatch(/HttpOnly/);
		expect(cookie).toMatch(/SameSite=Lax/);
		expect(cookie).toMatch(/Path=\//);
		expect(cookie).not.toMatch(/Secure/);
	});

	it('[W3] after signing in, next leads only to a path on this site, however it is disguised', async () => {
		const signInTo = async (next: string) =>
			(await fetch(`${server.url}/login?next=${encodeURIComponent(next)}`, {
				method: 'POST',
				body: new URLSearchParams({ email: 'author.al@demo.local', password: DEMO_PASSWORD }),
				redirect: 'manual'
			})).headers.get('location');
		expect(await signInTo('/strategies/al-migration?tab=comments')).toBe('/strategies/al-migration?tab=comments');
		for (const disguised of ['//evil.example/login', '/\\evil.example/login', '/\t/evil.example/login', '/\n/evil.example', 'https://evil.example/']) {
			expect([disguised, await signInTo(disguised)]).toEqual([disguised, '/strategies']);
		}
		// A newline inside a path of this site is no reason for a 500.
		expect(await signInTo('/strategies\n/al-migration')).toBe('/strategies/al-migration');
		const signedIn = await signIn(server.url, 'author.al@demo.local');
		const again = await fetch(`${server.url}/login?next=${encodeURIComponent('/\r/evil.example')}`, { headers: { cookie: signedIn }, redirect: 'manual' });
		expect([again.status, again.headers.get('location')]).toEqual([303, '/strategies']);
	});

	it('[A2] behind HTTPS the cookie is __Host-session and Secure', async () => {
		const https = await startServer({ env: { ORIGIN: 'https://acquis.example.org' } });
		try {
			const response = await fetch(`${https.url}/login`, {
				method: 'POST',
				body: new URLSearchParams({ email: 'author.al@demo.local', password: DEMO_PASSWORD }),
				redirect: 'manual'
			});
			const cookie = response.headers.getSetCookie().find((c) => c.startsWith('__Host-session='))!;
			expect(cookie).toMatch(/Secure/);
			expect(cookie).toMatch(/Path=\//);
			expect(cookie).not.toMatch(/Domain/i);
		} finally {
			await https.stop();
		}
	});

	it('[A2] a browser’s form post signs in through the page and lands on the strategies', async () => {
		const response = await postForm(server.url, undefined, '/login', { email: 'head.hr@demo.local', password: DEMO_PASSWORD });
		expect(response.status).toBe(303);
		expect(sessionCookieOf(response)).toBeDefined();
	});

	it('[A1] every sign-in opens a new session; e-mail case does not matter', async () => {
		const first = await signIn(server.url, 'author.al@demo.local');
		const second = await signIn(server.url, 'Author.AL@demo.local');
		expect(first).not.toBe(second);
		expect((await api(server.url, first, '/strategies')).status).toBe(200);
		expect((await api(server.url, second, '/strategies')).status).toBe(200);
	});

	it('[A4] an unknown e-mail and a wrong password get the same answer', async () => {
		const unknown = await post({ email: 'nobody@demo.local', password: 'some password 1' });
		const wrong = await post({ email: 'author.ba@demo.local', password: 'some password 1' });
		expect(unknown.status).toBe(401);
		expect(wrong.status).toBe(401);
		const message = 'The e-mail address or the password is not right.';
		expect(await unknown.text()).toContain(message);
		expect(await wrong.text()).toContain(message);
	});

	it('[A4] a browser sees the refusal on the page, with the e-mail kept', async () => {
		const response = await postForm(server.url, undefined, '/login', { email: 'author.ba@demo.local', password: 'not the password' });
		expect(response.status).toBe(401);
		const html = await response.text();
		expect(html).toContain('The e-mail address or the password is not right.');
		expect(html).toContain('value="author.ba@demo.local"');
	});

	it('[W4] an empty or oversized form is refused with a clear message', async () => {
		expect((await post({ email: '', password: '' })).status).toBe(400);
		const long = await post({ email: 'author.ba@demo.local', password: 'x'.repeat(129) });
		expect(long.status).toBe(400);
		expect(await long.text()).toContain('That password is too long.');
	});

	it('[A3] signing out ends the server session, so the old cookie opens nothing', async () => {
		const cookie = await signIn(server.url, 'observer@demo.local');
		const out = await postForm(server.url, cookie, '/logout', {});
		expect(out.status).toBe(303);
		expect((await api(server.url, cookie, '/strategies')).status).toBe(401);
	});

	it('[W5] no log line holds a password, a token or a cookie', async () => {
		const cookie = await signIn(server.url, 'expert.visa@demo.local');
		await api(server.url, cookie, '/strategies');
		const secret = cookie.split('=')[1]!.split('.')[1]!;
		const log = server.output.join('\n');
		expect(log).toContain('"event":"sign-in"');
		expect(log).not.toContain(DEMO_PASSWORD);
		expect(log).not.toContain(secret);
	});
});
