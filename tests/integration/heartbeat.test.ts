import { afterEach, expect, it, vi } from 'vitest';
import * as encoding from 'lib0/encoding';
import { CLOSE, MESSAGE_QUERY_AWARENESS } from '../../src/lib/collab/protocol';
import { SESSION_INACTIVITY_TIMEOUT_MS, SESSION_TOUCH_INTERVAL_MS, SOCKET_PING_INTERVAL_MS } from '../../src/lib/limits';
import { RawClient, until } from '../helpers/collab';
import { inProcessServer } from '../helpers/in-process';

afterEach(() => {
	vi.useRealTimers();
});

it('[A3] at each heartbeat a socket in use keeps its session alive, and the sockets of a session that ran out close with 4401', async () => {
	// Only the heartbeat's clock is ours to move; sockets and everything else run in real time.
	vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
	const server = await inProcessServer();
	const { db } = server.app;
	const sessionOf = (cookie: string) => cookie.slice(cookie.indexOf('=') + 1).split('.')[0]!;
	const lastSeen = (cookie: string) => db.prepare('SELECT last_seen_at FROM sessions WHERE id = ?').pluck().get(sessionOf(cookie)) as number | undefined;
	try {
		const writing = server.cookieFor('author.al@demo.local');
		const idle = server.cookieFor('expert.migration@demo.local');
		const lapsed = server.cookieFor('head.al@demo.local');
		const clients = [writing, idle, lapsed].map((cookie) => new RawClient(server.url, cookie, 'al-migration'));
		await Promise.all(clients.map((client) => client.opened));
		const [writer, reader, forgotten] = clients as [RawClient, RawClient, RawClient];

		const age = (cookie: string, ago: number) => db.prepare('UPDATE sessions SET last_seen_at = ? WHERE id = ?').run(Date.now() - ago, sessionOf(cookie));
		age(writing, SESSION_TOUCH_INTERVAL_MS + 1_000);
		age(idle, SESSION_TOUCH_INTERVAL_MS + 1_000);
		age(lapsed, SESSION_INACTIVITY_TIMEOUT_MS + 1_000);
		const idleSeen = lastSeen(idle)!;
		const query = encoding.createEncoder();
		encoding.writeVarUint(query, MESSAGE_QUERY_AWARENESS);
		const answers = writer.received.length;
		writer.send(encoding.toUint8Array(query));
		await until(() => writer.received.length > answers, 'the server to read the writer’s message');

		const before = Date.now();
		vi.advanceTimersByTime(SOCKET_PING_INTERVAL_MS);
		expect(await forgotten.closed()).toBe(CLOSE.sessionEnded);
		expect(lastSeen(lapsed)).toBeUndefined();
		expect(lastSeen(writing)).toBeGreaterThanOrEqual(before);
		expect(lastSeen(idle)).toBe(idleSeen);
		expect(writer.closeCode).toBeNull();
		expect(reader.closeCode).toBeNull();
		for (const client of clients) client.socket.close();
	} finally {
		await server.close();
	}
});
