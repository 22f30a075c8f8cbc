import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, signIn } from '../helpers/http';
import { DEMO_PASSWORD } from '../helpers/server';
import { serverForFile } from '../helpers/server-for-file';

/**
 * Insecure direct object references: people of one delegation (Albania, "A") reach for the
 * strategies, annotations, comments and snapshots of another (North Macedonia, "B") through
 * every API route that takes an id, directly and through A's own strategy. Every attempt is
 * refused ([P9]: 403 for a strategy their roles do not cover, 404 for an item that is not in
 * the strategy named) and changes nothing B (or A) can see afterwards.
 */

const server = serverForFile();

const API_ROOT = path.resolve(import.meta.dirname, '../../src/routes/api/v1');

/** B's strategies: a draft and a locked one, so that every action would have something to act on. */
const VICTIM = { draft: 'mk-visa', locked: 'mk-asylum' } as const;
/** A's own strategy: the attackers may legitimately act on it, which is what confused-deputy attempts abuse. */
const OWN = 'al-visa';
/** The head may do everything an author may and more, so each refusal below is about the delegation, not the role. */
const ATTACKERS = ['head.al@demo.local', 'author.al@demo.local'];
const PEOPLE = [...ATTACKERS, 'head.mk@demo.local', 'author.mk@demo.local', 'admin@demo.local'];

/** One of a delegation's items, with the strategy it belongs to. */
interface Item {
	strategy: string;
	id: number;
}

interface Fixture {
	benchmark: { visa: number; asylum: number };
	/** B's items, created by B's own people. */
	victim: { annotation: Item; thread: Item; resolvedThread: Item; reply: Item; snapshot: Item; lockSnapshot: Item };
	/** A's items, created by A's author. */
	own: { annotation: Item; thread: Item; snapshot: Item };
	/** A's own export of its strategy: a genuine Word file and a genuine file to verify, so only the permission can refuse them. */
	docx: Uint8Array;
	html: Uint8Array;
}

type ItemKind = 'annotation' | 'comment' | 'snapshot';

/** The path parameters of a call; `item` is the annotation, comment or snapshot id, in the path or the query. */
interface Params {
	id: string;
	item: string;
	bid: string;
}

interface Call {
	method: string;
	path: string;
	json?: unknown;
	upload?: { bytes: Uint8Array; name: string; fields?: Record<string, string> };
}

interface Attempt extends Call {
	what: string;
	status: 403 | 404;
}

interface RouteCase {
	/** The route's folder under src/routes/api/v1, as SvelteKit names it. */
	route: string;
	/** The handler the route's +server.ts exports. */
	method: string;
	rule: string;
	/** For routes that name an item of a strategy (in the path or the query): which kind. */
	item?: ItemKind;
	/** The call as the route expects it; several variants (formats, fields) where the route has them. */
	calls(p: Params, f: Fixture): Call[];
	/** Attempts that do not follow the strategy-and-item pattern. */
	attempts?(f: Fixture): Attempt[];
	/** Why the route has nothing of another delegation to reach. */
	shared?: string;
}

const get = (path: string): Call => ({ method: 'GET', path });
const post = (path: string, json: unknown): Call => ({ method: 'POST', path, json });
const benchmarkFor = (strategyId: string, f: Fixture) => (strategyId.endsWith('-asylum') ? f.benchmark.asylum : f.benchmark.visa);
const PASSAGE = { exact: 'Introduction', prefix: '1 ' };

/**
 * Every API route with a dynamic segment, and each handler it exports. A route missing here
 * fails the first test below, so a new route cannot be forgotten.
 */
