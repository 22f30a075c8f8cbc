import * as Y from 'yjs';
import { analyse, Ledger } from '../lib/latency.mjs';
import { connectEditors, lightEditor, receiverOf } from '../lib/editors.mjs';
import { FullClient } from '../lib/official.mjs';
import { startPeer } from '../lib/peers.mjs';
import { now, random, sleep, waitFor } from '../lib/util.mjs';

/** Whether a restored document still holds an edit: its inserted characters and its deletions. */
function holds(doc, keys) {
	const stateVector = Y.decodeStateVector(Y.encodeStateVector(doc));
	const { ds } = Y.snapshot(doc);
	return keys.every((key) => {
		const [kind, client, clock] = key.split(':');
		if (kind === 'i') return (stateVector.get(Number(client)) ?? 0) > Number(clock);
		return Y.isDeleted(ds, Y.createID(Number(client), Number(clock)));
	});
}

/**
 * `editors` people type for `durationMs`; then the server is killed (SIGKILL) mid-typing and
 * restarted on what it stored. An edit every other editor had received before the kill was
 * acknowledged in every sense a user can see; the ones the restarted server no longer has are lost.
 */
export async function durability(peerName, ctx, dir, { editors: count = 10, durationMs, rate = 4, seed = 11 }) {
	let peer = await startPeer(peerName, ctx, dir);
	const ledger = new Ledger();
	const editors = Array.from({ length: count }, (_, i) => lightEditor(peer, 'durable', i, ledger));
	let killedAt;
	try {
		await connectEditors(editors);
		for (const editor of editors) {
			editor.present();
			editor.startParagraph();
			editor.client.recording = true;
		}
		await sleep(300);
		const rand = random(seed);
		const started = now();
		// Typing goes on past the kill: the kill lands between keystrokes, as a crash would.
		for (const editor of editors) editor.typeUntil(random(Math.floor(rand() * 2 ** 31)), rate, started + durationMs + 2_000);
		await sleep(durationMs);
		killedAt = now();
		await peer.kill();
	} finally {
		for (const editor of editors) editor.close();
	}
	const result = analyse(ledger, editors.map((e) => receiverOf(e.id, e.client)));
	const acknowledged = ledger.events.filter((event) => {
		const got = result.reach.get(event);
		return event.t < killedAt && got && got.count >= count - 1;
	});

	peer = await startPeer(peerName, ctx, dir, { reuse: true });
	try {
		const reader = new FullClient(peer, 'durable', count);
		try {
			await reader.synced(60_000);
			// The reference server syncs before its storage has loaded, then sends what it had:
			// read once the document has been still for a second.
			let changedAt = now();
			reader.doc.on('update', () => (changedAt = now()));
			await waitFor(() => now() - changedAt > 1_000, 10_000, 20);
			const lost = acknowledged.filter((event) => !holds(reader.doc, event.keys));
			const sentBeforeKill = ledger.events.filter((event) => event.t < killedAt);
			const keptOfSent = sentBeforeKill.filter((event) => holds(reader.doc, event.keys)).length;
			return {
				sent: sentBeforeKill.length,
				acknowledged: acknowledged.length,
				lostAcknowledged: lost.length,
				lostWindowMs: lost.length > 0 ? Math.round(killedAt - Math.min(...lost.map((e) => e.t))) : 0,
				keptOfSent
			};
		} finally {
			reader.destroy();
		}
	} finally {
		await peer.stop();
	}
}
