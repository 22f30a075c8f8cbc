import { afterEach, describe, expect, it } from 'vitest';
import * as decoding from 'lib0/decoding';
import { connectEditor, paragraphUpdate, RawClient, until } from '../helpers/collab';
import { inProcessServer } from '../helpers/in-process';
import { Connection } from '../../server/collab/connection';
import { CLOSE, MESSAGE_SYNC, SYNC_STEP_1, SYNC_STEP_2 } from '../../src/lib/collab/protocol';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
	for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const askForEverything = Uint8Array.of(MESSAGE_SYNC, SYNC_STEP_1, 1, 0);

function syncSteps(client: RawClient, step: number): Uint8Array[] {
	return client.received.flatMap((message) => {
		const decoder = decoding.createDecoder(message);
		if (decoding.readVarUint(decoder) !== MESSAGE_SYNC || decoding.readVarUint(decoder) !== step) return [];
		return [decoding.readVarUint8Array(decoder)];
	});
}

describe('opening a strategy nobody has open (SPEC.md [D7])', () => {
	it('a new client gets the text as stored at once, and what it sends while the room loads is kept, in order', async () => {
		const server = await inProcessServer();
		cleanups.push(() => server.close());
		const stored = server.app.db.prepare("SELECT state FROM strategy_documents WHERE strategy_id = 'ba-asylum'").pluck().get() as Buffer;

		const client = new RawClient(server.url, server.cookieFor('author.ba@demo.local'), 'ba-asylum');
		cleanups.push(() => client.close());
		await client.opened;
		client.send(askForEverything);
		client.sendUpdate(paragraphUpdate('Sent before the room had loaded.'));
		await until(() => syncSteps(client, SYNC_STEP_2).length > 0, 'the text');

		expect(Buffer.from(syncSteps(client, SYNC_STEP_2)[0]!)).toEqual(stored);
		const reader = connectEditor(server.url, server.cookieFor('head.ba@demo.local'), 'ba-asylum');
		cleanups.push(() => reader.destroy());
		await until(() => reader.xml().includes('Sent before the room had loaded.'), 'the paragraph to reach another editor');
	});

	it('a client served the stored text gets what someone else stored while it travelled', async () => {
		const server = await inProcessServer();
		cleanups.push(() => server.close());
		// The stored text reaches the first editor only once the second has written and been stored.
		let release!: () => void;
		const released = new Promise<void>((resolve) => (release = resolve));
		const send = Connection.prototype.sendAtOnce;
		let held = false;
		Connection.prototype.sendAtOnce = function (message, written) {
			if (held) return send.call(this, message, written);
			held = true;
			send.call(this, message, () => void released.then(written));
		};
		cleanups.push(() => (Connection.prototype.sendAtOnce = send));

		const first = connectEditor(server.url, server.cookieFor('author.ba@demo.local'), 'ba-asylum');
		cleanups.push(() => first.destroy());
		await until(() => held, 'the stored text to be on its way to the first editor');
		const second = connectEditor(server.url, server.cookieFor('head.ba@demo.local'), 'ba-asylum');
		cleanups.push(() => second.destroy());
		await second.synced();
		second.write('Written while the stored text travelled.');
		const logged = server.app.db.prepare("SELECT count(*) FROM strategy_updates WHERE strategy_id = 'ba-asylum'").pluck();
		await until(() => (logged.get() as number) > 0, 'the paragraph to be stored');
		release();
		await until(() => first.xml().includes('Written while the stored text travelled.'), 'the first editor to get the paragraph');
	});

	it('[D7] changed bytes are never served, even to a client that asks at once', async () => {
		const server = await inProcessServer();
		cleanups.push(() => server.close());
		// Bytes changed behind the server's back no longer match the digest it stored with them.
		const stored = server.app.db.prepare("SELECT state FROM strategy_documents WHERE strategy_id = 'ba-visa'").pluck().get() as Buffer;
		const damaged = Buffer.from(stored.subarray(0, stored.length - 7));
		server.app.db.prepare("UPDATE strategy_documents SET state = ? WHERE strategy_id = 'ba-visa'").run(damaged);

		const client = new RawClient(server.url, server.cookieFor('author.ba@demo.local'), 'ba-visa');
		await client.opened;
		client.send(askForEverything);
		expect(await client.closed()).toBe(CLOSE.loadFailed);
		expect(syncSteps(client, SYNC_STEP_2)).toEqual([]);
	});
});