const ROUTES: RouteCase[] = [
	{
		route: '[...rest]',
		method: 'fallback',
		rule: '[W1]',
		calls: () => [],
		attempts: (f) =>
			['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].flatMap((method) => [
				{ what: 'an endpoint that does not exist under B’s strategy', path: `/strategies/${VICTIM.draft}/secrets` },
				{ what: 'an invented action on B’s annotation', path: `/strategies/${VICTIM.draft}/annotations/${f.victim.annotation.id}/move` },
				{ what: 'an invented sub-path of B’s snapshot', path: `/strategies/${VICTIM.draft}/snapshots/${f.victim.snapshot.id}/state` }
			].map((attempt) => ({ ...attempt, method, json: method === 'GET' ? undefined : { to: OWN }, status: 404 as const })))
	},
	{
		route: 'benchmarks/[bid]',
		method: 'GET',
		rule: '[N2]',
		shared: 'the catalogue belongs to the whole programme: everyone signed in reads every benchmark',
		calls: (p) => [get(`/benchmarks/${p.bid}`)]
	},
	{
		route: 'benchmarks/[bid]',
		method: 'PATCH',
		rule: '[P6]',
		calls: (p) => [
			{ method: 'PATCH', path: `/benchmarks/${p.bid}`, json: { title: 'Hijacked benchmark' } },
			{ method: 'PATCH', path: `/benchmarks/${p.bid}`, json: { retired: true } }
		],
		attempts: (f) =>
			[f.benchmark.visa, f.benchmark.asylum].flatMap((bid) => [
				{ what: 'rename a benchmark B’s annotations link to', method: 'PATCH', path: `/benchmarks/${bid}`, json: { title: 'Hijacked benchmark' }, status: 403 as const },
				{ what: 'retire a benchmark B’s annotations link to', method: 'PATCH', path: `/benchmarks/${bid}`, json: { retired: true }, status: 403 as const }
			])
	},
	{ route: 'strategies/[id]', method: 'GET', rule: '[P1]', calls: (p) => [get(`/strategies/${p.id}`)] },
	{
		route: 'strategies/[id]',
		method: 'PATCH',
		rule: '[L6]',
		calls: (p) => [{ method: 'PATCH', path: `/strategies/${p.id}`, json: { textLanguage: 'sq' } }]
	},
	{
		route: 'strategies/[id]/annotations',
		method: 'GET',
		rule: '[P1]',
		calls: (p) => [get(`/strategies/${p.id}/annotations`), get(`/strategies/${p.id}/annotations?format=w3c`)]
	},
	{
		route: 'strategies/[id]/annotations',
		method: 'POST',
		rule: '[N2]',
		calls: (p, f) => [post(`/strategies/${p.id}/annotations`, { benchmarkId: benchmarkFor(p.id, f), selector: PASSAGE, assessment: 'gap', note: 'Hijacked' })]
	},
	{
		route: 'strategies/[id]/annotations/[aid]',
		method: 'PATCH',
		rule: '[N2]',
		item: 'annotation',
		calls: (p) => [{ method: 'PATCH', path: `/strategies/${p.id}/annotations/${p.item}`, json: { assessment: 'aligned', note: 'Hijacked' } }]
	},
	{
		route: 'strategies/[id]/annotations/[aid]',
		method: 'DELETE',
		rule: '[N2]',
		item: 'annotation',
		calls: (p) => [{ method: 'DELETE', path: `/strategies/${p.id}/annotations/${p.item}` }]
	},
	{
		route: 'strategies/[id]/comments',
		method: 'GET',
		rule: '[P1]',
		calls: (p) => [get(`/strategies/${p.id}/comments`), get(`/strategies/${p.id}/comments?resolved=include`)]
	},
	{
		route: 'strategies/[id]/comments',
		method: 'POST',
		rule: '[N3]',
		calls: (p) => [post(`/strategies/${p.id}/comments`, { body: 'Hijacked' }), post(`/strategies/${p.id}/comments`, { body: 'Hijacked', selector: PASSAGE })]
	},
	{
		route: 'strategies/[id]/comments/[cid]',
		method: 'PATCH',
		rule: '[N3]',
		item: 'comment',
		calls: (p) => [{ method: 'PATCH', path: `/strategies/${p.id}/comments/${p.item}`, json: { body: 'Hijacked' } }]
	},
	{
		route: 'strategies/[id]/comments/[cid]',
		method: 'DELETE',
		rule: '[N3]',
		item: 'comment',
		calls: (p) => [{ method: 'DELETE', path: `/strategies/${p.id}/comments/${p.item}` }]
	},
	{ route: 'strategies/[id]/comments/[cid]/reopen', method: 'POST', rule: '[N3]', item: 'comment', calls: (p) => [{ method: 'POST', path: `/strategies/${p.id}/comments/${p.item}/reopen` }] },
	{
		route: 'strategies/[id]/comments/[cid]/replies',
		method: 'POST',
		rule: '[N3]',
		item: 'comment',
		calls: (p) => [post(`/strategies/${p.id}/comments/${p.item}/replies`, { body: 'Hijacked' })]
	},
	{ route: 'strategies/[id]/comments/[cid]/resolve', method: 'POST', rule: '[N3]', item: 'comment', calls: (p) => [{ method: 'POST', path: `/strategies/${p.id}/comments/${p.item}/resolve` }] },
	{
		route: 'strategies/[id]/content',
		method: 'GET',
		rule: '[P1]',
		calls: (p) => ['json', 'html', 'markdown', 'text'].map((format) => get(`/strategies/${p.id}/content?format=${format}`))
	},
	{ route: 'strategies/[id]/coverage', method: 'GET', rule: '[P1]', calls: (p) => [get(`/strategies/${p.id}/coverage`)] },
	{
		route: 'strategies/[id]/diff',
		method: 'GET',
		rule: '[V5]',
		item: 'snapshot',
		calls: (p) => [get(`/strategies/${p.id}/diff?from=${p.item}&to=current`), get(`/strategies/${p.id}/diff?from=current&to=${p.item}`)]
	},
	{ route: 'strategies/[id]/events', method: 'GET', rule: '[N3]', calls: (p) => [get(`/strategies/${p.id}/events`)] },
	{
		route: 'strategies/[id]/export',
		method: 'GET',
		rule: '[G5]',
		calls: (p) => ['docx', 'html', 'markdown'].map((format) => get(`/strategies/${p.id}/export?format=${format}`))
	},
	{
		route: 'strategies/[id]/export',
		method: 'GET',
		rule: '[G5]',
		item: 'snapshot',
		calls: (p) => ['docx', 'html', 'markdown'].map((format) => get(`/strategies/${p.id}/export?format=${format}&snapshot=${p.item}`))
	},
	{
		route: 'strategies/[id]/import',
		method: 'POST',
		rule: '[P2]',
		calls: (p, f) =>
			['replace', 'append'].map((mode) => ({
				method: 'POST',
				path: `/strategies/${p.id}/import`,
				upload: { bytes: f.docx, name: 'draft.docx', fields: { mode } }
			}))
	},
	{ route: 'strategies/[id]/lock', method: 'POST', rule: '[P7]', calls: (p) => [post(`/strategies/${p.id}/lock`, { password: DEMO_PASSWORD, name: 'Hijacked' })] },
	{ route: 'strategies/[id]/people', method: 'GET', rule: '[P1]', calls: (p) => [get(`/strategies/${p.id}/people`)] },
	{
		route: 'strategies/[id]/signatures',
		method: 'POST',
		rule: '[P7]',
		calls: (p) => [post(`/strategies/${p.id}/signatures`, { password: DEMO_PASSWORD, statement: 'Hijacked' })]
	},
	{ route: 'strategies/[id]/signatures', method: 'GET', rule: '[P1]', calls: (p) => [get(`/strategies/${p.id}/signatures`)] },
	{ route: 'strategies/[id]/snapshots', method: 'GET', rule: '[V1]', calls: (p) => [get(`/strategies/${p.id}/snapshots`)] },
	{ route: 'strategies/[id]/snapshots', method: 'POST', rule: '[V1]', calls: (p) => [post(`/strategies/${p.id}/snapshots`, { name: 'Hijacked' })] },
	{
		route: 'strategies/[id]/snapshots/[sid]',
		method: 'GET',
		rule: '[V1]',
		item: 'snapshot',
		calls: (p) => [get(`/strategies/${p.id}/snapshots/${p.item}`), get(`/strategies/${p.id}/snapshots/${p.item}?format=text`)]
	},
	{
		route: 'strategies/[id]/snapshots/[sid]/restore',
		method: 'POST',
		rule: '[P2]',
		item: 'snapshot',
		calls: (p) => [{ method: 'POST', path: `/strategies/${p.id}/snapshots/${p.item}/restore` }]
	},
	{
		route: 'strategies/[id]/unlock',
		method: 'POST',
		rule: '[P7]',
		calls: (p) => [post(`/strategies/${p.id}/unlock`, { password: DEMO_PASSWORD, reason: 'Hijacked' })]
	},
	{
		route: 'strategies/[id]/verify',
		method: 'POST',
		rule: '[G6]',
		calls: (p, f) => [{ method: 'POST', path: `/strategies/${p.id}/verify`, upload: { bytes: f.html, name: 'al-visa.html' } }]
	}
];

