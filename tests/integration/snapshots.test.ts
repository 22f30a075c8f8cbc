import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { until } from '../helpers/collab';
import { api, signIn, textOf } from '../helpers/http';
import { serverForFile } from '../helpers/server-for-file';
import { inProcessServer } from '../helpers/in-process';

const server = serverForFile({ env: { AUTO_SNAPSHOT_QUIET_MS: '400' } });

const editor = (cookie: string, strategyId: string) => server.editor(cookie, strategyId);

const text = async (cookie: string, strategyId: string) => (await api(server.url, cookie, `/strategies/${strategyId}/content?format=text`)).body as string;

describe('snapshots', () => {
	it('[V1] an author takes a named snapshot; it is listed and can be read in every format', async () => {
		const author = await signIn(server.url, 'author.al@demo.local');
		const taken = await api(server.url, author, '/strategies/al-visa/snapshots', { body: { name: 'After the Tirana working meeting' } });
		expect(taken.status).toBe(201);
		expect(taken.body).toMatchObject({
			id: expect.any(Number),
			name: 'After the Tirana working meeting',
			kind: 'manual',
			contentHash: expect.stringMatching(/^[0-9a-f]{64}$/),
			createdBy: { name: 'Elira Dervishi' }
		});
		const list = await api(server.url, author, '/strategies/al-visa/snapshots');
		expect(list.body[0].id).toBe(taken.body.id);
		const json = await api(server.url, author, `/strategies/al-visa/snapshots/${taken.body.id}`);
		expect(json.body.content.type).toBe('doc');
		const markdown = await api(server.url, author, `/strategies/al-visa/snapshots/${taken.body.id}?format=markdown`);
		expect(markdown.body.content).toContain('## 1 Introduction');
		expect((await api(server.url, author, `/strategies/al-visa/snapshots/${taken.body.id}?format=pdf`)).status).toBe(400);
		expect((await api(server.url, author, '/strategies/al-visa/snapshots', { body: { name: '  ' } })).status).toBe(422);
		// A name nobody can see or click is no name; one that reverses what follows it ("evil" shown as "live") loses the reversal.
		expect((await api(server.url, author, '/strategies/al-visa/snapshots', { body: { name: '\u200B\u200B \uFEFF' } })).status).toBe(422);
		const reversed = await api(server.url, author, '/strategies/al-visa/snapshots', { body: { name: 'Draft \u202Elive\u202C' } });
		expect(reversed.body.name).toBe('Draft live');
	});

	it('[V1] experts and observers may read snapshots but not take them; other delegations not even read', async () => {
		const body = { name: 'Not allowed' };
		expect((await api(server.url, await signIn(server.url, 'expert.visa@demo.local'), '/strategies/al-visa/snapshots', { body })).status).toBe(403);
		expect((await api(server.url, await signIn(server.url, 'observer@demo.local'), '/strategies/al-visa/snapshots', { body })).status).toBe(403);
		expect((await api(server.url, await signIn(server.url, 'expert.visa@demo.local'), '/strategies/al-visa/snapshots')).status).toBe(200);
		expect((await api(server.url, await signIn(server.url, 'author.hr@demo.local'), '/strategies/al-visa/snapshots')).status).toBe(403);
	});

	it('[V5] a diff shows inserted text as an insert and deleted text as a delete', async () => {
		const author = await signIn(server.url, 'author.ba@demo.local');
		const before = await api(server.url, author, '/strategies/ba-visa/snapshots', { body: { name: 'Before the edit' } });
		const live = editor(author, 'ba-visa');
		await live.synced();
		live.write('Visa liberalisation roadmap received in 2008.');
		await until(async () => (await text(author, 'ba-visa')).includes('roadmap received'), 'the edit to be stored');
		const diff = await api(server.url, author, `/strategies/ba-visa/diff?from=${before.body.id}&to=current`);
		expect(diff.status).toBe(200);
		expect(diff.body).toMatchObject({ from: before.body.id, to: 'current' });
		expect(diff.body.changes.filter((c: { op: string }) => c.op === 'insert').map((c: { text: string }) => c.text).join('')).toContain('Visa liberalisation roadmap received in 2008.');
		expect(diff.body.summary.wordsAdded).toBe(6);

		const after = await api(server.url, author, '/strategies/ba-visa/snapshots', { body: { name: 'After the edit' } });
		const back = await api(server.url, author, `/strategies/ba-visa/diff?from=${after.body.id}&to=${before.body.id}`);
		expect(back.body.changes.filter((c: { op: string }) => c.op === 'delete').map((c: { text: string }) => c.text).join('')).toContain('roadmap received');
		expect((await api(server.url, author, '/strategies/ba-visa/diff?from=current')).status).toBe(400);
	});

	it('[V5] a change of formatting alone (bold words, a heading demoted) is a change the API and the compare page describe in words', async () => {
		const author = await signIn(server.url, 'author.cs@demo.local');
		const before = await api(server.url, author, '/strategies/cs-asylum/snapshots', { body: { name: 'Before formatting' } });
		const live = editor(author, 'cs-asylum');
		await live.synced();
		let emphasised = '';
		let demoted = '';
		live.doc.transact(() => {
			const blocks = live.doc.getXmlFragment('default').toArray().filter((node): node is Y.XmlElement => node instanceof Y.XmlElement);
			const heading = blocks.find((node) => node.nodeName === 'heading' && Number(node.getAttribute('level')) === 2)!;
			demoted = heading.toArray().map((text) => (text as Y.XmlText).toString()).join('');
			heading.setAttribute('level', 3 as unknown as string);
			// The first plain words of a paragraph, made bold as the editor's Bold button does.
			for (const paragraph of blocks.filter((node) => node.nodeName === 'paragraph')) {
				const text = paragraph.get(0) as Y.XmlText;
				let offset = 0;
				for (const run of text.toDelta() as { insert: string; attributes?: object }[]) {
					const word = /^\p{L}{4,}/u.exec(run.insert)?.[0];
					if (!run.attributes && word) {
						text.format(offset, word.length, { bold: {} });
						emphasised = word;
						return;
					}
					offset += run.insert.length;
				}
			}
		});
		expect(emphasised).not.toBe('');
		await until(async () => (await api(server.url, author, `/strategies/cs-asylum/diff?from=${before.body.id}&to=current`)).body.summary.formattingChanges === 2, 'the formatting to be stored');
		const after = await api(server.url, author, '/strategies/cs-asylum/snapshots', { body: { name: 'After formatting' } });

		const diff = await api(server.url, author, `/strategies/cs-asylum/diff?from=${before.body.id}&to=${after.body.id}`);
		expect(diff.body.summary).toMatchObject({ formattingChanges: 2, wordsAdded: 0, wordsRemoved: 0, blocksAdded: 0, blocksRemoved: 0 });
		expect(diff.body.changes.every((c: { op: string }) => c.op === 'equal')).toBe(true);
		expect(diff.body.changes.filter((c: { marksBefore?: unknown }) => c.marksBefore)).toEqual([expect.objectContaining({ text: emphasised, marks: [{ type: 'bold' }], marksBefore: [] })]);
		expect(diff.body.blocks.filter((b: { before?: unknown }) => b.before)).toEqual([expect.objectContaining({ kind: 'heading', level: 3, status: 'changed', before: { kind: 'heading', level: 2 } })]);

		const comparePage = async (language: string) => {
			const response = await fetch(`${server.url}/strategies/cs-asylum/history/compare?from=${before.body.id}&to=${after.body.id}`, { headers: { cookie: author, 'accept-language': language } });
			expect(response.status).toBe(200);
			const html = await response.text();
			return { html, summary: textOf(html.slice(html.indexOf('class="summary')), 'p'), article: textOf(html, 'article') };
		};
		const english = await comparePage('en');
		expect(english.summary).toContain('Formatting changes: 2.');
		expect(english.article).toContain(`${emphasised} (Formatting changed. Before: no formatting; now: bold)`);
		expect(english.article).toContain(`Before: heading, level 2; now: heading, level 3 ${demoted}`);
		// The words read as they do in the editor: in bold, not only described.
		expect(english.html).toMatch(new RegExp(`<strong[^>]*>(<!--[^>]*-->)*${emphasised}(<!--[^>]*-->)*</strong>`));
		const croatian = await comparePage('hr');
		expect(croatian.summary).toContain('Promjene oblikovanja: 2.');
		expect(croatian.article).toContain(`${emphasised} (Promijenjeno oblikovanje. Prije: bez oblikovanja; sada: podebljano)`);
		expect(croatian.article).toContain(`Prije: naslov, razina 2; sada: naslov, razina 3 ${demoted}`);
	});

	it('[V4] a restore reaches live editors in place, keeps a pre-restore snapshot, and can itself be undone', async () => {
		const author = await signIn(server.url, 'author.mk@demo.local');
		const head = await signIn(server.url, 'head.mk@demo.local');
		const original = await api(server.url, author, '/strategies/mk-asylum/snapshots', { body: { name: 'Original outline' } });
		const a = editor(author, 'mk-asylum');
		const b = editor(head, 'mk-asylum');
		await Promise.all([a.synced(), b.synced()]);
		a.write('A paragraph that the restore will take away.');
		await until(() => b.xml().includes('restore will take away'), 'B to see the paragraph');

		const restored = await api(server.url, head, `/strategies/mk-asylum/snapshots/${original.body.id}/restore`, { method: 'POST' });
		expect(restored.status).toBe(200);
		expect(restored.body.preRestore).toMatchObject({ kind: 'pre-restore', name: 'Before restoring “Original outline”' });
		// Everyone connected sees the text change in place, with no reload.
		await until(() => !a.xml().includes('restore will take away') && !b.xml().includes('restore will take away'), 'the restore to reach both editors');
		expect(a.xml()).toBe(b.xml());
		expect(a.xml()).toContain('1 Introduction');

		// The restore is undone by restoring the pre-restore snapshot.
		await api(server.url, head, `/strategies/mk-asylum/snapshots/${restored.body.preRestore.id}/restore`, { method: 'POST' });
		await until(() => a.xml().includes('restore will take away'), 'the undo to reach A');
		expect(await text(author, 'mk-asylum')).toContain('A paragraph that the restore will take away.');
		const kinds = (await api(server.url, author, '/strategies/mk-asylum/snapshots')).body.map((s: { kind: string }) => s.kind);
		expect(kinds.filter((k: string) => k === 'pre-restore')).toHaveLength(2);
		// Copies of copies keep within the length of a name.
		const longest = await api(server.url, author, '/strategies/mk-asylum/snapshots', { body: { name: 'N'.repeat(200) } });
		const copy = await api(server.url, head, `/strategies/mk-asylum/snapshots/${longest.body.id}/restore`, { method: 'POST' });
		const copyOfCopy = await api(server.url, head, `/strategies/mk-asylum/snapshots/${copy.body.preRestore.id}/restore`, { method: 'POST' });
		expect(copy.body.preRestore.name.length).toBeLessThanOrEqual(200);
		expect(copyOfCopy.body.preRestore.name).toMatch(/^Before restoring “Before restoring “N+…”$/);
		expect(copyOfCopy.body.preRestore.name.length).toBeLessThanOrEqual(200);
	});

	it('[V4] annotations whose text comes back are placed again; the others stay orphaned', async () => {
		const author = await signIn(server.url, 'author.cs@demo.local');
		const expert = await signIn(server.url, 'expert.migration@demo.local');
		const snapshot = await api(server.url, author, '/strategies/cs-migration/snapshots', { body: { name: 'Before cuts' } });
		const benchmarks = await api(server.url, author, '/benchmarks?module=migration');
		const annotation = await api(server.url, expert, '/strategies/cs-migration/annotations', {
			body: { benchmarkId: benchmarks.body[0].id, selector: { exact: '6 Monitoring and reporting' }, assessment: 'planned' }
		});
		const live = editor(author, 'cs-migration');
		await live.synced();
		// Delete the heading's text: the annotation is orphaned.
		live.doc.transact(() => {
			const fragment = live.doc.getXmlFragment('default');
			for (const node of fragment.toArray()) {
				if (node.toString().includes('6 Monitoring and reporting')) fragment.delete(fragment.toArray().indexOf(node), 1);
			}
		});
		await until(async () => (await api(server.url, expert, '/strategies/cs-migration/annotations')).body.find((a: { id: number }) => a.id === annotation.body.id)?.orphaned, 'the annotation to be orphaned');
		await api(server.url, author, `/strategies/cs-migration/snapshots/${snapshot.body.id}/restore`, { method: 'POST' });
		const after = (await api(server.url, expert, '/strategies/cs-migration/annotations')).body.find((a: { id: number }) => a.id === annotation.body.id);
		expect(after).toMatchObject({ orphaned: false, selector: { exact: '6 Monitoring and reporting' } });
	});

	it('[V2] an automatic snapshot follows a quiet pause after editing', async () => {
		const author = await signIn(server.url, 'author.hr@demo.local');
		const live = editor(author, 'hr-migration');
		await live.synced();
		live.write('Work before the pause.');
		await until(
			async () => (await api(server.url, author, '/strategies/hr-migration/snapshots')).body.some((s: { kind: string; createdBy: unknown }) => s.kind === 'auto' && s.createdBy === null),
			'an automatic snapshot'
		);
	});
});

