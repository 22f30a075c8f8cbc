import { analyse, Ledger } from '../lib/latency.mjs';
import { connectEditors, fullEditor, lightEditor, receiverOf } from '../lib/editors.mjs';
import { LightClient, connectAll } from '../lib/light.mjs';
import { random, sleep, now } from '../lib/util.mjs';

const ms = (x) => (x === null ? null : Math.round(x * 100) / 100);

/**
 * N editors on one document. `active` of them type (Poisson, `rate` keystrokes/s each, 20%
 * backspaces, caret presence ≤ 10/s); everyone receives everything. With `full`, editors
 * are each peer's official client, and `watchers` passive light receivers join too, so the
 * two kinds of receiver can be compared in the same run.
 */
export async function typing(peer, { n, active, full = false, watchers = 0, durationMs, warmupMs = 1_500, rate = 4, seed = 1, graceMs = 2_000 }) {
	const ledger = new Ledger();
	const editors = [];
	for (let i = 0; i < n; i++) editors.push(full ? fullEditor(peer, 'typing', i, ledger) : lightEditor(peer, 'typing', i, ledger));
	const watching = Array.from({ length: watchers }, (_, j) => new LightClient(peer, 'typing', n + j));
	try {
		await connectEditors(editors);
		await connectAll(watching);
		for (const editor of editors) editor.present();
		const typists = editors.slice(0, active);
		for (const typist of typists) typist.startParagraph();
		// Unrecorded typing first, so that neither side is measured while its JIT warms up.
		const warmRand = random(seed + 1_000);
		const warmEnd = now() + warmupMs;
		for (const typist of typists) typist.typeUntil(random(Math.floor(warmRand() * 2 ** 31)), rate, warmEnd);
		await sleep(warmupMs + 500);

		const clients = [...editors.map((e) => e.client), ...watching];
		for (const client of clients) client.recording = true;
		const cpuStart = peer.cpu();
		const started = now();
		const rand = random(seed);
		for (const typist of typists) typist.typeUntil(random(Math.floor(rand() * 2 ** 31)), rate, started + durationMs);
		await sleep(durationMs);
		for (const typist of typists) typist.stop();
		await sleep(graceMs);
		const cpu = peer.cpu() - cpuStart;
		for (const client of clients) client.recording = false;
		const closed = clients.filter((c) => (c.closeCode ?? null) !== null).map((c) => c.closeCode);

		const editorsAsReceivers = editors.map((e) => receiverOf(e.id, e.client));
		const watchersAsReceivers = watching.map((c, j) => receiverOf(n + j, c));
		const all = analyse(ledger, [...editorsAsReceivers, ...watchersAsReceivers], { from: started, to: started + durationMs });
		const result = {
			keystrokes: all.edits,
			keystrokesPerSecond: all.edits / (durationMs / 1000),
			undelivered: all.undelivered,
			toAllP50: ms(all.toAll.p50),
			toAllP95: ms(all.toAll.p95),
			toAllP99: ms(all.toAll.p99),
			perReceiverP50: ms(all.perReceiver.p50),
			perReceiverP99: ms(all.perReceiver.p99),
			deliveries: all.updateDeliveries + all.awarenessDeliveries,
			serverCpuSeconds: cpu,
			cpuMicrosPerDelivery: ((cpu * 1e6) / Math.max(1, all.updateDeliveries + all.awarenessDeliveries)),
			unexpectedCloses: closed
		};
		if (watchers > 0) {
			// The same edits seen by the two kinds of receiver, each group on its own.
			const byFull = analyse(ledger, editorsAsReceivers, { from: started, to: started + durationMs });
			const byLight = analyse(ledger, watchersAsReceivers, { from: started, to: started + durationMs });
			result.validation = {
				fullPerReceiverP50: ms(byFull.perReceiver.p50),
				fullPerReceiverP99: ms(byFull.perReceiver.p99),
				lightPerReceiverP50: ms(byLight.perReceiver.p50),
				lightPerReceiverP99: ms(byLight.perReceiver.p99)
			};
		}
		return result;
	} finally {
		for (const editor of editors) editor.close();
		for (const client of watching) client.close();
	}
}
