// The collaboration benchmark (npm run bench [-- --quick]). Started by run.mjs, pinned to the
// load generator's core; every server it starts is pinned to the other one. See README.md.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import * as Y from 'yjs';
import { machine } from './lib/machine.mjs';
import { PEERS, startPeer } from './lib/peers.mjs';
import { pinned } from './lib/proc.mjs';
import { report } from './lib/report.mjs';
import { loadTrace, traceUpdates } from './lib/trace.mjs';
import { BENCH, log, median, now, ROOT } from './lib/util.mjs';
import { durability } from './scenarios/durability.mjs';
import { manyDocs } from './scenarios/many-docs.mjs';
import { saturation } from './scenarios/saturation.mjs';
import { traceReplay, replayData } from './scenarios/trace-replay.mjs';
import { traceSplit } from './scenarios/trace-split.mjs';
import { typing } from './scenarios/typing.mjs';

// Every official client in Node adds an exit listener; hundreds of them are expected here.
process.setMaxListeners(0);

const { values: args } = parseArgs({
	options: { quick: { type: 'boolean', default: false }, trials: { type: 'string' }, only: { type: 'string' } }
});

/** Quick: one trial, small N, short runs, for routine checks (< 3 minutes). Full: the real thing. */
const MODES = {
	quick: {
		trials: 1,
		users: 60,
		typing: [
			{ id: 'typing10', n: 10, active: 10, full: true, watchers: 3, durationMs: 3_000, warmupMs: 500, graceMs: 1_000 },
			{ id: 'typing50', n: 50, active: 50, durationMs: 3_000, warmupMs: 500, graceMs: 1_000 }
		],
		saturation: { n: 36, rates: [1500, 3500, 5500], stepMs: 1_500, graceMs: 1_200, warmupMs: 1_000 },
		split: { editors: 3, durationMs: 3_000 },
		replay: { batch: 128, senders: 8, limitMs: 60_000, fullLog: false },
		manyDocs: { counts: [100], idleMs: 1_500, settleMs: 800 },
		durability: { editors: 10, durationMs: 5_000 },
		snapshots: { repeat: 1, logOps: 100_000 }
	},
	full: {
		trials: 3,
		users: 200,
		typing: [
			{ id: 'typing10', n: 10, active: 10, full: true, watchers: 5, durationMs: 8_000 },
			{ id: 'typing50', n: 50, active: 50, durationMs: 8_000 },
			// 10–20% of a large room types at once.
			{ id: 'typing200', n: 200, active: 30, durationMs: 8_000 }
		],
		saturation: { n: 36, rates: [1000, 2000, 3000, 4000, 5000, 6000], stepMs: 3_000, graceMs: 2_000 },
		split: { editors: 5, durationMs: 12_000 },
		replay: { batch: 16, senders: 16, limitMs: 120_000 },
		manyDocs: { counts: [100, 1000], idleMs: 3_000, settleMs: 2_000 },
		durability: { editors: 10, durationMs: 30_000 },
		// Their bare baselines take 3–16 ms: with three repetitions, one cold or unlucky one moved
		// the median (create 2.96–8.73× in four runs of the same code; 3.16–4.47× with nine).
		snapshots: { repeat: 9 }
	}
};
const mode = args.quick ? 'quick' : 'full';
const params = MODES[mode];
const trials = Number(args.trials ?? params.trials);
const only = args.only ? new Set(args.only.split(',')) : null;
const started = now();

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'acquis-bench-'));
log(`${mode} mode, ${trials} trial(s); work folder ${work}`);

