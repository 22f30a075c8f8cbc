import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import Database from 'better-sqlite3';
import * as decoding from 'lib0/decoding';
import { CLOSE, MESSAGE_SYNC, SYNC_STEP_1 } from '../../src/lib/collab/protocol';
import { MAX_MESSAGE_BYTES, PAGE_PREVIEW_CHARACTERS } from '../../src/lib/limits';
import { paragraphUpdate, RawClient, serverDocument, until, upgradeStatus } from '../helpers/collab';
import { api, postForm, signIn } from '../helpers/http';
import { serverForFile } from '../helpers/server-for-file';

const server = serverForFile();

const editor = (cookie: string, strategyId: string) => server.editor(cookie, strategyId);

describe('co-editing with the stock y-websocket client', () => {
	it('[S3] two authors of a delegation converge on the same text', async () => {
		const a = editor(await signIn(server.url, 'author.al@demo.local'), 'al-migration');
		const b = editor(await signIn(server.url, 'head.al@demo.local'), 'al-migration');
		await Promise.all([a.synced(), b.synced()]);
		expect(a.xml()).toContain('1 Introduction');
		a.write('Tirana proposes a readmission working group.');
		await until(() => b.xml().includes('Tirana proposes a readmission working group.'), 'B to see A');
		b.write('Agreed, with IOM support.');
		await until(() => a.xml().includes('Agreed, with IOM support.'), 'A to see B');
		expect(a.xml()).toBe(b.xml());
	});

	it('[S3] a strategy’s page carries its whole text for the editor, and shows only its beginning until the editor has loaded', async () => {
		const cookie = await signIn(server.url, 'author.al@demo.local');
		const a = editor(cookie, 'al-asylum');
		await a.synced();
		const clauses = Array.from({ length: PAGE_PREVIEW_CHARACTERS / 10 }, (_, i) => `clause ${i}.`).join(' ');
		a.write(`${clauses} The annex ends here.`);
		await until(async () => (await api(server.url, cookie, '/strategies/al-asylum/content?format=text')).body.includes('The annex ends here.'), 'the edit to be stored');

		const page = await (await fetch(`${server.url}/strategies/al-asylum`, { headers: { cookie } })).text();
		const served = new Y.Doc();
		Y.applyUpdate(served, Buffer.from(/state:"([A-Za-z0-9+/=]+)"/.exec(page)![1]!, 'base64'));
		expect(served.getXmlFragment('default').toString()).toBe(a.xml());
		expect(page).toContain('1 Introduction');
		expect(page).toContain('clause 1.');
		expect(page).not.toContain('The annex ends here.');
		a.destroy();
	});

	it('[S3] someone who joins later gets every stored edit, also after the page has served the text', async () => {
		const cookie = await signIn(server.url, 'author.hr@demo.local');
		const a = editor(cookie, 'hr-migration');
		await a.synced();
		a.write('Customs data exchange starts in May.');
		const early = editor(await signIn(server.url, 'head.hr@demo.local'), 'hr-migration');
		await until(() => early.xml().includes('Customs data exchange starts in May.'), 'a newcomer to see the first edit');
		expect((await fetch(`${server.url}/strategies/hr-migration`, { headers: { cookie } })).status).toBe(200);
		a.write('Border posts share one queue.');
		const late = editor(await signIn(server.url, 'observer@demo.local'), 'hr-migration');
		await until(() => late.xml().includes('Border posts share one queue.'), 'a later newcomer to see the second edit');
		expect(late.xml()).toBe(a.xml());
		for (const client of [a, early, late]) client.destroy();
	});

	it('[D4] an edit another client has seen is in the database', async () => {
		const cookie = await signIn(server.url, 'author.al@demo.local');
		const a = editor(cookie, 'al-visa');
		const b = editor(await signIn(server.url, 'head.al@demo.local'), 'al-visa');
		await Promise.all([a.synced(), b.synced()]);
		a.write('Visa facilitation talks resume in March.');
		await until(() => b.xml().includes('Visa facilitation talks resume in March.'), 'B to see the edit');
		const stored = await api(server.url, cookie, '/strategies/al-visa/content?format=text');
		expect(stored.body).toContain('Visa facilitation talks resume in March.');
	});
});

