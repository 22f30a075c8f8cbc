import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { upgradeStatus } from '../helpers/collab';
import { api, postForm, signIn } from '../helpers/http';
import { serverForFile } from '../helpers/server-for-file';
import { SESSION_ABSOLUTE_LIFETIME_MS, SESSION_INACTIVITY_TIMEOUT_MS } from '../../src/lib/limits';

/**
 * Hostile session cookies: malformed, forged, signed out, ended by an admin, of a deactivated
 * person, expired. Each is refused the same way on every channel (SPEC.md [A1], [A3], [P9],
 * [S1]): 401 in the API's error shape, a redirect to the sign-in page, 401 at the socket's
 * upgrade, and never a 500.
 */

const server = serverForFile();

const STRATEGY = 'al-visa';
const MINUTE = 60_000;

/** A session cookie's token split as the server stores it: the id finds the row, the secret is only hashed. */
function tokenOf(cookie: string): { id: string; secret: string } {
	const [id, secret] = cookie.slice(cookie.indexOf('=') + 1).split('.') as [string, string];
	return { id, secret };
}

/** Bytes as a header carries them: UTF-8 text sent as it is, one byte per character. */
const rawUtf8 = (text: string) => Buffer.from(text, 'utf8').toString('latin1');

/** The server's database file, opened beside the running server (WAL lets both in) for as long as `change` runs. */
function withDatabase<T>(change: (db: Database.Database) => T): T {
	const db = new Database(server.databasePath);
	try {
		db.pragma('busy_timeout = 5000');
		return change(db);
	} finally {
		db.close();
	}
}

interface SessionRow {
	id: string;
	user_id: number;
	secret_hash: Buffer;
	created_at: number;
	last_seen_at: number;
	client_address: string | null;
	user_agent: string | null;
}

const sessionRow = (id: string) => withDatabase((db) => db.prepare('SELECT * FROM sessions WHERE id = ?').get(id) as SessionRow | undefined);

/** Moves a live session's clock back, as if it had been opened or last used that long ago. */
function age(cookie: string, times: { createdAgo?: number; lastSeenAgo?: number }): void {
	const now = Date.now();
	const changed = withDatabase((db) =>
		db
			.prepare('UPDATE sessions SET created_at = coalesce(?, created_at), last_seen_at = coalesce(?, last_seen_at) WHERE id = ?')
			.run(times.createdAgo === undefined ? null : now - times.createdAgo, times.lastSeenAgo === undefined ? null : now - times.lastSeenAgo, tokenOf(cookie).id).changes
	);
	expect(changed).toBe(1);
}

const page = (cookie: string, path: string) => fetch(`${server.url}${path}`, { headers: { cookie }, redirect: 'manual' });

/**
 * Presents a cookie on every channel and expects the refusal of a visitor without a session.
 * `cookie` is asked again before each channel, for sessions that the first refusal removes.
 */
async function refusedEverywhere(what: string, cookie: () => string | Promise<string>): Promise<void> {
	const read = await api(server.url, await cookie(), `/strategies/${STRATEGY}`);
	expect(read.status, `${what}: API read`).toBe(401);
	expect(read.body, `${what}: API read`).toEqual({ error: { code: 'unauthenticated', message: expect.any(String) } });

	const write = await api(server.url, await cookie(), `/strategies/${STRATEGY}/comments`, { body: { body: `Written with ${what}` } });
	expect(write.status, `${what}: API write`).toBe(401);
	expect(write.body, `${what}: API write`).toEqual({ error: { code: 'unauthenticated', message: expect.any(String) } });

	const editor = await page(await cookie(), `/strategies/${STRATEGY}`);
	expect(editor.status, `${what}: page`).toBe(303);
	expect(editor.headers.get('location'), `${what}: page`).toBe(`/login?next=%2Fstrategies%2F${STRATEGY}`);

	// The public sign-in page still works for whoever holds a bad cookie.
	expect((await page(await cookie(), '/login')).status, `${what}: sign-in page`).toBe(200);

	expect(await upgradeStatus(server.url, `/collab/${STRATEGY}`, { cookie: await cookie(), origin: server.url }), `${what}: socket`).toBe(401);
}