function itemsOf(kind: ItemKind, f: Fixture): { victim: Item[]; own: Item[] } {
	switch (kind) {
		case 'annotation':
			return { victim: [f.victim.annotation], own: [f.own.annotation] };
		case 'comment':
			return { victim: [f.victim.thread, f.victim.resolvedThread, f.victim.reply], own: [f.own.thread] };
		case 'snapshot':
			return { victim: [f.victim.snapshot, f.victim.lockSnapshot], own: [f.own.snapshot] };
	}
}

const params = (id: string, f: Fixture, item = ''): Params => ({ id, item, bid: String(f.benchmark.visa) });

/**
 * The hostile requests for one route: B's strategies directly (403); and for routes naming an
 * item, B's item through B's strategy (403), B's item through A's own strategy (404: it is not
 * in that strategy), and A's own item through B's strategy (403).
 */
function attemptsFor(route: RouteCase, f: Fixture): Attempt[] {
	if (route.attempts) return route.attempts(f);
	if (route.shared) return [];
	const at = (what: string, status: 403 | 404, p: Params) => route.calls(p, f).map((call) => ({ ...call, what, status }));
	if (!route.item) return [VICTIM.draft, VICTIM.locked].flatMap((id) => at(`B’s strategy ${id}`, 403, params(id, f)));
	const { victim, own } = itemsOf(route.item, f);
	return [
		...victim.flatMap((item) => at(`B’s ${route.item} ${item.id} through B’s strategy ${item.strategy}`, 403, params(item.strategy, f, String(item.id)))),
		...victim.flatMap((item) => at(`B’s ${route.item} ${item.id} through A’s own strategy ${OWN}`, 404, params(OWN, f, String(item.id)))),
		...own.flatMap((item) => at(`A’s own ${route.item} ${item.id} through B’s strategy ${VICTIM.draft}`, 403, params(VICTIM.draft, f, String(item.id))))
	];
}