/** Runs one of the app-side scripts (tsx, the app's own modules) and parses its JSON line. */
async function appScript(name, argv, core = null) {
	const command = [process.execPath, '--import', 'tsx', path.join(BENCH, 'app', name), ...argv];
	const [file, ...rest] = core === null ? command : pinned(core, command);
	const child = promisify(execFile)(file, rest, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
	child.child.stderr.pipe(process.stderr);
	const { stdout } = await child;
	return JSON.parse(stdout.trim().split('\n').at(-1));
}

log(`provisioning ${params.users} editors and ${Math.max(...params.manyDocs.counts)} documents; loading the trace`);
const provisioning = appScript('provision.mjs', ['--out', work, '--users', String(params.users), '--docs', String(Math.max(...params.manyDocs.counts))]);
const trace = loadTrace();
const built = traceUpdates(trace.ops, params.replay.batch);
const replay = replayData(trace, built);
const provisioned = await provisioning;
const ctx = { templateDatabase: provisioned.templateDatabase, accounts: provisioned.accounts };

log('measuring bare Yjs on the trace document');
const times = (fn, n = 5) => median(Array.from({ length: n }, () => {
	const t = now();
	fn();
	return now() - t;
}));
const baselines = {
	stateBytes: built.state.byteLength,
	applyUpdateMs: times(() => Y.applyUpdate(new Y.Doc(), built.state)),
	encodeStateAsUpdateMs: times(() => Y.encodeStateAsUpdate(built.doc)),
	replayBatch: params.replay.batch,
	replayUpdates: built.updates.length
};

let snapshots = null;
if (!only || only.has('snapshots') || only.has('replay')) {
	log('ours only: snapshots, restore, diff and the update log, in-process');
	try {
		snapshots = await appScript(
			'snapshots.mjs',
			['--template', ctx.templateDatabase, '--out', work, '--repeat', String(params.snapshots.repeat), '--log-ops', String(params.snapshots.logOps ?? trace.ops.length)],
			0
		);
		ctx.fullLogDatabase = snapshots.fullLogDatabase;
	} catch (error) {
		log(`snapshots failed: ${error.message}`);
	}
}

async function withPeer(name, dir, fn) {
	const peer = await startPeer(name, ctx, dir);
	try {
		return await fn(peer);
	} finally {
		await peer.stop();
	}
}

const scenarios = [
	...params.typing.map((p) => ({
		id: p.id,
		peers: PEERS,
		run: (name, dir, seed) => withPeer(name, dir, (peer) => typing(peer, { ...p, seed }))
	})),
	{ id: 'saturation', peers: [...PEERS, 'floor'], run: (name, dir, seed) => withPeer(name, dir, (peer) => saturation(peer, { ...params.saturation, seed })) },
	{ id: 'split', peers: PEERS, run: (name, dir, seed) => withPeer(name, dir, (peer) => traceSplit(peer, { ops: trace.ops, ...params.split, seed })) },
	{ id: 'replay', peers: PEERS, run: (name, dir) => traceReplay(name, ctx, dir, replay, params.replay) },
	{ id: 'manyDocs', peers: PEERS, run: (name, dir) => withPeer(name, dir, (peer) => manyDocs(peer, params.manyDocs)) },
	{ id: 'durability', peers: PEERS, run: (name, dir, seed) => durability(name, ctx, dir, { ...params.durability, seed }) }
].filter((s) => !only || only.has(s.id));

const runs = [];
for (let trial = 1; trial <= trials; trial++) {
	for (const scenario of scenarios) {
		// Interleaved: every peer runs this scenario before the next scenario starts.
		for (const peer of scenario.peers) {
			const dir = path.join(work, `${scenario.id}-${peer}`);
			const t = now();
			let result = null;
			let error = null;
			try {
				result = await scenario.run(peer, dir, trial * 1_000 + scenario.id.length);
			} catch (e) {
				error = e.message;
			}
			fs.rmSync(dir, { recursive: true, force: true });
			runs.push({ trial, scenario: scenario.id, peer, result, error });
			log(`trial ${trial} ${scenario.id} ${peer}: ${error ? `FAILED ${error.split('\n')[0]}` : 'done'} (${((now() - t) / 1000).toFixed(1)} s)`);
		}
	}
}

const { markdown, json } = report({ mode, trials, params, machine: machine(), baselines, snapshots, runs, seconds: (now() - started) / 1000 });
const results = path.join(BENCH, 'results');
fs.mkdirSync(results, { recursive: true });
fs.writeFileSync(path.join(results, 'latest.md'), markdown);
fs.writeFileSync(path.join(results, 'latest.json'), `${JSON.stringify(json, null, 2)}\n`);
fs.rmSync(work, { recursive: true, force: true });
process.stdout.write(`${markdown}\n`);
log(`written to tests/bench/results/latest.md and latest.json in ${((now() - started) / 1000).toFixed(0)} s`);