/** The same channels with a live session: what each refusal above is measured against. */
async function acceptedEverywhere(what: string, cookie: string): Promise<void> {
	expect((await api(server.url, cookie, `/strategies/${STRATEGY}`)).status, `${what}: API read`).toBe(200);
	expect((await page(cookie, `/strategies/${STRATEGY}`)).status, `${what}: page`).toBe(200);
	expect(await upgradeStatus(server.url, `/collab/${STRATEGY}`, { cookie, origin: server.url }), `${what}: socket`).toBe(101);
}

async function userId(email: string, strategyId: string): Promise<number> {
	const admin = await signIn(server.url, 'admin@demo.local');
	const people = (await api(server.url, admin, `/strategies/${strategyId}/people`)).body as { id: number; email: string }[];
	return people.find((person) => person.email === email)!.id;
}

describe('hostile session cookies', () => {
	it('[A1] control: a live session opens the API, the editor page and the socket', async () => {
		await acceptedEverywhere('a live session', await signIn(server.url, 'author.al@demo.local'));
	});

	it('[P9] malformed cookies (empty, no dot, 10 kB, non-ASCII, SQL-like) are 401 everywhere, never 500', async () => {
		const real = tokenOf(await signIn(server.url, 'author.al@demo.local'));
		const malformed: Record<string, string> = {
			empty: 'session=',
			'only a dot': 'session=.',
			'no dot': `session=${real.id}${real.secret}`,
			'two dots': `session=${real.id}.${real.secret}.${real.secret}`,
			'10 kB': `session=${'a'.repeat(10_000)}`,
			'10 kB with a dot': `session=${real.id}.${'b'.repeat(10_000)}`,
			'non-ASCII': `session=${rawUtf8('тајна.лозинка-ščž-😀')}`,
			'a real id with a non-ASCII secret': `session=${real.id}.${rawUtf8('ш'.repeat(16))}`,
			'a real token with a non-ASCII tail': `session=${real.id}.${real.secret}${rawUtf8('é')}`,
			'SQL-like': `session=' OR '1'='1`,
			'SQL-like, percent-encoded': 'session=x.y%27%20OR%201%3D1--',
			'SQL-like, shaped as a token': `session=${real.id}'--.${real.secret}`,
			'a stray percent and NUL': 'session=%.%00',
			'quotes and backslashes': `session="${real.id}\\".\\"${real.secret}"`,
			'the token upper-cased': `session=${real.id.toUpperCase()}.${real.secret.toUpperCase()}`,
			'two session cookies, both bad': `session=${'a'.repeat(24)}.${'b'.repeat(32)}; session=x`
		};
		for (const [what, cookie] of Object.entries(malformed)) await refusedEverywhere(what, () => cookie);
	});

	it('[A1] a real session id with a wrong secret, or with another session’s secret, is 401 everywhere and leaves both sessions alive', async () => {
		const victim = await signIn(server.url, 'author.al@demo.local');
		const other = await signIn(server.url, 'head.al@demo.local');
		const { id, secret } = tokenOf(victim);
		const wrongSecret = [...secret].map((c) => (c === 'a' ? 'b' : 'a')).join('');
		const oneCharacterOff = secret.slice(0, -1) + (secret.endsWith('a') ? 'b' : 'a');
		await refusedEverywhere('a wrong secret', () => `session=${id}.${wrongSecret}`);
		await refusedEverywhere('a secret one character off', () => `session=${id}.${oneCharacterOff}`);
		await refusedEverywhere('another live session’s secret', () => `session=${id}.${tokenOf(other).secret}`);
		await refusedEverywhere('another live session’s id', () => `session=${tokenOf(other).id}.${secret}`);
		// Guessing at a session must not end it: that would let anyone sign anyone out.
		await acceptedEverywhere('the victim’s own token', victim);
		await acceptedEverywhere('the other token', other);
	});

	it('[A3] a signed-out session is 401 everywhere, for every copy of its cookie', async () => {
		const cookie = await signIn(server.url, 'author.al@demo.local');
		const kept = await signIn(server.url, 'author.al@demo.local');
		expect((await postForm(server.url, cookie, '/logout', {})).status).toBe(303);
		expect(sessionRow(tokenOf(cookie).id)).toBeUndefined();
		await refusedEverywhere('a signed-out session', () => cookie);
		// Only that session ended: the person's other session goes on.
		await acceptedEverywhere('another session of the same person', kept);
	});

	it('[A3] sessions an admin ended are 401 everywhere', async () => {
		const cookie = await signIn(server.url, 'author.ba@demo.local');
		const id = await userId('author.ba@demo.local', 'ba-visa');
		const ended = await postForm(server.url, await signIn(server.url, 'admin@demo.local'), `/admin/users/${id}?/endSessions`, {});
		expect(ended.status).toBe(200);
		await refusedEverywhere('a session an admin ended', () => cookie);
	});

	it('[A3] a deactivated person’s session is 401 everywhere, even if its row were still there', async () => {
		const cookie = await signIn(server.url, 'author.hr@demo.local');
		const id = await userId('author.hr@demo.local', 'hr-visa');
		const row = sessionRow(tokenOf(cookie).id)!;
		expect(row.user_id).toBe(id);
		const deactivated = await postForm(server.url, await signIn(server.url, 'admin@demo.local'), `/admin/users/${id}?/deactivate`, {});
		expect(deactivated.status).toBe(200);
		expect(sessionRow(row.id)).toBeUndefined();
		await refusedEverywhere('a deactivated person’s session', () => cookie);
		// Had deactivation missed the row, the person's state must still refuse it: put it back before every channel.
		const restore = () => {
			withDatabase((db) =>
				db
					.prepare('INSERT OR REPLACE INTO sessions (id, user_id, secret_hash, created_at, last_seen_at, client_address, user_agent) VALUES (?, ?, ?, ?, ?, ?, ?)')
					.run(row.id, row.user_id, row.secret_hash, row.created_at, Date.now(), row.client_address, row.user_agent)
			);
			return cookie;
		};
		await refusedEverywhere('a deactivated person’s surviving session row', restore);
	});

	it('[A3] a session idle past the inactivity timeout, or older than the absolute lifetime, is 401 everywhere', async () => {
		// A fresh session for every channel: the first refusal removes an expired session, and each channel must judge expiry itself.
		await refusedEverywhere('a session idle for too long', async () => {
			const cookie = await signIn(server.url, 'author.al@demo.local');
			age(cookie, { lastSeenAgo: SESSION_INACTIVITY_TIMEOUT_MS + MINUTE });
			return cookie;
		});
		await refusedEverywhere('a session past its absolute lifetime, though used a moment ago', async () => {
			const cookie = await signIn(server.url, 'author.al@demo.local');
			age(cookie, { createdAgo: SESSION_ABSOLUTE_LIFETIME_MS + MINUTE, lastSeenAgo: 1_000 });
			return cookie;
		});
		// Just inside both limits, a session still opens everything: the refusals are about the clock, not about the change.
		const alive = await signIn(server.url, 'author.al@demo.local');
		age(alive, { createdAgo: SESSION_ABSOLUTE_LIFETIME_MS - 10 * MINUTE, lastSeenAgo: SESSION_INACTIVITY_TIMEOUT_MS - 10 * MINUTE });
		await acceptedEverywhere('a session just inside both limits', alive);
	});

	it('[P9] nothing was written with a refused cookie, and nothing failed on the server', async () => {
		const threads = (await api(server.url, await signIn(server.url, 'head.al@demo.local'), `/strategies/${STRATEGY}/comments?resolved=include`)).body as { body: string }[];
		expect(threads.filter((thread) => thread.body.startsWith('Written with'))).toEqual([]);
		expect(server.output.filter((line) => line.includes('"unexpected-error"') || line.includes('"upgrade-failed"'))).toEqual([]);
	});
});
