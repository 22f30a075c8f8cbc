import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { until } from '../helpers/collab';
import { api, postForm, signIn, subscribe } from '../helpers/http';
import { serverForFile } from '../helpers/server-for-file';

const server = serverForFile();

describe('comment threads', () => {
	it('[N3] a thread on a passage is replied to, resolved (hidden unless asked for) and reopened', async () => {
		const expert = await signIn(server.url, 'expert.migration@demo.local');
		const author = await signIn(server.url, 'author.cs@demo.local');
		const created = await api(server.url, expert, '/strategies/cs-migration/comments', {
			body: { body: 'Which authority decides on family reunification?', selector: { exact: 'Introduction', prefix: '1 ' } }
		});
		expect(created.status).toBe(201);
		expect(created.body).toMatchObject({
			id: expect.any(Number),
			body: 'Which authority decides on family reunification?',
			author: { name: 'Sophie Laurent', email: 'expert.migration@demo.local' },
			selector: { exact: 'Introduction' },
			orphaned: false,
			resolved: false,
			replies: []
		});
		const reply = await api(server.url, author, `/strategies/cs-migration/comments/${created.body.id}/replies`, {
			body: { body: 'The Ministry of Interior, within nine months.' }
		});
		expect(reply.status).toBe(201);
		expect(reply.body).toMatchObject({ body: 'The Ministry of Interior, within nine months.', author: { name: 'Jelena Marković' } });

		const threads = await api(server.url, author, '/strategies/cs-migration/comments');
		expect(threads.body.find((t: { id: number }) => t.id === created.body.id).replies).toHaveLength(1);

		expect((await api(server.url, author, `/strategies/cs-migration/comments/${created.body.id}/resolve`, { method: 'POST' })).body.resolved).toBe(true);
		const open = await api(server.url, author, '/strategies/cs-migration/comments');
		expect(open.body.map((t: { id: number }) => t.id)).not.toContain(created.body.id);
		const all = await api(server.url, author, '/strategies/cs-migration/comments?resolved=include');
		expect(all.body.find((t: { id: number }) => t.id === created.body.id)).toMatchObject({ resolved: true });
		expect((await api(server.url, expert, `/strategies/cs-migration/comments/${created.body.id}/reopen`, { method: 'POST' })).body.resolved).toBe(false);
	});

	it('[N3] a comment on the whole strategy has no passage; people edit and delete only their own', async () => {
		const head = await signIn(server.url, 'head.cs@demo.local');
		const author = await signIn(server.url, 'author.cs@demo.local');
		const thread = await api(server.url, head, '/strategies/cs-asylum/comments', { body: { body: 'Please finish section 5 by Friday.' } });
		expect(thread.body.selector).toBeUndefined();
		expect((await api(server.url, author, `/strategies/cs-asylum/comments/${thread.body.id}`, { method: 'PATCH', body: { body: 'Hijacked' } })).status).toBe(403);
		expect((await api(server.url, author, `/strategies/cs-asylum/comments/${thread.body.id}`, { method: 'DELETE' })).status).toBe(403);
		expect((await api(server.url, head, `/strategies/cs-asylum/comments/${thread.body.id}`, { method: 'PATCH', body: { body: 'Please finish section 5 by Thursday.' } })).status).toBe(200);
		const edited = (await api(server.url, author, '/strategies/cs-asylum/comments')).body.find((t: { id: number }) => t.id === thread.body.id);
		expect(edited).toMatchObject({ body: 'Please finish section 5 by Thursday.', editedAt: expect.any(String) });
		expect((await api(server.url, head, `/strategies/cs-asylum/comments/${thread.body.id}`, { method: 'DELETE' })).status).toBe(200);
		const deleted = (await api(server.url, author, '/strategies/cs-asylum/comments')).body.find((t: { id: number }) => t.id === thread.body.id);
		expect(deleted).toMatchObject({ deleted: true, body: '' });
	});

	it('[N3] a thread whose passage was deleted is moved to another passage by its author or the delegation’s writers, no one else', async () => {
		const author = await signIn(server.url, 'author.ba@demo.local');
		const head = await signIn(server.url, 'head.ba@demo.local');
		const expert = await signIn(server.url, 'expert.visa@demo.local');
		const thread = await api(server.url, author, '/strategies/ba-visa/comments', {
			body: { body: 'Is this still the right institution?', selector: { exact: 'Current situation', prefix: '2 ' } }
		});
		expect(thread.status).toBe(201);
		const reply = await api(server.url, expert, `/strategies/ba-visa/comments/${thread.body.id}/replies`, { body: { body: 'It is.' } });
		const read = async () => (await api(server.url, author, '/strategies/ba-visa/comments')).body.find((t: { id: number }) => t.id === thread.body.id);

		const editor = server.editor(head, 'ba-visa');
		await editor.synced();
		const heading = (editor.doc.getXmlFragment('default').toArray() as Y.XmlElement[]).find((block) => block.toString().includes('2 Current situation'))!;
		const text = heading.get(0) as Y.XmlText;
		text.delete(0, text.length);
		await until(async () => (await read()).orphaned === true, 'the thread to lose its passage');

		const move = (cookie: string, id: number, selector: object) =>
			api(server.url, cookie, `/strategies/ba-visa/comments/${id}`, { method: 'PATCH', body: { selector } });
		const refused = await move(expert, thread.body.id, { exact: '1 Introduction' });
		expect([refused.status, refused.body.error.code]).toEqual([403, 'forbidden']);
		expect((await move(author, reply.body.id, { exact: '1 Introduction' })).status).toBe(422);
		expect((await move(author, thread.body.id, { exact: 'not in this strategy' })).status).toBe(422);
		expect(await read()).toMatchObject({ orphaned: true, body: 'Is this still the right institution?' });

		expect((await move(author, thread.body.id, { exact: '1 Introduction' })).status).toBe(200);
		expect(await read()).toMatchObject({ orphaned: false, selector: { exact: '1 Introduction' }, body: 'Is this still the right institution?' });
		expect((await move(head, thread.body.id, { exact: '3 EU standards and benchmarks' })).status).toBe(200);
		expect(await read()).toMatchObject({ orphaned: false, selector: { exact: '3 EU standards and benchmarks' }, replies: [{ body: 'It is.' }] });
	});

	it('[N3] @mentions name people who can read the strategy; anyone else is refused with 422', async () => {
		const author = await signIn(server.url, 'author.cs@demo.local');
		const people = await api(server.url, author, '/strategies/cs-visa/people');
		const expert = people.body.find((p: { email: string }) => p.email === 'expert.visa@demo.local');
		expect(people.body.map((p: { email: string }) => p.email)).not.toContain('author.al@demo.local');
		const mentioned = await api(server.url, author, '/strategies/cs-visa/comments', { body: { body: `@${expert.name} could you check?`, mentions: [expert.id] } });
		expect(mentioned.status).toBe(201);
		expect(mentioned.body.mentions).toEqual([{ id: expert.id, name: 'Katarina Weiss', email: 'expert.visa@demo.local' }]);
		// Correcting the words alone keeps who is mentioned; sending `mentions` replaces them.
		const thread = async () =>
			(await api(server.url, author, '/strategies/cs-visa/comments')).body.find((t: { id: number }) => t.id === mentioned.body.id);
		const path = `/strategies/cs-visa/comments/${mentioned.body.id}`;
		expect((await api(server.url, author, path, { method: 'PATCH', body: { body: `@${expert.name} could you check? (typo fixed)` } })).status).toBe(200);
		expect((await thread()).mentions).toEqual([expect.objectContaining({ id: expert.id })]);
		await api(server.url, author, path, { method: 'PATCH', body: { body: 'No one in particular.', mentions: [] } });
		expect((await thread()).mentions).toEqual([]);
		const albanian = (await api(server.url, await signIn(server.url, 'admin@demo.local'), '/strategies/al-visa/people')).body.find(
			(p: { email: string }) => p.email === 'author.al@demo.local'
		);
		const refused = await api(server.url, author, '/strategies/cs-visa/comments', { body: { body: 'hello', mentions: [albanian.id] } });
		expect(refused.status).toBe(422);
	});

	it('[P4] observers, admins and other delegations may not comment; empty comments are refused', async () => {
		const body = { body: 'A remark.' };
		expect((await api(server.url, await signIn(server.url, 'observer@demo.local'), '/strategies/cs-visa/comments', { body })).status).toBe(403);
		expect((await api(server.url, await signIn(server.url, 'admin@demo.local'), '/strategies/cs-visa/comments', { body })).status).toBe(403);
		expect((await api(server.url, await signIn(server.url, 'author.hr@demo.local'), '/strategies/cs-visa/comments', { body })).status).toBe(403);
		expect((await api(server.url, await signIn(server.url, 'author.cs@demo.local'), '/strategies/cs-visa/comments', { body: { body: '   ' } })).status).toBe(422);
	});
});

