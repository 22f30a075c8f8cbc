import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, startServer, type RunningServer } from '../helpers/server';

// The server believes X-Forwarded-For here (as behind a proxy), so one test can play many clients.
let server: RunningServer;
beforeEach(async () => {
	server = await startServer({ env: { ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '1' } });
});
afterEach(() => server.stop());

const attempt = (email: string, password: string, address: string) =>
	fetch(`${server.url}/login`, {
		method: 'POST',
		body: new URLSearchParams({ email, password }),
		headers: { 'x-forwarded-for': address },
		redirect: 'manual'
	});

describe('sign-in throttling', () => {
	it('[A5] ten failures for one account answer 429 with Retry-After, even with the right password, from any address', async () => {
		const email = 'author.cs@demo.local';
		for (let i = 0; i < 10; i++) expect((await attempt(email, `wrong password ${i}`, `198.51.100.${i}`)).status).toBe(401);
		const throttled = await attempt(email, DEMO_PASSWORD, '203.0.113.7');
		expect(throttled.status).toBe(429);
		expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(800);
		expect(await throttled.text()).toContain('Too many failed sign-ins');
		// Nobody else is locked out by it.
		expect((await attempt('author.mk@demo.local', DEMO_PASSWORD, '198.51.100.1')).status).toBe(303);
	});

	it('[A5] ten failures from one address across accounts throttle that address only', async () => {
		for (let i = 0; i < 10; i++) expect((await attempt(`guess${i}@demo.local`, 'wrong password', '198.51.100.66')).status).toBe(401);
		expect((await attempt('author.al@demo.local', DEMO_PASSWORD, '198.51.100.66')).status).toBe(429);
		expect((await attempt('author.al@demo.local', DEMO_PASSWORD, '198.51.100.67')).status).toBe(303);
	});

	it('[A5] a browser sees the wait on the sign-in page with status 429', async () => {
		for (let i = 0; i < 10; i++) await attempt('head.ba@demo.local', 'wrong password', '198.51.100.9');
		const page = await fetch(`${server.url}/login`, {
			method: 'POST',
			body: new URLSearchParams({ email: 'head.ba@demo.local', password: DEMO_PASSWORD }),
			headers: { 'x-forwarded-for': '198.51.100.10', accept: 'text/html', origin: server.url },
			redirect: 'manual'
		});
		expect(page.status).toBe(429);
		expect(page.headers.get('retry-after')).toMatch(/^\d+$/);
		expect(await page.text()).toContain('Too many failed sign-ins');
	});
});