interface Answer {
	status: number;
	body: unknown;
}

/** Sends one call; an event stream that was let through never ends by itself, so its status is the answer. */
async function send(cookie: string, call: Call): Promise<Answer> {
	const headers: Record<string, string> = { cookie };
	let body: BodyInit | undefined;
	if (call.upload) {
		const form = new FormData();
		form.set('file', new Blob([new Uint8Array(call.upload.bytes)]), call.upload.name);
		for (const [key, value] of Object.entries(call.upload.fields ?? {})) form.set(key, value);
		body = form;
	} else if (call.json !== undefined) {
		headers['content-type'] = 'application/json';
		body = JSON.stringify(call.json);
	}
	const response = await fetch(`${server.url}/api/v1${call.path}`, { method: call.method, headers, body, redirect: 'manual' });
	if ((response.headers.get('content-type') ?? '').startsWith('text/event-stream')) {
		await response.body?.cancel();
		return { status: response.status, body: '(event stream)' };
	}
	const text = await response.text();
	try {
		return { status: response.status, body: JSON.parse(text) };
	} catch {
		return { status: response.status, body: text.slice(0, 200) };
	}
}

function isErrorShape(body: unknown): boolean {
	const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
	return typeof error?.code === 'string' && typeof error.message === 'string' && error.message.length > 0;
}