describe('restores at the same moment', () => {
	it('[V4] run one after the other: the text ends as exactly one of the versions', async () => {
		const local = await inProcessServer();
		try {
			const { snapshots, collab, users } = local.app;
			const { paragraphUpdate } = await import('../helpers/collab');
			const author = users.actor(users.findByEmail('author.hr@demo.local')!.id)!;
			const head = users.actor(users.findByEmail('head.hr@demo.local')!.id)!;
			const isVersion = (id: number) => snapshots.diff(author, 'hr-asylum', id, 'current').changes.every((change) => change.op === 'equal');
			// Two versions that each replace the same paragraph differently: two restores computed
			// against the same text would each insert their own paragraph, and the text would match neither.
			const outline = snapshots.take(author, 'hr-asylum', 'Outline').id;
			await collab.submit('hr-asylum', paragraphUpdate('Alpha paragraph of the first version.'));
			const alpha = snapshots.take(author, 'hr-asylum', 'Alpha').id;
			await snapshots.restore(author, 'hr-asylum', outline);
			await collab.submit('hr-asylum', paragraphUpdate('Beta paragraph of the second version.'));
			const beta = snapshots.take(author, 'hr-asylum', 'Beta').id;
			await snapshots.restore(author, 'hr-asylum', outline);
			await collab.submit('hr-asylum', paragraphUpdate('Gamma paragraph, in neither version.'));

			await Promise.all([snapshots.restore(author, 'hr-asylum', alpha), snapshots.restore(head, 'hr-asylum', beta)]);
			expect(isVersion(beta)).toBe(true);
			expect(isVersion(alpha)).toBe(false);
		} finally {
			await local.close();
		}
	});
});

