import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Backend } from '../../server/backend';
import { hashSecret, newBearerToken, parseBearerToken } from '../../server/auth/secret';
import { SESSION_ABSOLUTE_LIFETIME_MS, SESSION_INACTIVITY_TIMEOUT_MS, SESSION_TOUCH_INTERVAL_MS } from '../../src/lib/limits';
import { testBackend } from '../helpers/backend';

let app: Backend;
let userId: number;

beforeEach(async () => {
	app = await testBackend();
	userId = app.users.findByEmail('author.al@demo.local')!.id;
});
afterEach(async () => {
	vi.useRealTimers();
	await app.close();
});

describe('session tokens', () => {
	it('[A1] a token is <id>.<secret> with 160 random bits of secret, different every time', () => {
		const tokens = new Set(Array.from({ length: 200 }, () => newBearerToken().token));
		expect(tokens.size).toBe(200);
		const parsed = parseBearerToken([...tokens][0]!)!;
		expect(parsed.secret).toMatch(/^[a-z2-7]{32}$/); // 32 base32 characters = 160 bits
	});

	it('[A1] only the SHA-256 of the secret is stored, never the token', () => {
		const { token } = app.sessions.create(userId, {});
		const { id, secret } = parseBearerToken(token)!;
		const row = app.db.prepare('SELECT * FROM sessions WHERE id = ?').get(id) as Record<string, unknown>;
		expect(Buffer.from(row.secret_hash as Uint8Array)).toEqual(Buffer.from(hashSecret(secret)));
		expect(JSON.stringify(row)).not.toContain(secret);
	});

	it('[A1] a token with the right id and a wrong secret opens nothing', () => {
		const { token } = app.sessions.create(userId, {});
		const [id] = token.split('.');
		expect(app.sessions.validate(`${id}.${'a'.repeat(32)}`)).toBeNull();
		expect(app.sessions.validate(token)?.actor.email).toBe('author.al@demo.local');
	});

	it('[A1] malformed and forged tokens are refused', () => {
		for (const token of ['', '.', 'abc', 'a.b.c', `${'a'.repeat(24)}.${'b'.repeat(31)}`, "'; DROP TABLE sessions;--"]) {
			expect(app.sessions.validate(token)).toBeNull();
		}
	});
});

describe('session lifetimes', () => {
	it('[A3] a session unused for the inactivity timeout ends', () => {
		vi.useFakeTimers({ toFake: ['Date'] });
		const { token } = app.sessions.create(userId, {});
		vi.advanceTimersByTime(SESSION_INACTIVITY_TIMEOUT_MS - 1_000);
		expect(app.sessions.validate(token)).not.toBeNull();
		vi.advanceTimersByTime(SESSION_INACTIVITY_TIMEOUT_MS);
		expect(app.sessions.validate(token)).toBeNull();
	});

	it('[A3] activity keeps a session alive only up to its absolute lifetime', () => {
		vi.useFakeTimers({ toFake: ['Date'] });
		const { token } = app.sessions.create(userId, {});
		const step = SESSION_INACTIVITY_TIMEOUT_MS / 2;
		let elapsed = 0;
		while (elapsed + step < SESSION_ABSOLUTE_LIFETIME_MS) {
			vi.advanceTimersByTime(step);
			elapsed += step;
			expect(app.sessions.validate(token)).not.toBeNull();
		}
		vi.advanceTimersByTime(step);
		expect(app.sessions.validate(token)).toBeNull();
	});

	it('[A3] last-seen is written at most once a minute, not on every request', () => {
		vi.useFakeTimers({ toFake: ['Date'] });
		const { token, session } = app.sessions.create(userId, {});
		vi.advanceTimersByTime(SESSION_TOUCH_INTERVAL_MS / 2);
		expect(app.sessions.validate(token)!.session.lastSeenAt).toBe(session.lastSeenAt);
		vi.advanceTimersByTime(SESSION_TOUCH_INTERVAL_MS);
		expect(app.sessions.validate(token)!.session.lastSeenAt).toBeGreaterThan(session.lastSeenAt);
	});

	it('[A3] deactivating a user ends all their sessions; reactivating does not bring them back', () => {
		const first = app.sessions.create(userId, {}).token;
		const second = app.sessions.create(userId, {}).token;
		app.users.setActive(userId, false, null);
		expect(app.sessions.validate(first)).toBeNull();
		expect(app.sessions.validate(second)).toBeNull();
		app.users.setActive(userId, true, null);
		expect(app.sessions.validate(first)).toBeNull();
		expect(app.db.prepare('SELECT count(*) FROM sessions WHERE user_id = ?').pluck().get(userId)).toBe(0);
	});
});
