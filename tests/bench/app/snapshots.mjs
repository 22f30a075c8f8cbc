// Run with `node --import tsx`, pinned like the server: our in-process API on the trace
// document. Snapshot create, restore and diff against the bare Yjs costs of the same work,
// and what the update log stores per edit before and after it is folded. Prints one JSON line.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as Y from 'yjs';
import { testBackend } from '../../helpers/backend.ts';
import { loadTrace, traceUpdates } from '../lib/trace.mjs';

const { values } = parseArgs({
	options: {
		template: { type: 'string' },
		out: { type: 'string' },
		repeat: { type: 'string' },
		'log-ops': { type: 'string' }
	}
});
const repeat = Number(values.repeat ?? 3);

const progress = (step) => process.stderr.write(`[snapshots ${(performance.now() / 1000).toFixed(1)} s] ${step}\n`);

function time(fn) {
	const started = performance.now();
	const value = fn();
	return { ms: performance.now() - started, value };
}
async function timeAsync(fn) {
	const started = performance.now();
	const value = await fn();
	return { ms: performance.now() - started, value };
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

const trace = loadTrace();
// The document in transactions of 64 operations (fast to build); the earlier version is its
// state half-way through.
const BATCH = 64;
const built = traceUpdates(trace.ops, BATCH);
const halfDoc = new Y.Doc();
for (const update of built.updates.slice(0, Math.ceil(trace.ops.length / 2 / BATCH))) Y.applyUpdate(halfDoc, update);
const halfState = Y.encodeStateAsUpdate(halfDoc);
// The log as typing makes it: one update per edit (the first `log-ops` edits in quick mode).
const perEdit = traceUpdates(trace.ops.slice(0, Number(values['log-ops'] ?? trace.ops.length)), 1);
progress('trace built');

const databasePath = path.join(values.out, 'snapshots.db');
for (const suffix of ['', '-wal', '-shm']) fs.rmSync(databasePath + suffix, { force: true });
fs.copyFileSync(values.template, databasePath);
const backend = await testBackend({ databasePath });
const { db, collab, snapshots, documents } = backend;
const author = backend.users.findByEmail('bench.0@bench.local');
const { token } = backend.sessions.create(author.id, {});
const { actor } = backend.sessions.validate(token);
const id = 'bench-snap';

// The earlier version, then the rest of the trace, both through the hub as edits.
await collab.submit(id, halfState);
const earlier = snapshots.store(id, 'half-way', 'manual', author.id);
progress('half-way version stored');
await collab.submit(id, Y.encodeStateAsUpdate(built.doc, Y.encodeStateVector(halfDoc)));

progress('full trace submitted');
const create = [];
const bareCreate = [];
let latest;
// Each snapshot follows an edit, as in use: the text a snapshot stores is encoded once per change
// and kept for the next reader, so a snapshot of unchanged text would cost less. The bare cost
// is encoding that same live document (a fresh copy of it encodes about twice as fast).
const tracedText = built.doc.getXmlFragment('default').get(0).get(0);
for (let i = 0; i < repeat; i++) {
	const edits = [];
	const onUpdate = (update) => edits.push(update);
	built.doc.on('update', onUpdate);
	tracedText.insert(0, 'x');
	built.doc.off('update', onUpdate);
	await collab.submit(id, edits[0]);
	const taken = time(() => snapshots.store(id, `full ${i}`, 'manual', author.id));
	create.push(taken.ms);
	latest = taken.value;
	bareCreate.push(collab.read(id, (live) => time(() => Y.encodeStateAsUpdate(live)).ms));
}
progress('snapshots created');
const diffed = time(() => snapshots.diff(actor, id, earlier.id, 'current'));
progress('diffs done');
const restore = [];
const bareRestore = [];
const stateOf = (snapshotId) => db.prepare('SELECT state FROM snapshots WHERE id = ?').pluck().get(snapshotId);
for (let i = 0; i < repeat; i++) {
	// Alternately back to the half-way version and forward to the full one: each a real restore.
	const target = i % 2 === 0 ? earlier : latest;
	restore.push((await timeAsync(() => snapshots.restore(actor, id, target.id))).ms);
	const state = stateOf(target.id);
	bareRestore.push(time(() => Y.applyUpdate(new Y.Doc(), state)).ms);
}

progress('restores done');
// The update log, one row per edit, appended as the hub appends (transactions of a tick's worth).
const log = 'bench-log';
const pages = () => {
	db.pragma('wal_checkpoint(TRUNCATE)');
	return (db.pragma('page_count', { simple: true }) - db.pragma('freelist_count', { simple: true })) * db.pragma('page_size', { simple: true });
};
const before = pages();
const logicalBytes = perEdit.updates.reduce((sum, u) => sum + u.byteLength, 0);
for (let start = 0; start < perEdit.updates.length; start += 1_000) {
	documents.append(perEdit.updates.slice(start, start + 1_000).map((update, k) => ({ strategyId: log, seq: start + k + 1, update })));
}
const withLog = pages();
const fullLogDatabase = path.join(values.out, 'full-log.db');
fs.rmSync(fullLogDatabase, { force: true });
db.prepare('VACUUM INTO ?').run(fullLogDatabase);
const loaded = time(() => documents.load(log));
const fold = time(() => documents.compact(log, loaded.value.doc, loaded.value.lastSeq));
const afterFold = pages();
const foldedState = db.prepare('SELECT length(state) FROM strategy_documents WHERE strategy_id = ?').pluck().get(log);
await backend.close();

process.stdout.write(
	`${JSON.stringify({
		snapshotCreateMs: median(create),
		bareEncodeStateMs: median(bareCreate),
		snapshotRestoreMs: median(restore),
		bareApplySnapshotMs: median(bareRestore),
		snapshotDiffMs: diffed.ms,
		snapshotDiffSummary: diffed.value.summary,
		log: {
			edits: perEdit.updates.length,
			logicalBytesPerEdit: logicalBytes / perEdit.updates.length,
			fileBytesPerEdit: (withLog - before) / perEdit.updates.length,
			loadMs: loaded.ms,
			foldMs: fold.ms,
			foldedStateBytes: foldedState,
			encodeStateAsUpdateBytes: perEdit.state.byteLength,
			fileBytesAfterFold: afterFold - before
		},
		fullLogDatabase
	})}\n`
);