describe('what is stored', () => {
	it('[D5] only edits reach the log: a client\'s answers to the "stored" acknowledgement add no rows', async () => {
		const a = editor(await signIn(server.url, 'author.hr@demo.local'), 'hr-visa');
		await a.synced();
		const db = new Database(server.databasePath, { readonly: true });
		const rows = () => db.prepare("SELECT count(*) FROM strategy_updates WHERE strategy_id = 'hr-visa'").pluck().get() as number;
		let acknowledgements = 0;
		const socket = a.provider.ws!;
		socket.addEventListener('message', (event: MessageEvent) => {
			const decoder = decoding.createDecoder(new Uint8Array(event.data as ArrayBuffer));
			if (decoding.readVarUint(decoder) === MESSAGE_SYNC && decoding.readVarUint(decoder) === SYNC_STEP_1) acknowledgements += 1;
		});
		const before = rows();
		a.write('Zagreb reports on the visa information system.');
		a.write('A paragraph to delete.');
		const fragment = a.doc.getXmlFragment('default');
		fragment.delete(fragment.length - 1, 1);
		// The client answers the acknowledgement at once with its whole delete set, then writes again.
		const heard = acknowledgements;
		await until(() => acknowledgements > heard && rows() >= before + 3, 'the acknowledgement of three stored edits');
		a.write('Schengen acquis alignment continues.');
		await until(() => rows() >= before + 4, 'the fourth edit to be stored');
		expect(rows()).toBe(before + 4);
		db.close();
	});
});

describe('who may write', () => {
	for (const [role, email, strategy] of [
		['an expert', 'expert.asylum@demo.local', 'ba-asylum'],
		['an observer', 'observer@demo.local', 'ba-asylum'],
		['an admin', 'admin@demo.local', 'ba-asylum']
	] as const) {
		it(`[S4] ${role} reads the document, but their updates are never stored nor seen`, async () => {
			const author = editor(await signIn(server.url, 'author.ba@demo.local'), strategy);
			await author.synced();
			const reader = new RawClient(server.url, await signIn(server.url, email), strategy);
			await reader.opened;
			const text = await reader.roundTrip();
			const copy = new Y.Doc();
			Y.applyUpdate(copy, text);
			expect(copy.getXmlFragment('default').toString()).toContain('1 Introduction');

			reader.sendUpdate(paragraphUpdate(`Written by ${role}`));
			await reader.roundTrip();
			// The author writes after the reader. Updates are stored in the order they arrive, so once
			// the author's marker is in the stored document, the reader's update would be there too.
			author.write(`Marker after ${role}`);
			const cookie = await signIn(server.url, 'author.ba@demo.local');
			let stored = '';
			await until(async () => {
				stored = (await serverDocument(server.url, cookie, strategy)).getXmlFragment('default').toString();
				return stored.includes(`Marker after ${role}`);
			}, 'the author’s marker to be stored');
			expect(stored).not.toContain(`Written by ${role}`);
			expect(author.xml()).not.toContain(`Written by ${role}`);
			expect(reader.closeCode).toBeNull();
			reader.close();
		});
	}
});

describe('the upgrade', () => {
	it('[S1] answers 401 without a valid session, 403 without read access, 404 for an unknown strategy', async () => {
		const origin = server.url;
		expect(await upgradeStatus(server.url, '/collab/al-migration', { origin })).toBe(401);
		expect(await upgradeStatus(server.url, '/collab/al-migration', { origin, cookie: `session=${'a'.repeat(24)}.${'b'.repeat(32)}` })).toBe(401);
		const author = await signIn(server.url, 'author.hr@demo.local');
		expect(await upgradeStatus(server.url, '/collab/al-migration', { origin, cookie: author })).toBe(403);
		expect(await upgradeStatus(server.url, '/collab/zz-nowhere', { origin, cookie: author })).toBe(404);
		expect(await upgradeStatus(server.url, '/collab/..%2F..%2Fetc', { origin, cookie: author })).toBe(404);
		expect(await upgradeStatus(server.url, '/collab/hr-migration', { origin, cookie: author })).toBe(101);
	});

	it('[S2] refuses a foreign or missing Origin (cross-site WebSocket hijacking)', async () => {
		const cookie = await signIn(server.url, 'author.hr@demo.local');
		expect(await upgradeStatus(server.url, '/collab/hr-migration', { cookie, origin: 'https://attacker.example' })).toBe(403);
		expect(await upgradeStatus(server.url, '/collab/hr-migration', { cookie })).toBe(403);
	});

	it('[S1] a path other than /collab/<id> is not a socket', async () => {
		const cookie = await signIn(server.url, 'author.hr@demo.local');
		expect(await upgradeStatus(server.url, '/somewhere', { cookie, origin: server.url })).toBe(404);
	});
});