/** What is wrong with an answer, or null when it is the expected refusal in the API's error shape. */
function fault(attempt: Attempt, answer: Answer): string | null {
	if (answer.status === attempt.status && isErrorShape(answer.body)) return null;
	return `${attempt.method} ${attempt.path.slice(0, 120)} (${attempt.what}): expected ${attempt.status} in the error shape, got ${answer.status} ${JSON.stringify(answer.body).slice(0, 160)}`;
}

const cookies = new Map<string, string>();
const cookieOf = (email: string) => cookies.get(email)!;
let fixture: Fixture;
let lastSeen: Record<string, unknown>;

/** Everything B's head sees of B's two strategies, A's head of A's, and the benchmarks everyone links to. */
async function observedState(): Promise<Record<string, unknown>> {
	const reads = ['', '/annotations', '/comments?resolved=include', '/snapshots', '/signatures', '/coverage', '/people', '/content?format=json'];
	const views: [string, string][] = [
		['head.mk@demo.local', VICTIM.draft],
		['head.mk@demo.local', VICTIM.locked],
		['head.al@demo.local', OWN]
	];
	const paths: [string, string][] = [
		...views.flatMap(([email, id]) => reads.map((read): [string, string] => [email, `/strategies/${id}${read}`])),
		['admin@demo.local', `/benchmarks/${fixture.benchmark.visa}`],
		['admin@demo.local', `/benchmarks/${fixture.benchmark.asylum}`]
	];
	const answers = await Promise.all(paths.map(([email, p]) => api(server.url, cookieOf(email), p)));
	const state: Record<string, unknown> = {};
	answers.forEach((answer, index) => {
		const p = paths[index]![1];
		expect(answer.status, p).toBe(200);
		state[p] = answer.body;
	});
	return state;
}

/**
 * Compares what B and A see now with what they saw after the previous test: one read per test,
 * and a test that changed something fails alone instead of every test after it.
 */
async function expectNothingChanged(): Promise<void> {
	const previous = lastSeen;
	lastSeen = await observedState();
	expect(lastSeen).toEqual(previous);
}

async function created(email: string, p: string, json: unknown): Promise<{ id: number; snapshotId?: number }> {
	const answer = await api(server.url, cookieOf(email), p, { method: 'POST', body: json });
	expect([200, 201], `${p}: ${JSON.stringify(answer.body)}`).toContain(answer.status);
	return answer.body as { id: number; snapshotId?: number };
}

async function download(email: string, p: string): Promise<Uint8Array> {
	const response = await fetch(`${server.url}/api/v1${p}`, { headers: { cookie: cookieOf(email) } });
	expect(response.status, p).toBe(200);
	return new Uint8Array(await response.arrayBuffer());
}

