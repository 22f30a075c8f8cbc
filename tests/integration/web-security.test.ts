import { describe, expect, it } from 'vitest';
import { api, postForm, signIn } from '../helpers/http';
import { DEMO_PASSWORD } from '../helpers/server';
import { serverForFile } from '../helpers/server-for-file';

const server = serverForFile();

describe('cross-site requests', () => {
	it('[W2] a sign-in form posted from another site is refused', async () => {
		const response = await postForm(server.url, undefined, '/login', { email: 'author.al@demo.local', password: DEMO_PASSWORD }, {
			origin: 'https://attacker.example'
		});
		expect(response.status).toBe(403);
		expect(response.headers.getSetCookie()).toEqual([]);
	});

	it('[W2] a browser that says the request is cross-site is refused even without Origin', async () => {
		const cookie = await signIn(server.url, 'author.al@demo.local');
		const response = await fetch(`${server.url}/logout`, {
			method: 'POST',
			headers: { cookie, 'sec-fetch-site': 'cross-site' },
			redirect: 'manual'
		});
		expect(response.status).toBe(403);
		expect((await api(server.url, cookie, '/strategies')).status).toBe(200);
	});

	it('[W2] an admin form posted from another site changes nothing', async () => {
		const cookie = await signIn(server.url, 'admin@demo.local');
		const response = await postForm(server.url, cookie, '/admin/users?/create', { email: 'forged@demo.local', name: 'Forged' }, {
			origin: 'http://127.0.0.1.attacker.example'
		});
		expect(response.status).toBe(403);
		const list = await fetch(`${server.url}/admin/users`, { headers: { cookie } });
		expect(await list.text()).not.toContain('forged@demo.local');
	});

	it('[W2] a JSON API call from another origin is refused with the API error shape, in any method', async () => {
		const cookie = await signIn(server.url, 'author.al@demo.local');
		for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
			const { status, body } = await api(server.url, cookie, '/strategies', { method, body: {}, headers: { origin: 'https://attacker.example' } });
			expect(status).toBe(403);
			expect(body.error.code).toBe('foreign_origin');
		}
	});
});

describe('security headers', () => {
	it('[W3] pages carry a CSP that forbids framing, plus nosniff and a referrer policy', async () => {
		const response = await fetch(`${server.url}/login`);
		const csp = response.headers.get('content-security-policy') ?? '';
		expect(csp).toContain("frame-ancestors 'none'");
		expect(csp).toContain("default-src 'self'");
		expect(csp).toMatch(/script-src 'self'( 'sha256-[^']+')*( 'nonce-[^']+')?;/);
		expect(response.headers.get('x-content-type-options')).toBe('nosniff');
		expect(response.headers.get('referrer-policy')).toBe('same-origin');
	});

	it('[W6] the pages run the production build of Svelte and SvelteKit, even when a test runner made it', async () => {
		// Every script the sign-in page loads: its entry points, then what they import, in turn.
		const page = await (await fetch(`${server.url}/login`)).text();
		const pending = [...page.matchAll(/["'](\.?\/?_app\/immutable\/[^"']+\.js)["']/g)].map(([, path]) => new URL(path!, `${server.url}/login`).href);
		const seen = new Set<string>();
		while (pending.length > 0 && seen.size < 500) {
			const script = pending.pop()!;
			if (seen.has(script)) continue;
			seen.add(script);
			const code = await (await fetch(script)).text();
			// A warning only the development build of SvelteKit's client carries.
			expect(code, script).not.toContain('conflict with SvelteKit');
			for (const [, path] of code.matchAll(/["'](\.{1,2}\/[^"']+\.js)["']/g)) pending.push(new URL(path!, script).href);
		}
		expect(seen.size).toBeGreaterThan(3);
	});

	it('[W3] API answers carry a CSP that allows nothing', async () => {
		const response = await fetch(`${server.url}/api/v1/strategies`);
		expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
		expect(response.headers.get('x-content-type-options')).toBe('nosniff');
	});
});

describe('API edges', () => {
	it('[W1] an unknown API path is a JSON 404, and a method the path lacks is refused', async () => {
		const cookie = await signIn(server.url, 'author.al@demo.local');
		const unknown = await api(server.url, cookie, '/nothing/here');
		expect(unknown.status).toBe(404);
		expect(unknown.body.error.code).toBe('not_found');
		const wrongMethod = await api(server.url, cookie, '/strategies', { method: 'DELETE', body: {} });
		expect(wrongMethod).toMatchObject({ status: 405, body: { error: { code: 'method_not_allowed' } } });
		expect(wrongMethod.headers.get('allow')).toBe('GET, HEAD');
	});
});
