import http from 'node:http';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { until } from '../helpers/collab';
import { api, signIn } from '../helpers/http';
import { serverForFile } from '../helpers/server-for-file';
import { JSON_BODY_MAX_BYTES } from '../../src/lib/limits';

const server = serverForFile();

async function benchmark(cookie: string, code: string): Promise<number> {
	const { body } = await api(server.url, cookie, `/benchmarks?q=${code}`);
	return (body as { id: number; code: string }[]).find((b) => b.code === code)!.id;
}

/** The XmlText of the first paragraph whose text contains `phrase`. */
function textContaining(doc: Y.Doc, phrase: string): Y.XmlText {
	const visit = (node: Y.XmlElement | Y.XmlFragment): Y.XmlText | undefined => {
		for (const child of node.toArray()) {
			if (child instanceof Y.XmlText && child.toString().includes(phrase)) return child;
			if (child instanceof Y.XmlElement) {
				const found = visit(child);
				if (found) return found;
			}
		}
		return undefined;
	};
	return visit(doc.getXmlFragment('default'))!;
}

function plain(text: Y.XmlText): string {
	return (text.toDelta() as { insert: string }[]).map((op) => op.insert).join('');
}

describe('benchmark annotations', () => {
	it('[N1] an expert links a passage to a benchmark; the anchor follows edits before, inside and after it', async () => {
		const expert = await signIn(server.url, 'expert.asylum@demo.local');
		const author = await signIn(server.url, 'author.al@demo.local');
		const asy = await benchmark(expert, 'ASY-06');
		const editor = server.editor(author, 'al-asylum');
		await editor.synced();
		const text = textContaining(editor.doc, 'Albania');
		const sentence = plain(text);
		const exact = sentence.slice(0, 40);

		const created = await api(server.url, expert, '/strategies/al-asylum/annotations', {
			body: { benchmarkId: asy, selector: { exact }, assessment: 'partial', note: 'Procedures lack an effective remedy.' }
		});
		expect(created.status).toBe(201);
		expect(created.body).toMatchObject({
			id: expect.any(Number),
			benchmarkId: asy,
			benchmark: { code: 'ASY-06' },
			assessment: 'partial',
			selector: { exact },
			orphaned: false,
			createdBy: { name: 'Thomas Keller' }
		});

		// Edits before, inside and after the passage, made live by an author.
		text.insert(0, 'In 2005, ');
		text.insert('In 2005, '.length + 10, '[inside]');
		text.insert('In 2005, '.length + exact.length + '[inside]'.length, ' [after]');
		const expected = exact.slice(0, 10) + '[inside]' + exact.slice(10);
		await until(async () => {
			const { body } = await api(server.url, expert, '/strategies/al-asylum/annotations');
			return body.find((a: { id: number }) => a.id === created.body.id)?.selector.exact === expected;
		}, 'the annotation to read the edited passage');
		const { body } = await api(server.url, expert, '/strategies/al-asylum/annotations');
		const now = body.find((a: { id: number }) => a.id === created.body.id);
		expect(now.selector.prefix.endsWith('In 2005, ')).toBe(true);
		expect(now.selector.suffix.startsWith(' [after]')).toBe(true);

		// Deleting the passage orphans the annotation; it is kept, and can be re-anchored.
		const start = plain(text).indexOf(expected);
		text.delete(start, expected.length);
		await until(async () => {
			const { body } = await api(server.url, expert, '/strategies/al-asylum/annotations');
			return body.find((a: { id: number }) => a.id === created.body.id)?.orphaned === true;
		}, 'the annotation to be orphaned');
		const reanchored = await api(server.url, expert, `/strategies/al-asylum/annotations/${created.body.id}`, {
			method: 'PATCH',
			body: { selector: { exact: '2 Current situation' } }
		});
		expect(reanchored.status).toBe(200);
		expect(reanchored.body).toMatchObject({ orphaned: false, selector: { exact: '2 Current situation' }, note: 'Procedures lack an effective remedy.' });
	});

	it('[N1] a passage survives the editor moving its text: two paragraphs joined, a paragraph made a heading', async () => {
		const head = await signIn(server.url, 'head.ba@demo.local');
		const editor = server.editor(head, 'ba-asylum');
		await editor.synced();
		const fragment = editor.doc.getXmlFragment('default');
		const blocks = fragment.toArray() as Y.XmlElement[];
		const at = blocks.findIndex((block, i) => block.nodeName === 'paragraph' && blocks[i + 1]?.nodeName === 'paragraph' && blocks[i + 1]!.length > 0);
		const [first, second] = [blocks[at]!.get(0) as Y.XmlText, blocks[at + 1]!.get(0) as Y.XmlText];
		const moved = plain(second);
		const exact = moved.slice(0, 30);
		const linked = await api(server.url, head, '/strategies/ba-asylum/annotations', {
			body: { benchmarkId: await benchmark(head, 'ASY-02'), selector: { exact }, assessment: 'partial' }
		});
		expect(linked.status).toBe(201);
		const passage = async () => (await api(server.url, head, '/strategies/ba-asylum/annotations')).body.find((a: { id: number }) => a.id === linked.body.id);
		const stored = async (format: string, check: (text: string) => boolean) => {
			await until(async () => check((await api(server.url, head, `/strategies/ba-asylum/content?format=${format}`)).body as string), 'the change to be stored');
		};

		// Backspace at the start of the second paragraph, as the editor writes it: its text is removed and typed again at the end of the first.
		const before = plain(first);
		editor.doc.transact(() => {
			first.insert(first.length, moved);
			fragment.delete(at + 1, 1);
		});
		await stored('text', (text) => text.includes(before + moved));
		expect(await passage()).toMatchObject({ orphaned: false, selector: { exact } });

		// The joined paragraph becomes a heading: a new element with the same words.
		const words = plain(first);
		editor.doc.transact(() => {
			const heading = new Y.XmlElement('heading');
			heading.setAttribute('level', 2 as unknown as string);
			heading.insert(0, [new Y.XmlText(words)]);
			fragment.delete(at, 1);
			fragment.insert(at, [heading]);
		});
		await stored('markdown', (text) => text.includes(`## ${words}`));
		expect(await passage()).toMatchObject({ orphaned: false, selector: { exact } });
		const coverage = await api(server.url, head, '/strategies/ba-asylum/coverage');
		expect(coverage.body.find((c: { benchmark: { code: string } }) => c.benchmark.code === 'ASY-02')).toMatchObject({ assessment: 'partial' });
	});

	it('[N1] Enter inside a passage keeps the whole passage, across the break; undoing it brings back the passage as it was', async () => {
		const author = await signIn(server.url, 'author.hr@demo.local');
		const editor = server.editor(author, 'hr-asylum');
		await editor.synced();
		const fragment = editor.doc.getXmlFragment('default');
		const blocks = fragment.toArray() as Y.XmlElement[];
		const at = blocks.findIndex((block) => block.nodeName === 'paragraph' && (block.get(0) as Y.XmlText).length > 80);
		const text = blocks[at]!.get(0) as Y.XmlText;
		const sentence = plain(text);
		const exact = sentence.slice(10, 60);
		const linked = await api(server.url, author, '/strategies/hr-asylum/annotations', {
			body: { benchmarkId: await benchmark(author, 'ASY-02'), selector: { exact }, assessment: 'planned' }
		});
		expect(linked.status).toBe(201);
		const passage = async () => (await api(server.url, author, '/strategies/hr-asylum/annotations')).body.find((a: { id: number }) => a.id === linked.body.id);
		const stored = async (check: (text: string) => boolean) => {
			await until(async () => check((await api(server.url, author, '/strategies/hr-asylum/content?format=text')).body as string), 'the change to be stored');
		};

		// Enter in the middle of the passage, as the editor writes it: the words after the cursor are removed and typed again in a new paragraph.
		const undo = new Y.UndoManager(fragment, { trackedOrigins: new Set(['keyboard']) });
		const moved = sentence.slice(35);
		editor.doc.transact(() => {
			text.delete(35, moved.length);
			const next = new Y.XmlElement('paragraph');
			next.insert(0, [new Y.XmlText(moved)]);
			fragment.insert(at + 1, [next]);
		}, 'keyboard');
		await stored((stored) => stored.includes(`${sentence.slice(0, 35)}\n\n${moved}`));
		const split = `${exact.slice(0, 25)}\n${exact.slice(25)}`;
		expect(await passage()).toMatchObject({ orphaned: false, selector: { exact: split } });

		undo.undo();
		await stored((stored) => stored.includes(sentence));
		expect(await passage()).toMatchObject({ orphaned: false, selector: { exact, suffix: sentence.slice(60, 92) } });

		// The editor may also write both halves anew: no character of the passage is left, and its quote, breaks aside, finds it.
		const whole = fragment.toArray().findIndex((block) => plain((block as Y.XmlElement).get(0) as Y.XmlText) === sentence);
		editor.doc.transact(() => {
			const halves = [sentence.slice(0, 35), sentence.slice(35)].map((half) => {
				const paragraph = new Y.XmlElement('paragraph');
				paragraph.insert(0, [new Y.XmlText(half)]);
				return paragraph;
			});
			fragment.delete(whole, 1);
			fragment.insert(whole, halves);
		});
		await stored((stored) => stored.includes(`${sentence.slice(0, 35)}\n\n${moved}`));
		expect(await passage()).toMatchObject({ orphaned: false, selector: { exact: split } });
	});

	it('[N1] a quote that is absent or ambiguous is refused with 422; prefix or suffix make it unique', async () => {
		const author = await signIn(server.url, 'author.ba@demo.local');
		const mig = await benchmark(author, 'MIG-01');
		const absent = await api(server.url, author, '/strategies/ba-migration/annotations', {
			body: { benchmarkId: mig, selector: { exact: 'not in this strategy at all' }, assessment: 'gap' }
		});
		expect(absent.status).toBe(422);
		expect(absent.body.error.code).toBe('invalid');
		const ambiguous = await api(server.url, author, '/strategies/ba-migration/annotations', {
			body: { benchmarkId: mig, selector: { exact: 'Ministry' }, assessment: 'gap' }
		});
		expect(ambiguous.status).toBe(422);
		expect(ambiguous.body.error.details).toEqual({ quote: 'ambiguous' });
		const unique = await api(server.url, author, '/strategies/ba-migration/annotations', {
			body: { benchmarkId: mig, selector: { exact: 'Introduction', prefix: '1 ' }, assessment: 'planned' }
		});
		expect(unique.status).toBe(201);
	});

	it('[W4] malformed bodies are refused: not JSON 400, wrong types 422, another module’s benchmark 422', async () => {
		const author = await signIn(server.url, 'author.ba@demo.local');
		expect((await api(server.url, author, '/strategies/ba-visa/annotations', { body: '{"benchmarkId":' })).status).toBe(400);
		const wrong = await api(server.url, author, '/strategies/ba-visa/annotations', {
			body: { benchmarkId: 'seven', selector: { exact: 'Visa' }, assessment: 'excellent' }
		});
		expect(wrong.status).toBe(422);
		expect(wrong.body.error.message).toMatch(/benchmarkId/);
		const otherModule = await api(server.url, author, '/strategies/ba-visa/annotations', {
			body: { benchmarkId: await benchmark(author, 'ASY-01'), selector: { exact: 'Introduction', prefix: '1 ' }, assessment: 'gap' }
		});
		expect(otherModule.status).toBe(422);
		const huge = await api(server.url, author, '/strategies/ba-visa/annotations', { body: { note: 'x'.repeat(2_000_000) } });
		expect(huge.status).toBe(413);
		// Sent in chunks, with no length declared, and never finished: the 413 comes while the body is
		// still arriving, rather than never. The sender stops once past the limit, so no reset of a
		// connection it is still writing to can overtake the answer.
		const status = await new Promise<number>((resolve, reject) => {
			const request = http.request(`${server.url}/api/v1/strategies/ba-visa/annotations`, {
				method: 'POST',
				headers: { cookie: author, 'content-type': 'application/json', 'transfer-encoding': 'chunked' }
			});
			request.on('response', (response) => {
				resolve(response.statusCode!);
				request.destroy();
			});
			request.on('error', reject);
			let sent = 0;
			const more = () => {
				while (sent <= JSON_BODY_MAX_BYTES) {
					sent += 64_000;
					if (!request.write('x'.repeat(64_000))) return void request.once('drain', more);
				}
			};
			more();
		});
		expect(status).toBe(413);
	});

	it('[P4] observers may not annotate; other delegations and other modules’ experts get 403', async () => {
		const observer = await signIn(server.url, 'observer@demo.local');
		const mig = await benchmark(observer, 'MIG-02');
		const body = { benchmarkId: mig, selector: { exact: 'Introduction', prefix: '1 ' }, assessment: 'aligned' };
		expect((await api(server.url, observer, '/strategies/hr-migration/annotations', { body })).status).toBe(403);
		expect((await api(server.url, await signIn(server.url, 'author.al@demo.local'), '/strategies/hr-migration/annotations', { body })).status).toBe(403);
		expect((await api(server.url, await signIn(server.url, 'expert.visa@demo.local'), '/strategies/hr-migration/annotations', { body })).status).toBe(403);
		expect((await api(server.url, await signIn(server.url, 'expert.migration@demo.local'), '/strategies/hr-migration/annotations', { body })).status).toBe(201);
	});

	it('[N2] the regional matrix and the strategy’s coverage reflect a new annotation; CSV too', async () => {
		const head = await signIn(server.url, 'head.mk@demo.local');
		const vis = await benchmark(head, 'VIS-02');
		const before = await api(server.url, head, '/matrix');
		const cell = () => (before.body.cells as { benchmarkId: number; delegation: string }[]).find((c) => c.benchmarkId === vis && c.delegation === 'mk');
		expect(cell()).toMatchObject({ assessment: null, annotationCount: 0 });
		// Only what the head may read: no cells for other delegations.
		expect((before.body.cells as { delegation: string }[]).every((c) => c.delegation === 'mk')).toBe(true);

		await api(server.url, head, '/strategies/mk-visa/annotations', {
			body: { benchmarkId: vis, selector: { exact: 'Introduction', prefix: '1 ' }, assessment: 'gap' }
		});
		const after = await api(server.url, head, '/matrix');
		expect((after.body.cells as { benchmarkId: number; delegation: string }[]).find((c) => c.benchmarkId === vis && c.delegation === 'mk')).toMatchObject({
			assessment: 'gap',
			annotationCount: 1
		});
		const coverage = await api(server.url, head, '/strategies/mk-visa/coverage');
		expect(coverage.body.find((c: { benchmark: { code: string } }) => c.benchmark.code === 'VIS-02')).toMatchObject({ assessment: 'gap' });
		expect(coverage.body.find((c: { benchmark: { code: string } }) => c.benchmark.code === 'VIS-03')).toMatchObject({ assessment: null });

		const csv = await fetch(`${server.url}/api/v1/matrix?format=csv`, { headers: { cookie: head, 'accept-language': 'en' } });
		expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
		const bytes = new Uint8Array(await csv.arrayBuffer());
		// A byte-order mark first, so that Excel reads the names as UTF-8.
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const text = new TextDecoder().decode(bytes);
		expect(text.split('\r\n')[0]).toBe('Module,Code,Benchmark,Albania,Bosnia and Herzegovina,Croatia,North Macedonia,Serbia and Montenegro');
		expect(text).toMatch(/Visa,VIS-02,[^\r]*,,,,Gap \(1\),/);
	});

	it('[N2] a link whose text is deleted stops counting in the matrix and coverage at once, before anyone lists the links', async () => {
		const head = await signIn(server.url, 'head.cs@demo.local');
		const vis = await benchmark(head, 'VIS-04');
		const editor = server.editor(head, 'cs-visa');
		await editor.synced();
		const created = await api(server.url, head, '/strategies/cs-visa/annotations', {
			body: { benchmarkId: vis, selector: { exact: 'Introduction', prefix: '1 ' }, assessment: 'aligned' }
		});
		expect(created.status).toBe(201);
		const cell = async () =>
			((await api(server.url, head, '/matrix')).body.cells as { benchmarkId: number; delegation: string; assessment: string | null }[]).find(
				(c) => c.benchmarkId === vis && c.delegation === 'cs'
			)!.assessment;
		expect(await cell()).toBe('aligned');

		const heading = textContaining(editor.doc, 'Introduction');
		heading.delete(plain(heading).indexOf('Introduction'), 'Introduction'.length);
		await until(async () => !((await api(server.url, head, '/strategies/cs-visa/content?format=text')).body as string).includes('1 Introduction'), 'the deletion to be stored');
		expect(await cell()).toBeNull();
		const coverage = await api(server.url, head, '/strategies/cs-visa/coverage');
		expect(coverage.body.find((c: { benchmark: { code: string } }) => c.benchmark.code === 'VIS-04')).toMatchObject({ assessment: null });
	});

	it('[N1] exports W3C Web Annotation JSON-LD with a TextQuoteSelector', async () => {
		const head = await signIn(server.url, 'head.mk@demo.local');
		const response = await fetch(`${server.url}/api/v1/strategies/mk-visa/annotations?format=w3c`, { headers: { cookie: head } });
		expect(response.headers.get('content-type')).toMatch(/application\/ld\+json/);
		const collection = await response.json();
		expect(collection['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
		expect(collection.first.items[0]).toMatchObject({
			type: 'Annotation',
			motivation: 'assessing',
			target: { source: `${server.url}/strategies/mk-visa`, selector: { type: 'TextQuoteSelector', exact: 'Introduction', prefix: expect.stringContaining('1 ') } }
		});
	});
});

describe('the benchmark catalogue', () => {
	it('[P6] everyone browses and searches it; only admins add, edit and retire, and retired ones keep their annotations, marked in the matrix', async () => {
		const author = await signIn(server.url, 'author.hr@demo.local');
		const all = await api(server.url, author, '/benchmarks');
		expect(all.body.length).toBeGreaterThanOrEqual(24);
		for (const module of ['migration', 'asylum', 'visa']) {
			expect(all.body.filter((b: { module: string }) => b.module === module).length).toBeGreaterThanOrEqual(8);
		}
		const search = await api(server.url, author, '/benchmarks?q=32003L0086');
		expect(search.body.map((b: { code: string }) => b.code)).toEqual(['MIG-01']);

		const draft = { code: 'MIG-99', module: 'migration', title: 'Test benchmark', instrument: 'Directive', celex: null, aligned: '', indicators: [] };
		expect((await api(server.url, author, '/benchmarks', { body: draft })).status).toBe(403);
		const admin = await signIn(server.url, 'admin@demo.local');
		const created = await api(server.url, admin, '/benchmarks', { body: draft });
		expect(created.status).toBe(201);
		expect((await api(server.url, admin, '/benchmarks', { body: draft })).status).toBe(409);
		expect((await api(server.url, admin, '/benchmarks', { body: { ...draft, code: 'mig 1' } })).status).toBe(422);
		// A CELEX number is optional (a practice or a standard has none), and an edit of the title leaves it be.
		const { celex: _none, ...withoutCelex } = { ...draft, code: 'MIG-98' };
		const practice = await api(server.url, admin, '/benchmarks', { body: withoutCelex });
		expect([practice.status, practice.body.celex]).toEqual([201, null]);
		const law = await api(server.url, admin, '/benchmarks', { body: { ...draft, code: 'MIG-97', celex: '32003L0086' } });
		const retitled = await api(server.url, admin, `/benchmarks/${law.body.id}`, { method: 'PATCH', body: { title: 'Family reunification' } });
		expect(retitled.body).toMatchObject({ title: 'Family reunification', celex: '32003L0086' });

		const head = await signIn(server.url, 'head.hr@demo.local');
		const annotation = await api(server.url, head, '/strategies/hr-migration/annotations', {
			body: { benchmarkId: created.body.id, selector: { exact: 'Introduction', prefix: '1 ' }, assessment: 'aligned' }
		});
		expect(annotation.status).toBe(201);
		// A linked benchmark keeps its module: moved, its assessments would vanish from the strategy's coverage.
		const moved = await api(server.url, admin, `/benchmarks/${created.body.id}`, { method: 'PATCH', body: { ...draft, module: 'asylum', code: 'ASY-99' } });
		expect(moved.status).toBe(409);
		expect(moved.body.error.message).toContain('Migration');
		expect((await api(server.url, admin, `/benchmarks/${created.body.id}`, { method: 'PATCH', body: { ...draft, title: 'Renamed test benchmark' } })).status).toBe(200);
		expect((await api(server.url, author, `/benchmarks/${created.body.id}`, { method: 'PATCH', body: { retired: true } })).status).toBe(403);
		const retired = await api(server.url, admin, `/benchmarks/${created.body.id}`, { method: 'PATCH', body: { retired: true } });
		expect(retired.body.retired).toBe(true);
		const kept = await api(server.url, head, '/strategies/hr-migration/annotations');
		expect(kept.body.find((a: { id: number }) => a.id === annotation.body.id)).toMatchObject({ benchmark: { code: 'MIG-99', retired: true } });
		// The matrix still counts it, marked retired, on the page and in the spreadsheet.
		expect((await api(server.url, head, '/matrix')).body.benchmarks.find((b: { code: string }) => b.code === 'MIG-99')).toMatchObject({ retired: true });
		const page = await (await fetch(`${server.url}/matrix`, { headers: { cookie: head, 'accept-language': 'en' } })).text();
		expect(page.match(/MIG-99<\/a>.*?<\/th>/)?.[0]).toContain('>retired</span>');
		const csv = await (await fetch(`${server.url}/api/v1/matrix?format=csv`, { headers: { cookie: head, 'accept-language': 'en' } })).text();
		expect(csv).toContain('MIG-99,Renamed test benchmark (retired),');
		// A retired benchmark cannot be linked again.
		const again = await api(server.url, head, '/strategies/hr-migration/annotations', {
			body: { benchmarkId: created.body.id, selector: { exact: 'Introduction', prefix: '1 ' }, assessment: 'aligned' }
		});
		expect(again.status).toBe(422);
	});
});
