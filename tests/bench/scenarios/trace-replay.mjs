import fs from 'node:fs';
import path from 'node:path';
import { browserOpen } from '../lib/browser.mjs';
import { messageKeys, updateKeys } from '../lib/latency.mjs';
import { LightClient, connectAll } from '../lib/light.mjs';
import { FullClient } from '../lib/official.mjs';
import { startPeer, storedBytes } from '../lib/peers.mjs';
import { fragmentTextLength } from '../lib/trace.mjs';
import { dirBytes, now, sleep, waitFor } from '../lib/util.mjs';

/** Sender connections stay under our 200 messages/s per connection (same pacing for every peer). */
const MAX_MESSAGES_PER_CONNECTION = 190;

/**
 * The whole trace in a closed loop: `senders` connections take turns sending the trace's
 * updates (`batch` operations each), with at most one update per sender in flight; an
 * observer's receipt of an update (matched by identity, so merged or reordered broadcasts
 * count right) frees the window. Ends when the observer has every update, or at `limitMs`.
 */
async function replay(peer, replayData, { senders: count, limitMs }) {
	const { updates } = replayData;
	const indexOf = replayData.indexOf;
	const senders = Array.from({ length: count }, (_, i) => new LightClient(peer, 'trace', i));
	const observer = new LightClient(peer, 'trace', count);
	await connectAll([...senders, observer]);
	const observed = new Uint8Array(updates.length);
	let observedCount = 0;
	let next = 0;
	const nextAllowed = new Float64Array(count);
	let wake = null;
	const pump = () => {
		while (next < updates.length && next - observedCount < count) {
			const slot = next % count;
			const t = now();
			if (t < nextAllowed[slot]) {
				if (!wake) wake = setTimeout(() => ((wake = null), pump()), nextAllowed[slot] - t);
				return;
			}
			nextAllowed[slot] = t + 1000 / MAX_MESSAGES_PER_CONNECTION;
			senders[slot].sendUpdate(updates[next++]);
		}
	};
	observer.onUpdate = (data) => {
		for (const key of messageKeys(peer.kind, data)) {
			const index = indexOf.get(key);
			if (index !== undefined && !observed[index]) {
				observed[index] = 1;
				observedCount += 1;
			}
		}
		pump();
	};
	const started = now();
	pump();
	const complete = await waitFor(() => observedCount === updates.length || senders.some((s) => s.closeCode !== null), limitMs, 2);
	const elapsed = now() - started;
	clearTimeout(wake);
	for (const client of [...senders, observer]) client.close();
	const done = observedCount === updates.length;
	return {
		complete: complete && done,
		updates: observedCount,
		edits: Math.round((replayData.ops * observedCount) / updates.length),
		editsPerSecond: (replayData.ops * observedCount) / updates.length / (elapsed / 1000),
		messagesPerSecond: observedCount / (elapsed / 1000),
		closes: senders.filter((s) => s.closeCode !== null).map((s) => s.closeCode)
	};
}

/**
 * Time from a new official client to holding the whole document, on a server that has just
 * started. Not just its 'synced': the reference server answers before its storage has loaded
 * and sends the stored state afterwards.
 */
async function coldLoad(peer, logical, expectedLength) {
	const started = now();
	const client = new FullClient(peer, logical, 0);
	try {
		const complete = await waitFor(() => client.isSynced() && fragmentTextLength(client.doc) === expectedLength, 120_000, 1);
		return { ms: now() - started, complete };
	} finally {
		client.destroy();
	}
}

/**
 * Replays the trace into a fresh server, then measures what it stored and how long a restarted
 * server takes to serve the document to a new client (cold load). For ours, twice: after a
 * clean stop (the log folded into one state) and from a copy taken before the stop (the log
 * as it was, up to 2,000 updates since the last fold), plus, when the app script made one,
 * a database whose log holds the whole trace one edit per update. For ours, then, the same
 * document opened in a real browser.
 */
export async function traceReplay(peerName, ctx, dir, replayData, { senders, limitMs, fullLog = true }) {
	const result = {};
	let peer = await startPeer(peerName, ctx, dir);
	try {
		Object.assign(result, await replay(peer, replayData, { senders, limitMs }));
		await sleep(500);
		if (peerName === 'ours') {
			// Idle now, so a plain copy of the WAL database is what a crash would leave.
			const copy = path.join(dir, 'uncompacted');
			fs.mkdirSync(copy, { recursive: true });
			for (const suffix of ['', '-wal']) {
				const file = path.join(dir, `acquis.db${suffix}`);
				if (fs.existsSync(file)) fs.copyFileSync(file, path.join(copy, `acquis.db${suffix}`));
			}
			result.storedBeforeStop = storedBytes(peer, 'trace');
		}
		if (peerName === 'y-websocket') result.storedBeforeLoadBytes = dirBytes(path.join(dir, 'leveldb'));
	} finally {
		await peer.stop();
	}
	if (peerName !== 'y-websocket') result.stored = storedBytes(peer, 'trace');

	peer = await startPeer(peerName, ctx, dir, { reuse: true });
	try {
		result.coldLoad = await coldLoad(peer, 'trace', replayData.length);
		if (peerName === 'ours') result.browserOpen = await browserOpen(peer, 'trace', replayData.length);
		if (peerName === 'y-websocket') {
			// y-leveldb folds more than 500 updates into one when it loads a document.
			await sleep(1_000);
			result.storedAfterLoadBytes = dirBytes(path.join(dir, 'leveldb'));
		}
	} finally {
		await peer.stop();
	}

	if (peerName === 'ours') {
		peer = await startPeer('ours', ctx, path.join(dir, 'uncompacted'), { reuse: true });
		try {
			result.coldLoadUncompacted = await coldLoad(peer, 'trace', replayData.length);
		} finally {
			await peer.kill();
		}
		if (fullLog && ctx.fullLogDatabase) {
			const fullLogDir = path.join(dir, 'full-log');
			fs.mkdirSync(fullLogDir, { recursive: true });
			fs.copyFileSync(ctx.fullLogDatabase, path.join(fullLogDir, 'acquis.db'));
			peer = await startPeer('ours', ctx, fullLogDir, { reuse: true });
			try {
				result.coldLoadFullLog = await coldLoad(peer, 'bench-log', replayData.length);
			} finally {
				await peer.kill();
			}
		}
	}
	return result;
}

/** The replay's updates with an index from identity to update, built once per run. */
export function replayData(trace, built) {
	const indexOf = new Map();
	built.updates.forEach((update, index) => {
		for (const key of updateKeys(update)) indexOf.set(key, index);
	});
	return { ...built, ops: trace.ops.length, indexOf };
}