beforeAll(async () => {
	for (const email of PEOPLE) cookies.set(email, await signIn(server.url, email));
	const catalogue = (await api(server.url, cookieOf('admin@demo.local'), '/benchmarks')).body as { id: number; code: string }[];
	const benchmark = (code: string) => catalogue.find((b) => b.code === code)!.id;
	const visa = benchmark('VIS-01');
	const asylum = benchmark('ASY-01');

	// B's own people fill B's strategies; the ids below are what A will reach for.
	const item = (strategy: string, id: number): Item => ({ strategy, id });
	const victimAnnotation = await created('author.mk@demo.local', `/strategies/${VICTIM.draft}/annotations`, {
		benchmarkId: visa,
		selector: PASSAGE,
		assessment: 'partial',
		note: 'B’s own assessment'
	});
	const thread = await created('author.mk@demo.local', `/strategies/${VICTIM.draft}/comments`, { body: 'B’s open thread', selector: PASSAGE });
	const reply = await created('head.mk@demo.local', `/strategies/${VICTIM.draft}/comments/${thread.id}/replies`, { body: 'B’s reply' });
	const resolvedThread = await created('author.mk@demo.local', `/strategies/${VICTIM.draft}/comments`, { body: 'B’s resolved thread' });
	await created('author.mk@demo.local', `/strategies/${VICTIM.draft}/comments/${resolvedThread.id}/resolve`, undefined);
	const snapshot = await created('author.mk@demo.local', `/strategies/${VICTIM.draft}/snapshots`, { name: 'B’s named version' });
	const lock = await created('head.mk@demo.local', `/strategies/${VICTIM.locked}/lock`, { password: DEMO_PASSWORD, name: 'B’s locked version' });

	// A's own items, which A may use legitimately: the other half of every confused-deputy attempt.
	const ownAnnotation = await created('author.al@demo.local', `/strategies/${OWN}/annotations`, { benchmarkId: visa, selector: PASSAGE, assessment: 'planned' });
	const ownThread = await created('author.al@demo.local', `/strategies/${OWN}/comments`, { body: 'A’s own thread' });
	const ownSnapshot = await created('author.al@demo.local', `/strategies/${OWN}/snapshots`, { name: 'A’s named version' });

	fixture = {
		benchmark: { visa, asylum },
		victim: {
			annotation: item(VICTIM.draft, victimAnnotation.id),
			thread: item(VICTIM.draft, thread.id),
			resolvedThread: item(VICTIM.draft, resolvedThread.id),
			reply: item(VICTIM.draft, reply.id),
			snapshot: item(VICTIM.draft, snapshot.id),
			lockSnapshot: item(VICTIM.locked, lock.snapshotId!)
		},
		own: { annotation: item(OWN, ownAnnotation.id), thread: item(OWN, ownThread.id), snapshot: item(OWN, ownSnapshot.id) },
		docx: await download('author.al@demo.local', `/strategies/${OWN}/export?format=docx`),
		html: await download('author.al@demo.local', `/strategies/${OWN}/export?format=html`)
	};
	lastSeen = await observedState();
});

/** The +server.ts files under src/routes/api/v1 and the handlers each exports, read from the source. */
function discoveredRoutes(): { route: string; method: string }[] {
	const found: { route: string; method: string }[] = [];
	const walk = (dir: string) => {
		for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
			const full = path.join(dir, entry.name);
			if (entry.isDirectory()) walk(full);
			else if (entry.name === '+server.ts') {
				const route = path.relative(API_ROOT, dir).split(path.sep).join('/');
				const source = fs.readFileSync(full, 'utf8');
				const methods = new Set<string>();
				for (const match of source.matchAll(/^export\s+(?:const|let|(?:async\s+)?function)\s+(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS|fallback)\b/gm)) methods.add(match[1]!);
				for (const match of source.matchAll(/^export\s*\{([^}]*)\}/gm)) {
					for (const name of match[1]!.split(',').map((part) => part.trim().split(/\s+as\s+/).pop()!)) {
						if (/^(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS|fallback)$/.test(name)) methods.add(name);
					}
				}
				for (const method of methods) found.push({ route, method });
			}
		}
	};
	walk(API_ROOT);
	return found;
}

