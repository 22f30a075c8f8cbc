import { describe, expect, it } from 'vitest';
import { paragraphUpdate, RawClient, serverDocument, until, type Editor } from '../helpers/collab';
import { api, signIn, textOf } from '../helpers/http';
import { DEMO_PASSWORD } from '../helpers/server';
import { serverForFile } from '../helpers/server-for-file';
import { inProcessServer } from '../helpers/in-process';
import { AUDIT_PAGE } from '../../server/audit';
import type { RoomState } from '../../src/lib/collab/protocol';
import en from '../../messages/en.json' with { type: 'json' };
import mk from '../../messages/mk.json' with { type: 'json' };

const server = serverForFile();

const editor = (cookie: string, strategyId: string) => server.editor(cookie, strategyId);

function roomState(e: Editor): RoomState | undefined {
	for (const state of e.provider.awareness.getStates().values()) if (state.server) return state.server as RoomState;
	return undefined;
}

const stored = async (cookie: string, strategyId: string) => (await serverDocument(server.url, cookie, strategyId)).getXmlFragment('default').toString();

describe('locking for signing', () => {
	it('[G1] only the head of the delegation locks, after giving the password again', async () => {
		const body = { password: DEMO_PASSWORD };
		expect((await api(server.url, await signIn(server.url, 'author.ba@demo.local'), '/strategies/ba-migration/lock', { body })).status).toBe(403);
		expect((await api(server.url, await signIn(server.url, 'head.hr@demo.local'), '/strategies/ba-migration/lock', { body })).status).toBe(403);
		expect((await api(server.url, await signIn(server.url, 'expert.migration@demo.local'), '/strategies/ba-migration/lock', { body })).status).toBe(403);
		expect((await api(server.url, await signIn(server.url, 'admin@demo.local'), '/strategies/ba-migration/lock', { body })).status).toBe(403);
		const head = await signIn(server.url, 'head.ba@demo.local');
		const missing = await api(server.url, head, '/strategies/ba-migration/lock', { body: {} });
		expect(missing.status).toBe(401);
		const wrong = await api(server.url, head, '/strategies/ba-migration/lock', { body: { password: 'not my password' } });
		expect(wrong.status).toBe(401);
		expect(wrong.body.error.code).toBe('wrong_password');
		expect((await api(server.url, head, '/strategies/ba-migration')).body.status).toBe('draft');
	});

	it('[G1] locking takes a lock snapshot, sets the status and turns every open editor read-only at once', async () => {
		const author = await signIn(server.url, 'author.ba@demo.local');
		const head = await signIn(server.url, 'head.ba@demo.local');
		const live = editor(author, 'ba-asylum');
		await live.synced();
		live.write('Written before the lock.');
		await until(async () => (await stored(head, 'ba-asylum')).includes('Written before the lock.'), 'the edit to be stored');

		const locked = await api(server.url, head, '/strategies/ba-asylum/lock', { body: { password: DEMO_PASSWORD, name: 'Final text for Vienna' } });
		expect(locked.status).toBe(200);
		expect(locked.body).toMatchObject({ by: { name: 'Emir Hadžić' }, name: 'Final text for Vienna', contentHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
		const strategy = await api(server.url, author, '/strategies/ba-asylum');
		expect(strategy.body).toMatchObject({ status: 'locked', lockedBy: 'Emir Hadžić', lock: { snapshotId: locked.body.snapshotId } });
		const snapshots = await api(server.url, author, '/strategies/ba-asylum/snapshots');
		expect(snapshots.body[0]).toMatchObject({ kind: 'lock', name: 'Final text for Vienna', contentHash: locked.body.contentHash });
		await until(() => roomState(live)?.status === 'locked' && roomState(live)?.lockedBy === 'Emir Hadžić', 'the open editor to hear of the lock');

		// [G4] the open connection's writes are dropped from now on.
		live.write('Written after the lock by a stale editor.');
		const check = new RawClient(server.url, head, 'ba-asylum');
		await check.opened;
		check.sendUpdate(paragraphUpdate('Written by the head through a new socket after the lock.'));
		await check.roundTrip();
		check.close();
		const text = await stored(head, 'ba-asylum');
		expect(text).toContain('Written before the lock.');
		expect(text).not.toContain('after the lock');
		expect((await api(server.url, head, '/strategies/ba-asylum/lock', { body: { password: DEMO_PASSWORD } })).status).toBe(409);
	});

	it('[G4] a client that edited offline and reconnects after the lock writes nothing', async () => {
		const author = await signIn(server.url, 'author.cs@demo.local');
		const head = await signIn(server.url, 'head.cs@demo.local');
		const stale = editor(author, 'cs-asylum');
		await stale.synced();
		stale.provider.disconnect();
		stale.write('Offline edit made before the lock, sent after it.');
		expect((await api(server.url, head, '/strategies/cs-asylum/lock', { body: { password: DEMO_PASSWORD } })).status).toBe(200);
		stale.provider.connect();
		await stale.synced();
		// The client offered its edit in the handshake; a round trip on another connection shows it was not stored.
		const probe = new RawClient(server.url, head, 'cs-asylum');
		await probe.opened;
		await probe.roundTrip();
		probe.close();
		expect(await stored(head, 'cs-asylum')).not.toContain('Offline edit made before the lock');
	});

	it('[G4] a restore into a locked strategy is refused with 409', async () => {
		const head = await signIn(server.url, 'head.cs@demo.local');
		const snapshots = await api(server.url, head, '/strategies/cs-asylum/snapshots');
		const restore = await api(server.url, head, `/strategies/cs-asylum/snapshots/${snapshots.body[0].id}/restore`, { method: 'POST' });
		expect(restore.status).toBe(409);
		expect(restore.body.error.code).toBe('strategy_locked');
	});
});

describe('signing and unlocking', () => {
	it('[G2] the head signs the locked version; the signature carries its content hash and the status is signed', async () => {
		const head = await signIn(server.url, 'head.mk@demo.local');
		const lock = await api(server.url, head, '/strategies/mk-visa/lock', { body: { password: DEMO_PASSWORD } });
		expect((await api(server.url, await signIn(server.url, 'author.mk@demo.local'), '/strategies/mk-visa/signatures', { body: { password: DEMO_PASSWORD } })).status).toBe(403);
		expect((await api(server.url, head, '/strategies/mk-visa/signatures', { body: { password: 'wrong password!' } })).status).toBe(401);
		const signed = await api(server.url, head, '/strategies/mk-visa/signatures', {
			body: { password: DEMO_PASSWORD, statement: 'Signed at the Final Consultation Event, Vienna, 29–30 September 2005' }
		});
		expect(signed.status).toBe(201);
		expect(signed.body).toMatchObject({
			user: { email: 'head.mk@demo.local', name: 'Zoran Stojanovski' },
			contentHash: lock.body.contentHash,
			statement: 'Signed at the Final Consultation Event, Vienna, 29–30 September 2005',
			superseded: false
		});
		const strategy = await api(server.url, await signIn(server.url, 'observer@demo.local'), '/strategies/mk-visa');
		expect(strategy.body).toMatchObject({ status: 'signed', signatures: [{ contentHash: lock.body.contentHash, superseded: false }] });
		expect((await api(server.url, head, '/strategies/mk-visa/signatures', { body: { password: DEMO_PASSWORD } })).status).toBe(409);
	});

	it('[G3] unlocking needs the head, the password and a reason; signatures stay, superseded', async () => {
		const head = await signIn(server.url, 'head.mk@demo.local');
		expect((await api(server.url, await signIn(server.url, 'author.mk@demo.local'), '/strategies/mk-visa/unlock', { body: { password: DEMO_PASSWORD, reason: 'x' } })).status).toBe(403);
		expect((await api(server.url, await signIn(server.url, 'head.al@demo.local'), '/strategies/mk-visa/unlock', { body: { password: DEMO_PASSWORD, reason: 'x' } })).status).toBe(403);
		expect((await api(server.url, head, '/strategies/mk-visa/unlock', { body: { password: DEMO_PASSWORD } })).status).toBe(422);
		expect((await api(server.url, head, '/strategies/mk-visa/unlock', { body: { password: DEMO_PASSWORD, reason: '   ' } })).status).toBe(422);
		expect((await api(server.url, head, '/strategies/mk-visa/unlock', { body: { reason: 'Ministry comments' } })).status).toBe(401);
		const unlocked = await api(server.url, head, '/strategies/mk-visa/unlock', { body: { password: DEMO_PASSWORD, reason: 'The ministry sent late comments.' } });
		expect(unlocked.status).toBe(200);
		expect(unlocked.body.status).toBe('draft');
		const strategy = await api(server.url, head, '/strategies/mk-visa');
		expect(strategy.body.signatures).toEqual([expect.objectContaining({ superseded: true, user: expect.objectContaining({ email: 'head.mk@demo.local' }) })]);
		expect(strategy.body.lock).toBeNull();
		// Writable again.
		const live = editor(await signIn(server.url, 'author.mk@demo.local'), 'mk-visa');
		await live.synced();
		live.write('Late comments taken in.');
		await until(async () => (await stored(head, 'mk-visa')).includes('Late comments taken in.'), 'the edit to be stored after the unlock');
	});

	it('[G2] [G3] signing or unlocking a draft is 409 not_locked; two unlocks at once unlock once, the other is told why', async () => {
		const head = await signIn(server.url, 'head.al@demo.local');
		for (const path of ['/strategies/al-visa/unlock', '/strategies/al-visa/signatures']) {
			const refused = await api(server.url, head, path, { body: { password: DEMO_PASSWORD, reason: 'Nothing to unlock.' } });
			expect(refused.status).toBe(409);
			expect(refused.body.error).toEqual({ code: 'not_locked', message: 'This strategy is a draft: it has to be locked for signing first.' });
		}
		expect((await api(server.url, head, '/strategies/al-visa/lock', { body: { password: DEMO_PASSWORD } })).status).toBe(200);
		const again = await api(server.url, head, '/strategies/al-visa/lock', { body: { password: DEMO_PASSWORD } });
		expect(again.body.error).toEqual({ code: 'strategy_locked', message: 'This strategy is already locked for signing.' });
		const both = await Promise.all(
			[1, 2].map(() => api(server.url, head, '/strategies/al-visa/unlock', { body: { password: DEMO_PASSWORD, reason: 'Clicked twice.' } }))
		);
		expect(both.map((answer) => answer.status).sort()).toEqual([200, 409]);
		expect(both.find((answer) => answer.status === 409)!.body.error.code).toBe('not_locked');
		expect((await api(server.url, head, '/strategies/al-visa')).body.status).toBe('draft');
	});
});

describe('a long audit record', () => {
	it('[G7] a page shows the newest 5,000 entries and says so; the CSV has every one', async () => {
		const local = await inProcessServer();
		try {
			const { audit, users } = local.app;
			const admin = users.actor(users.findByEmail('admin@demo.local')!.id)!;
			for (let i = 0; i < AUDIT_PAGE + 10; i++) audit.record({ userId: admin.id, action: 'role-granted', details: { i } });
			const total = audit.list(admin, {}, { whole: true }).length;
			expect(total).toBeGreaterThan(AUDIT_PAGE + 10);
			expect(audit.list(admin)).toHaveLength(AUDIT_PAGE);
			expect(audit.list(admin)[0]!.details).toEqual({ i: AUDIT_PAGE + 9 });
		} finally {
			await local.close();
		}
	});
});

describe('the audit record', () => {
	it('[P8] admins read everything, heads their delegation’s rows, others nothing; filters work', async () => {
		const admin = await signIn(server.url, 'admin@demo.local');
		const all = await api(server.url, admin, '/audit');
		expect(all.status).toBe(200);
		const actions = new Set(all.body.map((r: { action: string }) => r.action));
		for (const action of ['sign-in', 'strategy-locked', 'strategy-signed', 'strategy-unlocked', 'snapshot-taken', 'socket-write-refused']) {
			expect(actions).toContain(action);
		}
		const unlock = all.body.find((r: { action: string; strategyId?: string }) => r.action === 'strategy-unlocked' && r.strategyId === 'mk-visa');
		expect(unlock).toMatchObject({ user: { name: 'Zoran Stojanovski' }, strategyId: 'mk-visa', details: { reason: 'The ministry sent late comments.' } });

		const head = await signIn(server.url, 'head.mk@demo.local');
		const mine = await api(server.url, head, '/audit');
		expect(mine.status).toBe(200);
		expect(mine.body.length).toBeGreaterThan(0);
		expect(mine.body.every((r: { strategyId?: string }) => r.strategyId?.startsWith('mk-'))).toBe(true);
		const filtered = await api(server.url, admin, '/audit?action=strategy-signed&strategyId=mk-visa');
		expect(filtered.body).toHaveLength(1);
		// A bare date is a day in Central European Time, where the page shows the times.
		const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Belgrade' }).format(new Date());
		expect((await api(server.url, admin, `/audit?from=${today}&to=${today}&action=strategy-signed`)).body).toHaveLength(1);
		const tomorrow = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Belgrade' }).format(new Date(Date.now() + 86_400_000));
		expect((await api(server.url, admin, `/audit?from=${tomorrow}&action=strategy-signed`)).body).toHaveLength(0);
		expect((await api(server.url, admin, '/audit?from=not-a-date')).status).toBe(400);
		expect((await api(server.url, admin, '/audit?userId=abc')).status).toBe(400);
		expect((await api(server.url, await signIn(server.url, 'author.mk@demo.local'), '/audit')).status).toBe(403);
		expect((await api(server.url, await signIn(server.url, 'observer@demo.local'), '/audit')).status).toBe(403);
		const csv = await fetch(`${server.url}/api/v1/audit?format=csv`, { headers: { cookie: admin } });
		expect((await csv.text()).split('\r\n')[0]).toBe('id,at,user,email,action,strategy,details');
	});

	it('[G7] [L1] the audit page says what was done and its details in the reader’s language, never as codes or JSON', async () => {
		const head = await signIn(server.url, 'head.mk@demo.local');
		expect((await api(server.url, head, '/strategies/mk-visa/snapshots', { body: { name: 'After the Skopje working meeting' } })).status).toBe(201);
		// The API keeps the codes and the details as recorded.
		const lock = (await api(server.url, head, '/audit?action=strategy-locked&strategyId=mk-visa')).body[0];
		expect(lock).toMatchObject({ action: 'strategy-locked', details: { snapshotId: expect.any(Number), contentHash: expect.stringMatching(/^[0-9a-f]{64}$/) } });
		const admin = await signIn(server.url, 'admin@demo.local');
		for (const [cookie, language, words] of [[head, 'mk', mk], [admin, 'en', en]] as const) {
			const html = await (await fetch(`${server.url}/audit?strategyId=mk-visa`, { headers: { cookie, 'accept-language': language } })).text();
			const table = textOf(html, 'tbody');
			const strategy = `${words.delegation_mk} · ${words.module_visa}`;
			for (const seen of [
				`${words.audit_action_snapshot_taken} ${strategy} ${words.export_version}: After the Skopje working meeting`,
				`${words.audit_action_strategy_locked} ${strategy} ${words.export_version}: Locked for signing ${words.snapshot_kind_lock} ${words.export_content_hash}: ${lock.details.contentHash}`,
				words.audit_action_strategy_signed,
				`${words.audit_action_strategy_unlocked} ${strategy} ${words.export_version}: Locked for signing ${words.snapshot_kind_lock} ${words.audit_detail_reason}: The ministry sent late comments.`
			]) {
				expect(table, language).toContain(seen);
			}
			for (const raw of ['mk-visa', 'snapshot-taken', 'strategy-locked', 'strategy-signed', 'strategy-unlocked', 'snapshotId', 'contentHash', '{', '"']) {
				expect(table, language).not.toContain(raw);
			}
			expect(html).toContain(`href="/strategies/mk-visa/history/${lock.details.snapshotId}"`);
			expect(textOf(html.slice(html.indexOf('<select id="f-strategy"')), 'select')).toContain(strategy);
			expect(textOf(html.slice(html.indexOf('<select id="f-action"')), 'select')).toContain(words.audit_action_strategy_unlocked);
		}
	});
});
