import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { until } from '../helpers/collab';
import { api, postForm, signIn, subscribe, textOf } from '../helpers/http';
import { startServer, tempDatabasePath, type RunningServer } from '../helpers/server';
import { AUDIT_ACTIONS } from '../../src/lib/vocabulary';
import en from '../../messages/en.json' with { type: 'json' };
import mk from '../../messages/mk.json' with { type: 'json' };

let server: RunningServer;
let admin: string;
beforeAll(async () => {
	server = await startServer();
	admin = await signIn(server.url, 'admin@demo.local');
});
afterAll(() => server.stop());

const page = (cookie: string, p: string) => fetch(`${server.url}${p}`, { headers: { cookie }, redirect: 'manual' });

async function createUser(email: string, name: string, role: Record<string, string> = {}): Promise<{ userId: number; link: string }> {
	const response = await postForm(server.url, admin, '/admin/users?/create', { email, name, ...role });
	expect(response.status).toBe(200);
	const html = await response.text();
	const link = html.match(/http:\/\/[^"]+\/set-password\/[a-z2-7]+\.[a-z2-7]+/)?.[0];
	expect(link).toBeDefined();
	const users = await (await page(admin, '/admin/users')).text();
	const userId = Number(users.match(new RegExp(`/admin/users/(\\d+)">${name}<`))?.[1]);
	return { userId, link: link! };
}

describe('administration', () => {
	it('[P6] an admin creates a person who chooses their password through a one-time link and signs in', async () => {
		const { link } = await createUser('nada.petrovska@mvr.gov.mk', 'Nada Petrovska', { role: 'author', delegation: 'mk' });
		const tooShort = await postForm(server.url, undefined, new URL(link).pathname, { password: 'short', confirm: 'short' });
		expect(tooShort.status).toBe(422);
		expect(await tooShort.text()).toContain('at least 12 characters');
		const set = await postForm(server.url, undefined, new URL(link).pathname, { password: 'ohrid lake in may', confirm: 'ohrid lake in may' });
		expect(set.status).toBe(303);
		// [A7] the link works once.
		const again = await postForm(server.url, undefined, new URL(link).pathname, { password: 'another passphrase', confirm: 'another passphrase' });
		expect(again.status).toBe(422);
		const cookie = await signIn(server.url, 'nada.petrovska@mvr.gov.mk', 'ohrid lake in may');
		const { body } = await api(server.url, cookie, '/strategies');
		expect(body.map((s: { id: string }) => s.id).sort()).toEqual(['mk-asylum', 'mk-migration', 'mk-visa']);
	});

	it('[P6] granting and revoking a role changes what the person sees at once', async () => {
		const { userId, link } = await createUser('goran.ilic@mup.gov.rs', 'Goran Ilić');
		await postForm(server.url, undefined, new URL(link).pathname, { password: 'danube at novi sad', confirm: 'danube at novi sad' });
		const cookie = await signIn(server.url, 'goran.ilic@mup.gov.rs', 'danube at novi sad');
		expect((await api(server.url, cookie, '/strategies')).body).toEqual([]);
		await postForm(server.url, admin, `/admin/users/${userId}?/grant`, { role: 'expert', module: 'visa' });
		expect((await api(server.url, cookie, '/strategies')).body).toHaveLength(5);
		await postForm(server.url, admin, `/admin/users/${userId}?/revoke`, { role: 'expert', module: 'visa' });
		expect((await api(server.url, cookie, '/strategies')).body).toEqual([]);
	});

	it('[P6] an admin cannot remove their own admin role: the programme always keeps an administrator', async () => {
		const users = await (await page(admin, '/admin/users')).text();
		const adminId = users.match(/\/admin\/users\/(\d+)">Ingrid Bauer</)![1];
		const response = await postForm(server.url, admin, `/admin/users/${adminId}?/revoke`, { role: 'admin' });
		expect(response.status).toBe(409);
		expect(await response.text()).toContain('You cannot remove your own administrator role');
		expect((await page(admin, '/admin/users')).status).toBe(200);
	});

	it('[P6] a deactivated account gets no set-password link, and one sent before no longer works', async () => {
		const { userId, link } = await createUser('leaving.soon@demo.local', 'Leaving Soon');
		expect((await postForm(server.url, admin, `/admin/users/${userId}?/deactivate`, {})).status).toBe(200);
		const refused = await postForm(server.url, admin, `/admin/users/${userId}?/link`, {});
		expect(refused.status).toBe(409);
		expect(await refused.text()).toContain('This account is deactivated');
		const opened = await fetch(`${server.url}${new URL(link).pathname}`);
		expect(await opened.text()).toContain('This account is deactivated');
	});

	it('[P6] a role with the wrong scope is refused with a message', async () => {
		const { userId } = await createUser('wrong.scope@demo.local', 'Wrong Scope');
		const response = await postForm(server.url, admin, `/admin/users/${userId}?/grant`, { role: 'author', module: 'visa' });
		expect(response.status).toBe(422);
		expect(await response.text()).toContain('does not take that scope');
	});

	it('[A3] deactivating a person ends their sessions at once, even with a strategy page open', async () => {
		const cookie = await signIn(server.url, 'author.ba@demo.local');
		expect((await api(server.url, cookie, '/strategies')).status).toBe(200);
		const openPage = subscribe(server.url, cookie, 'ba-visa');
		await until(() => openPage.status() === 200, 'the page’s event stream to open');
		const users = await (await page(admin, '/admin/users')).text();
		const userId = users.match(/\/admin\/users\/(\d+)">Amra Kovačević</)![1];
		const response = await postForm(server.url, admin, `/admin/users/${userId}?/deactivate`, {});
		expect(response.status).toBe(200);
		expect(await response.text()).not.toContain('Something went wrong');
		await openPage.done;
		expect((await api(server.url, cookie, '/strategies')).status).toBe(401);
		const retry = await fetch(`${server.url}/login`, {
			method: 'POST',
			body: new URLSearchParams({ email: 'author.ba@demo.local', password: 'correct horse battery staple 2005' }),
			redirect: 'manual'
		});
		expect(retry.status).toBe(401);
	});

	it('[P6] nobody but an admin reaches the administration, pages or actions', async () => {
		const head = await signIn(server.url, 'head.al@demo.local');
		expect((await page(head, '/admin/users')).status).toBe(403);
		expect((await page(head, '/admin/sessions')).status).toBe(403);
		const forged = await postForm(server.url, head, '/admin/users?/create', { email: 'sneaky@demo.local', name: 'Sneaky' });
		expect(forged.status).toBe(403);
		const users = await (await page(admin, '/admin/users')).text();
		expect(users).not.toContain('sneaky@demo.local');
		expect(users).toContain('head.al@demo.local');
	});

	it('[P6] the admin sees active sessions and ends one; the record says whose it was, and an unknown one is 404', async () => {
		const expert = await signIn(server.url, 'expert.migration@demo.local');
		const html = await (await page(admin, '/admin/sessions')).text();
		expect(html).toContain('expert.migration@demo.local');
		const sessionId = decodeURIComponent(expert.split('=')[1]!).split('.')[0]!;
		expect((await postForm(server.url, admin, '/admin/sessions?/end', { id: sessionId })).status).toBe(200);
		expect((await api(server.url, expert, '/strategies')).status).toBe(401);
		const ended = (await api(server.url, admin, '/audit?action=sessions-ended')).body[0];
		expect(ended.details).toEqual({ sessionId, user: 'expert.migration@demo.local' });
		const unknown = await postForm(server.url, admin, '/admin/sessions?/end', { id: 'made-up-session' });
		expect(unknown.status).toBe(404);
		expect(await unknown.text()).toContain('That session has already ended.');
	});

	it('[G7] [L1] the audit page names the person a change concerned and the role given, in the reader’s language', async () => {
		const { userId } = await createUser('vesna.kostic@mup.gov.rs', 'Vesna Kostić');
		await postForm(server.url, admin, `/admin/users/${userId}?/grant`, { role: 'expert', module: 'asylum' });
		for (const [language, words] of [['mk', mk], ['en', en]] as const) {
			const html = await (await fetch(`${server.url}/audit`, { headers: { cookie: admin, 'accept-language': language } })).text();
			const table = textOf(html, 'tbody');
			const role = words.role_in_scope.replace('{role}', words.role_expert).replace('{scope}', `${words.module_asylum} (UNHCR)`);
			expect(table, language).toContain(`${words.audit_action_user_created} ${words.audit_detail_user}: Vesna Kostić`);
			expect(table, language).toContain(`${words.audit_action_role_granted} ${words.audit_detail_user}: Vesna Kostić ${words.field_role}: ${role}`);
			expect(table, language).toContain(`${words.audit_action_sign_in} ${words.audit_detail_ip}: `);
			expect(table, language).not.toContain('vesna.kostic@');
			expect(AUDIT_ACTIONS.filter((action) => new RegExp(`(^|\\s)${action}(\\s|$)`).test(table)), language).toEqual([]);
		}
	});
});

describe('the admin command line', () => {
	const run = promisify(execFile);
	const root = path.resolve(import.meta.dirname, '../..');
	const admin = (databasePath: string, args: string[], input?: string) => {
		const child = run(process.execPath, ['--import', 'tsx', 'server/cli/admin.ts', ...args], {
			cwd: root,
			env: { ...process.env, DATABASE_PATH: databasePath }
		});
		child.child.stdin?.end(input ?? '');
		return child;
	};

	it('creates the first admin of a production install (SEED=none), who then signs in', async () => {
		const databasePath = tempDatabasePath();
		await admin(databasePath, ['create-user', '--email', 'ops@ministry.example', '--name', 'Operations', '--role', 'admin'], 'a strong first password\n');
		const granted = await admin(databasePath, ['grant', '--email', 'ops@ministry.example', '--role', 'observer']);
		expect(granted.stdout).toContain('Observer · whole programme');
		const list = await admin(databasePath, ['list-users']);
		expect(list.stdout).toContain('ops@ministry.example');
		expect(list.stdout).toContain('Administrator');

		const production = await startServer({ databasePath, env: { SEED: 'none' } });
		try {
			const cookie = await signIn(production.url, 'ops@ministry.example', 'a strong first password');
			expect((await api(production.url, cookie, '/strategies')).body).toEqual([]);
		} finally {
			await production.stop();
		}
	});

	it('refuses a short password and an unknown command with a clear message', async () => {
		const databasePath = tempDatabasePath();
		await expect(admin(databasePath, ['create-user', '--email', 'x@example.org', '--name', 'X'], 'short\n')).rejects.toMatchObject({
			stderr: expect.stringContaining('at least 12 characters')
		});
		await expect(admin(databasePath, ['frobnicate'])).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('unknown command') });
	});
});