describe('one delegation never reaches another’s resources through the API', () => {
	it('[P9] every API route with an id in its path, and every handler it exports, is in the table below', () => {
		const dynamic = discoveredRoutes().filter(({ route }) => route.includes('['));
		expect(dynamic.length).toBeGreaterThan(20);
		const listed = new Set(ROUTES.map(({ route, method }) => `${method} ${route}`));
		const found = new Set(dynamic.map(({ route, method }) => `${method} ${route}`));
		expect([...found].filter((key) => !listed.has(key)), 'routes missing from the IDOR table').toEqual([]);
		expect([...listed].filter((key) => !found.has(key)), 'table entries whose route or handler no longer exists').toEqual([]);
	});

	for (const route of ROUTES) {
		const label = route.shared
			? `${route.rule} ${route.method} ${route.route} is the same for every delegation: ${route.shared}`
			: `[P9] ${route.rule} ${route.method} ${route.route}${route.item ? ` (${route.item} ids)` : ''}: A is refused B’s resources and nothing changes`;
		it(label, async () => {
			if (route.shared) {
				const [call] = route.calls(params(OWN, fixture), fixture);
				const asA = await send(cookieOf('author.al@demo.local'), call!);
				const asB = await send(cookieOf('author.mk@demo.local'), call!);
				expect(asA.status).toBe(200);
				expect(asA.body).toEqual(asB.body);
				return;
			}
			const attempts = attemptsFor(route, fixture);
			expect(attempts.length).toBeGreaterThan(0);
			const faults: string[] = [];
			for (const email of ATTACKERS) {
				for (const attempt of attempts) {
					const problem = fault(attempt, await send(cookieOf(email), attempt));
					if (problem) faults.push(`${email}: ${problem}`);
				}
			}
			expect(faults).toEqual([]);
			await expectNothingChanged();
		});
	}

	it('[P9] a method a route does not export is refused on B’s resources and changes nothing', async () => {
		const f = fixture;
		const fill = (route: string) =>
			`/${route}`
				.replace('[id]', VICTIM.draft)
				.replace('[aid]', String(f.victim.annotation.id))
				.replace('[cid]', String(f.victim.thread.id))
				.replace('[sid]', String(f.victim.snapshot.id))
				.replace('[bid]', String(f.benchmark.visa));
		const routes = discoveredRoutes().filter(({ route }) => route.includes('[') && !route.includes('[...'));
		const faults: string[] = [];
		for (const route of new Set(routes.map(({ route }) => route))) {
			const exported = new Set(routes.filter((r) => r.route === route).map((r) => r.method));
			for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].filter((m) => !exported.has(m))) {
				for (const email of ATTACKERS) {
					const answer = await send(cookieOf(email), { method, path: fill(route), json: method === 'GET' ? undefined : { body: 'Hijacked' } });
					if (answer.status !== 405 || !isErrorShape(answer.body)) faults.push(`${email} ${method} ${fill(route)}: ${answer.status}`);
				}
			}
		}
		expect(faults).toEqual([]);
		await expectNothingChanged();
	});

	it('[P9] path-like, padded and oversized ids are 404 on every route, never 500, and change nothing', async () => {
		const f = fixture;
		const strategyIds = [
			'..%2F..%2Fetc%2Fpasswd',
			'..%2Fmk-visa',
			`${OWN}%2F..%2F..%2F${VICTIM.draft}`,
			'%2e%2e%2fmk-visa',
			`${OWN}%00`,
			`${OWN}%00${VICTIM.draft}`,
			`${OWN}%0d%0aSet-Cookie:%20x=1`,
			`${OWN}%20`,
			'AL-VISA',
			`${OWN}'%20OR%20'1'%3D'1`,
			'x'.repeat(4_000)
		];
		const itemIds = (real: number, victim: number) => [
			`${real}%00`,
			`${real}.0`,
			`%2B${real}`,
			`-${real}`,
			`${real}e0`,
			`0x${real.toString(16)}`,
			`..%2F${real}`,
			`${real}%2F..%2F${victim}`,
			'0',
			'99999999999999999999',
			'9'.repeat(4_000)
		];
		const ownItem = { annotation: f.own.annotation.id, comment: f.own.thread.id, snapshot: f.own.snapshot.id };
		const victimItem = { annotation: f.victim.annotation.id, comment: f.victim.thread.id, snapshot: f.victim.snapshot.id };
		const faults: string[] = [];
		let count = 0;
		const expect404 = async (email: string, calls: Call[]) => {
			for (const call of calls) {
				count += 1;
				const answer = await send(cookieOf(email), call);
				if (answer.status !== 404 || !isErrorShape(answer.body)) faults.push(`${call.method} ${call.path.slice(0, 120)}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 120)}`);
			}
		};
		for (const route of ROUTES.filter((r) => r.route !== '[...rest]')) {
			if (route.route.startsWith('benchmarks/')) {
				// Only an admin may change the catalogue, so only the id can be at fault for them.
				const email = route.method === 'GET' ? 'head.al@demo.local' : 'admin@demo.local';
				for (const bid of itemIds(f.benchmark.visa, f.benchmark.asylum)) await expect404(email, route.calls({ ...params(OWN, f), bid }, f));
				continue;
			}
			const item = route.item ? String(ownItem[route.item]) : '';
			for (const id of strategyIds) await expect404('head.al@demo.local', route.calls(params(id, f, item), f));
			if (route.item) {
				for (const weird of itemIds(ownItem[route.item], victimItem[route.item])) await expect404('head.al@demo.local', route.calls(params(OWN, f, weird), f));
			}
		}
		expect(faults).toEqual([]);
		expect(count).toBeGreaterThan(300);
		await expectNothingChanged();
	});

	it('[W1] malformed escapes in an id are refused as a bad request in the API’s error shape, never 500', async () => {
		const cookie = cookieOf('head.al@demo.local');
		for (const p of [
			'/strategies/%E0%A4%A',
			'/strategies/%',
			`/strategies/${OWN}/annotations/%FF%FE`,
			`/strategies/${OWN}/comments/%C0%AF/resolve`,
			`/strategies/${OWN}/snapshots/%ED%A0%80`,
			'/benchmarks/%'
		]) {
			for (const method of ['GET', 'POST', 'PATCH', 'DELETE']) {
				const answer = await send(cookie, { method, path: p, json: method === 'GET' ? undefined : { body: 'x' } });
				expect(answer, `${method} ${p}`).toMatchObject({ status: 400, body: { error: { code: 'bad_request' } } });
			}
		}
	});

	it('[P8] the audit record filtered by another delegation’s strategy or person shows A’s head nothing of B', async () => {
		const admin = cookieOf('admin@demo.local');
		const theirs = (await api(server.url, admin, `/audit?strategyId=${VICTIM.draft}`)).body as unknown[];
		expect(theirs.length).toBeGreaterThan(0);
		const people = (await api(server.url, admin, `/strategies/${VICTIM.draft}/people`)).body as { id: number; email: string }[];
		const headMk = people.find((p) => p.email === 'head.mk@demo.local')!.id;
		const head = cookieOf('head.al@demo.local');
		for (const query of [`strategyId=${VICTIM.draft}`, `strategyId=${VICTIM.locked}`, `userId=${headMk}`, 'action=strategy-locked']) {
			const answer = await api(server.url, head, `/audit?${query}`);
			expect(answer.status, query).toBe(200);
			expect(answer.body, query).toEqual([]);
		}
	});

	// Last but one, because it changes A's own strategy: the controls that make the refusals above mean something.
	it('[P9] control: every call above is accepted when made by A on A’s own strategy and items, so each refusal is about whose they are', async () => {
		const f = fixture;
		const ownItems = { annotation: f.own.annotation, comment: f.own.thread, snapshot: f.own.snapshot };
		// Lock, sign and unlock after the rest (a locked text refuses restores and imports), the catalogue last (a retired benchmark refuses annotations).
		const strategyRoutes = ROUTES.filter((r) => !r.attempts && !r.shared);
		const controlled = [
			...strategyRoutes.filter((r) => r.rule !== '[P7]'),
			...strategyRoutes.filter((r) => r.rule === '[P7]'),
			...ROUTES.filter((r) => r.route.startsWith('benchmarks/') && !r.shared)
		];
		const faults: string[] = [];
		for (const route of controlled) {
			// Only a head locks, signs and unlocks; only the author of a comment changes it; only an admin the catalogue.
			const email = route.route.startsWith('benchmarks/') ? 'admin@demo.local' : route.rule === '[P7]' ? 'head.al@demo.local' : 'author.al@demo.local';
			const p = params(OWN, f, route.item ? String(ownItems[route.item].id) : '');
			for (const call of route.calls(p, f)) {
				const answer = await send(cookieOf(email), call);
				if (answer.status >= 300) faults.push(`${route.method} ${route.route}: ${call.method} ${call.path} → ${answer.status} ${JSON.stringify(answer.body).slice(0, 160)}`);
			}
		}
		expect(faults).toEqual([]);
	});

	it('[W1] nothing on this server failed unexpectedly while it was attacked', () => {
		expect(server.output.filter((line) => line.includes('"unexpected-error"') || line.includes('"upgrade-failed"'))).toEqual([]);
	});
});