describe('automatic snapshots', () => {
	it('[V2] equal content never makes two automatic snapshots in a row', async () => {
		const local = await inProcessServer();
		try {
			const { snapshots } = local.app;
			expect(snapshots.takeAutomatic('ba-asylum')).toMatchObject({ kind: 'auto', name: 'Automatic snapshot' });
			expect(snapshots.takeAutomatic('ba-asylum')).toBeNull();
			const { paragraphUpdate } = await import('../helpers/collab');
			await local.app.collab.submit('ba-asylum', paragraphUpdate('Something new.'));
			expect(snapshots.takeAutomatic('ba-asylum')).toMatchObject({ kind: 'auto' });
		} finally {
			await local.close();
		}
	});
});

describe('a locked strategy', () => {
	it('[V4] refuses a restore with 409', async () => {
		const local = await inProcessServer();
		try {
			const author = local.app.users.actor(local.app.users.findByEmail('author.al@demo.local')!.id)!;
			const snapshot = local.app.snapshots.take(author, 'al-migration', 'Before signing');
			local.app.db.prepare("UPDATE strategies SET status = 'locked' WHERE id = 'al-migration'").run();
			await expect(local.app.snapshots.restore(author, 'al-migration', snapshot.id)).rejects.toMatchObject({ status: 409 });
		} finally {
			await local.close();
		}
	});
});