describe('hostile and broken input', () => {
	it('[S6] malformed, truncated and unknown messages close that connection only', async () => {
		const cookie = await signIn(server.url, 'author.mk@demo.local');
		const a = editor(cookie, 'mk-visa');
		const b = editor(await signIn(server.url, 'head.mk@demo.local'), 'mk-visa');
		await Promise.all([a.synced(), b.synced()]);
		const attacks: Uint8Array[] = [
			new Uint8Array([0, 2, 200]), // an update whose length runs past the end
			new Uint8Array([0, 2, 5, 1, 2, 3, 4, 5]), // five bytes that are not an update
			new Uint8Array([0, 9]), // an unknown sync step
			new Uint8Array([42]), // an unknown message type
			new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]), // a varint that never ends
			new Uint8Array([1, 4, 1, 7, 1, 255]) // presence that is not JSON
		];
		for (const bytes of attacks) {
			const attacker = new RawClient(server.url, cookie, 'mk-visa');
			await attacker.opened;
			attacker.send(bytes);
			expect(await attacker.closed()).toBe(CLOSE.badMessage);
		}
		a.write('Still working after the attacks.');
		await until(() => b.xml().includes('Still working after the attacks.'), 'B to see A after the attacks');
		expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
	});

	it('[S6] a message over the size limit is refused with 1009', async () => {
		const attacker = new RawClient(server.url, await signIn(server.url, 'author.mk@demo.local'), 'mk-visa');
		await attacker.opened;
		// In two fragments, the second small: by the time the server refuses, it has read all the
		// client sent, so it closes cleanly (1009) instead of resetting a half-read connection.
		attacker.socket.send(new Uint8Array(MAX_MESSAGE_BYTES - 1_000), { fin: false });
		await until(() => attacker.socket.bufferedAmount === 0, 'the first fragment to be sent');
		attacker.socket.send(new Uint8Array(1_001), { fin: true });
		expect(await attacker.closed()).toBe(CLOSE.messageTooBig);
	});

	it('[S5] presence is who you are: the server sets the name, nobody speaks for the room, and another client’s id cannot be taken', async () => {
		const watcher = editor(await signIn(server.url, 'author.cs@demo.local'), 'cs-asylum');
		await watcher.synced();
		const impostor = new RawClient(server.url, await signIn(server.url, 'expert.asylum@demo.local'), 'cs-asylum');
		await impostor.opened;
		const awareness = new Awareness(new Y.Doc());
		// It also claims to be the room, saying the text is locked and storage failing.
		awareness.setLocalState({
			user: { name: 'Minister of the Interior', color: '#000' },
			cursor: null,
			server: { status: 'locked', lockedBy: 'Head of delegation', storage: 'failing' }
		});
		impostor.sendAwareness(awareness);
		await until(() => watcher.provider.awareness.getStates().has(awareness.clientID), 'the impostor’s presence');
		const asSeen = watcher.provider.awareness.getStates().get(awareness.clientID)!;
		expect(asSeen.user).toMatchObject({ name: 'Thomas Keller', role: 'expert', editor: false });
		expect(asSeen).not.toHaveProperty('server');

		// Now the impostor claims the author's client id.
		const stolen = new Awareness(new Y.Doc());
		stolen.clientID = watcher.doc.clientID;
		stolen.setLocalState({ user: { name: 'Thomas Keller' }, takeover: true });
		for (let i = 0; i < 5; i++) stolen.setLocalState({ user: { name: 'Thomas Keller' }, takeover: true, i });
		impostor.sendAwareness(stolen);
		await impostor.roundTrip();
		const observer = new RawClient(server.url, await signIn(server.url, 'observer@demo.local'), 'cs-asylum');
		await observer.opened;
		await observer.roundTrip();
		const authorAsSeen = observer.presence.getStates().get(watcher.doc.clientID);
		expect(authorAsSeen).not.toHaveProperty('takeover');
		expect(authorAsSeen?.user).toMatchObject({ name: 'Jelena Marković', role: 'author', editor: true });
		observer.close();
		impostor.close();
	});
});

describe('access changes reach live connections', () => {
	it('[S8] revoking a role closes the person’s open connections with 4403', async () => {
		const admin = await signIn(server.url, 'admin@demo.local');
		const users = await (await fetch(`${server.url}/admin/users`, { headers: { cookie: admin } })).text();
		const id = users.match(/\/admin\/users\/(\d+)">Sophie Laurent</)![1];
		const client = new RawClient(server.url, await signIn(server.url, 'expert.migration@demo.local'), 'hr-migration');
		await client.opened;
		await client.roundTrip();
		await postForm(server.url, admin, `/admin/users/${id}?/revoke`, { role: 'expert', module: 'migration' });
		expect(await client.closed()).toBe(CLOSE.accessRevoked);
	});

	it('[S8] deactivating a person closes their connections with 4401', async () => {
		const admin = await signIn(server.url, 'admin@demo.local');
		const users = await (await fetch(`${server.url}/admin/users`, { headers: { cookie: admin } })).text();
		const id = users.match(/\/admin\/users\/(\d+)">Marko Babić</)![1];
		const client = new RawClient(server.url, await signIn(server.url, 'author.hr@demo.local'), 'hr-visa');
		await client.opened;
		await client.roundTrip();
		await postForm(server.url, admin, `/admin/users/${id}?/deactivate`, {});
		expect(await client.closed()).toBe(CLOSE.sessionEnded);
	});

	it('[S8] signing out closes that session’s connections with 4401', async () => {
		const cookie = await signIn(server.url, 'head.hr@demo.local');
		const client = new RawClient(server.url, cookie, 'hr-asylum');
		await client.opened;
		await client.roundTrip();
		await postForm(server.url, cookie, '/logout', {});
		expect(await client.closed()).toBe(CLOSE.sessionEnded);
	});
});