describe('live updates', () => {
	it('[N3] an open page hears of a new annotation and comment on its strategy, and only on it', async () => {
		const author = await signIn(server.url, 'author.mk@demo.local');
		const stream = subscribe(server.url, author, 'mk-migration');
		const other = subscribe(server.url, author, 'mk-visa');
		await until(() => stream.status() === 200 && other.status() === 200, 'the streams to open');
		const expert = await signIn(server.url, 'expert.migration@demo.local');
		const benchmarks = await api(server.url, expert, '/benchmarks?module=migration');
		const created = await api(server.url, expert, '/strategies/mk-migration/annotations', {
			body: { benchmarkId: benchmarks.body[0].id, selector: { exact: 'Introduction', prefix: '1 ' }, assessment: 'partial' }
		});
		await until(() => stream.events.some((e) => JSON.stringify(e) === JSON.stringify({ type: 'annotations', id: created.body.id })), 'the annotation event', 1_000);
		const comment = await api(server.url, expert, '/strategies/mk-migration/comments', { body: { body: 'See MIG-01.' } });
		await until(() => stream.events.some((e) => JSON.stringify(e) === JSON.stringify({ type: 'comments', threadId: comment.body.id })), 'the comment event', 1_000);
		expect(other.events).toEqual([]);
		stream.close();
		other.close();
	});

	it('[N3] a stream is refused to those who may not read the strategy, and ends when access is revoked', async () => {
		const outsider = await signIn(server.url, 'author.al@demo.local');
		const refused = subscribe(server.url, outsider, 'mk-migration');
		await refused.done;
		expect(refused.status()).toBe(403);

		const admin = await signIn(server.url, 'admin@demo.local');
		const users = await (await fetch(`${server.url}/admin/users`, { headers: { cookie: admin } })).text();
		const id = users.match(/\/admin\/users\/(\d+)">Katarina Weiss</)![1];
		const expert = await signIn(server.url, 'expert.visa@demo.local');
		const stream = subscribe(server.url, expert, 'mk-visa');
		await until(() => stream.status() === 200, 'the stream to open');
		await postForm(server.url, admin, `/admin/users/${id}?/revoke`, { role: 'expert', module: 'visa' });
		await until(() => stream.ended(), 'the stream to end');
	});
});
