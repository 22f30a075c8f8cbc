import type { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import { CLOSE, MESSAGE_QUERY_AWARENESS } from '../../src/lib/collab/protocol';
import {
	MAX_CONNECTIONS_PER_ROOM,
	MAX_CONNECTIONS_PER_USER,
	MAX_SEND_BUFFER_BYTES,
	SOCKET_MESSAGE_BURST,
	SYNC_HANDSHAKE_TIMEOUT_MS
} from '../../src/lib/limits';
import { connectEditor, paragraphUpdate, RawClient, until, upgradeStatus, type Editor } from '../helpers/collab';
import { api, signIn } from '../helpers/http';
import { inProcessServer } from '../helpers/in-process';
import { freePort, startServer, tempDatabasePath } from '../helpers/server';
import { serverForFile } from '../helpers/server-for-file';

const server = serverForFile();

/** A writer and a colleague who must keep seeing each other's lines while someone floods. */
async function stillEditing(writer: Editor, witness: Editor, line: string): Promise<void> {
	writer.write(line);
	await until(() => witness.xml().includes(line), `the colleague to see "${line}"`, 30_000);
}

describe('floods against the collaboration socket', () => {
	it(`[S6] one person's connection ${MAX_CONNECTIONS_PER_USER + 1} is refused with 429; the others carry on`, async () => {
		const cookie = await signIn(server.url, 'expert.migration@demo.local');
		const clients = Array.from({ length: MAX_CONNECTIONS_PER_USER }, (_, i) => new RawClient(server.url, cookie, ['al-migration', 'mk-migration'][i % 2]!));
		await Promise.all(clients.map((client) => client.opened));
		expect(await upgradeStatus(server.url, '/collab/ba-migration', { cookie, origin: server.url })).toBe(429);
		// Someone else is not affected, and the person's open connections still answer.
		expect(await upgradeStatus(server.url, '/collab/ba-migration', { cookie: await signIn(server.url, 'observer@demo.local'), origin: server.url })).toBe(101);
		await clients[0]!.roundTrip();
		for (const client of clients) client.close();
		await Promise.all(clients.map((client) => client.closed()));
		// Closed connections no longer count.
		expect(await upgradeStatus(server.url, '/collab/ba-migration', { cookie, origin: server.url })).toBe(101);
	});

	it('[S6] a message flood closes that connection with 4429; editing in the room goes on', async () => {
		const writer = server.editor(await signIn(server.url, 'author.hr@demo.local'), 'hr-visa');
		const witness = server.editor(await signIn(server.url, 'head.hr@demo.local'), 'hr-visa');
		await Promise.all([writer.synced(), witness.synced()]);
		const flooder = new RawClient(server.url, await signIn(server.url, 'expert.visa@demo.local'), 'hr-visa');
		await flooder.opened;
		const query = encoding.encode((encoder) => encoding.writeVarUint(encoder, MESSAGE_QUERY_AWARENESS));
		for (let i = 0; i < SOCKET_MESSAGE_BURST * 3; i++) flooder.send(query);
		expect(await flooder.closed()).toBe(CLOSE.flooding);
		await stillEditing(writer, witness, 'Written after the flood.');
	});

	it(`[S6] a connection that never starts the sync handshake is closed with 4408 after ${SYNC_HANDSHAKE_TIMEOUT_MS / 1000} s`, async () => {
		const silent = new RawClient(server.url, await signIn(server.url, 'observer@demo.local'), 'cs-visa');
		await silent.opened;
		expect(silent.closeCode).toBeNull();
		await until(() => silent.closeCode !== null, 'the silent connection to be closed', SYNC_HANDSHAKE_TIMEOUT_MS + 10_000);
		expect(silent.closeCode).toBe(CLOSE.syncTimeout);
	});

	it('[S7] a receiver that stops reading is cut off with 4508, not buffered without end; the writer goes on', async () => {
		const author = await signIn(server.url, 'author.cs@demo.local');
		const witness = server.editor(await signIn(server.url, 'head.cs@demo.local'), 'cs-migration');
		await witness.synced();
		const stalled = new RawClient(server.url, await signIn(server.url, 'expert.migration@demo.local'), 'cs-migration');
		await stalled.opened;
		await stalled.roundTrip();
		// The stalled client's process stops taking bytes off the wire (a frozen tab, a dead network).
		const wire = (stalled.socket as unknown as { _socket: Socket })._socket;
		wire.pause();

		const writer = new RawClient(server.url, author, 'cs-migration');
		await writer.opened;
		await writer.roundTrip();
		// Far more than the send buffer and the kernel's socket buffers together can hold.
		const chunk = 'A long annex pasted in one piece. '.repeat(30_000);
		const pastes = Math.ceil((4 * MAX_SEND_BUFFER_BYTES) / chunk.length);
		for (let i = 0; i < pastes; i++) writer.sendUpdate(paragraphUpdate(`Annex ${i}: ${chunk}`));
		await writer.roundTrip();
		await until(() => witness.xml().includes(`Annex ${pastes - 1}:`), 'the colleague to receive every annex', 60_000);

		wire.resume();
		expect(await stalled.closed()).toBe(CLOSE.slowReader);
		writer.close();
	});

	it('[S6] a room refuses its connection 251 with 503, and whoever is in it is still served', async () => {
		const local = await inProcessServer();
		const connections: RawClient[] = [];
		try {
			// Enough people that no one reaches their own limit first.
			const people = Math.ceil((MAX_CONNECTIONS_PER_ROOM + 1) / MAX_CONNECTIONS_PER_USER);
			const cookies: string[] = [];
			for (let i = 0; i < people; i++) {
				const user = await local.app.users.create({ email: `reader${i}@demo.local`, name: `Reader ${i}` }, null);
				local.app.users.grant(user.id, { role: 'observer', delegation: null, module: null }, null);
				cookies.push(local.cookieFor(user.email));
			}
			for (let i = 0; i < MAX_CONNECTIONS_PER_ROOM; i++) connections.push(new RawClient(local.url, cookies[Math.floor(i / MAX_CONNECTIONS_PER_USER)]!, 'ba-visa'));
			await Promise.all(connections.map((connection) => connection.opened));
			expect(await upgradeStatus(local.url, '/collab/ba-visa', { cookie: cookies.at(-1)!, origin: local.url })).toBe(503);
			// Another room is open to the same person.
			expect(await upgradeStatus(local.url, '/collab/ba-asylum', { cookie: cookies.at(-1)!, origin: local.url })).toBe(101);
			await connections[0]!.roundTrip();
		} finally {
			for (const connection of connections) connection.close();
			await local.close();
		}
	});
});

describe('a reconnect storm', () => {
	it('[S6] 200 clients reconnecting at once after a restart all resync, and a pair editing elsewhere is served throughout', async () => {
		const databasePath = tempDatabasePath();
		const port = await freePort();
		let running = await startServer({ databasePath, env: { PORT: String(port) } });
		const storm: Editor[] = [];
		const pair: Editor[] = [];
		// Every stock provider in Node listens for the process's exit; 202 of them are expected here.
		process.setMaxListeners(250);
		try {
			// Four delegations' authors and heads and the three experts: 20 connections each at most.
			const people = ['al', 'ba', 'hr', 'mk'].flatMap((code) => [`author.${code}@demo.local`, `head.${code}@demo.local`]);
			people.push('expert.migration@demo.local', 'expert.asylum@demo.local', 'expert.visa@demo.local');
			for (const email of people) {
				const cookie = await signIn(running.url, email);
				const readable: string[] = (await api(running.url, cookie, '/strategies')).body.map((strategy: { id: string }) => strategy.id);
				for (let i = 0; i < MAX_CONNECTIONS_PER_USER && storm.length < 200; i++) storm.push(connectEditor(running.url, cookie, readable[i % readable.length]!));
			}
			expect(storm).toHaveLength(200);
			pair.push(connectEditor(running.url, await signIn(running.url, 'author.cs@demo.local'), 'cs-visa'));
			pair.push(connectEditor(running.url, await signIn(running.url, 'head.cs@demo.local'), 'cs-visa'));
			await Promise.all([...storm, ...pair].map((editor) => editor.synced()));

			await running.kill();
			await until(() => storm.every((editor) => !editor.provider.wsconnected), 'every client to notice the crash');
			running = await startServer({ databasePath, env: { PORT: String(port) } });
			// Every client reconnects within its backoff of at most 200 ms: the storm.
			await until(() => pair.every((editor) => editor.provider.synced), 'the pair to resync', 30_000);
			await stillEditing(pair[0]!, pair[1]!, 'Written in the middle of the storm.');
			expect((await fetch(`${running.url}/healthz`)).status).toBe(200);
			await until(() => storm.every((editor) => editor.provider.synced), 'all 200 clients to resync', 60_000);
			await stillEditing(pair[1]!, pair[0]!, 'Written after the storm.');
		} finally {
			for (const editor of [...storm, ...pair]) editor.destroy();
			await running.stop();
		}
	});
});
