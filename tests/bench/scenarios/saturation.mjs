import { analyse, Ledger } from '../lib/latency.mjs';
import { connectEditors, lightEditor, receiverOf } from '../lib/editors.mjs';
import { random, sleep, now } from '../lib/util.mjs';

/** To-all p95 above this means the server no longer keeps up with people typing. */
const SATURATED_P95_MS = 2_000;

/**
 * A rising-rate run: `n` light editors typing together, the aggregate keystroke rate raised
 * step by step. The saturation point is the last rate whose to-all p95 stayed under 2 s
 * (an edit some receiver never got within the step counts as slower than that).
 *
 * Only `recorders` of the editors parse and timestamp what they receive, spread over the join
 * order and always including the last to join (servers send in join order, so it hears last);
 * the others count bytes and drop them, so that the server, not the load generator, runs out first.
 */
export async function saturation(peer, { n, recorders = 6, rates, stepMs, graceMs = 2_500, warmupMs = 1_500, seed = 7 }) {
	const ledger = new Ledger();
	const editors = Array.from({ length: n }, (_, i) => lightEditor(peer, 'typing', i, ledger));
	const steps = [];
	try {
		await connectEditors(editors);
		for (const editor of editors) {
			editor.present();
			editor.startParagraph();
		}
		const recording = editors.filter((_, i) => i === n - 1 || i % Math.ceil(n / (recorders - 1)) === 0);
		for (const editor of editors) if (!recording.includes(editor)) editor.client.sink();
		const rand = random(seed);
		// Unrecorded warm-up, so the first step does not measure either side's JIT.
		const warmEnd = now() + warmupMs;
		for (const editor of editors) editor.typeUntil(random(Math.floor(rand() * 2 ** 31)), rates[0] / 2 / n, warmEnd);
		await sleep(warmupMs + 1_000);
		for (const rate of rates) {
			if (!peer.alive()) break;
			for (const editor of editors) editor.prepare(rand, Math.ceil(((rate / n) * stepMs) / 1000 * 1.5) + 20);
			for (const editor of recording) editor.client.recording = true;
			const cpuStart = peer.cpu();
			const total = (key) => editors.reduce((sum, e) => sum + (e[key] ?? e.client[key] ?? 0), 0);
			const awarenessBefore = total('awarenessSent');
			const sunkBefore = total('sunkBytes');
			const started = now();
			for (const editor of editors) editor.typeUntil(random(Math.floor(rand() * 2 ** 31)), rate / n, started + stepMs);
			await sleep(stepMs);
			for (const editor of editors) editor.stop();
			await sleep(graceMs);
			const cpu = peer.alive() ? peer.cpu() - cpuStart : null;
			for (const editor of recording) editor.client.recording = false;
			const result = analyse(ledger, recording.map((e) => receiverOf(e.id, e.client)), { from: started, to: started + stepMs });
			// Every editor receives every other editor's keystrokes and presence.
			const deliveries = (result.edits + total('awarenessSent') - awarenessBefore) * (n - 1);
			const step = {
				offered: rate,
				sent: result.edits / (stepMs / 1000),
				p95: result.toAllP95WithLost,
				undelivered: result.undelivered,
				deliveriesPerSecond: deliveries / (stepMs / 1000),
				bytesSunkPerSecond: (total('sunkBytes') - sunkBefore) / ((stepMs + graceMs) / 1000),
				serverCpuShare: cpu === null ? null : cpu / ((stepMs + graceMs) / 1000),
				cpuMicrosPerDelivery: cpu === null ? null : (cpu * 1e6) / Math.max(1, deliveries),
				closes: editors.filter((e) => e.client.closeCode !== null).length
			};
			steps.push(step);
			ledger.clear();
			if (!(step.p95 <= SATURATED_P95_MS) || step.closes > 0) break;
			await sleep(500);
		}
	} finally {
		for (const editor of editors) editor.close();
	}
	const good = steps.filter((s) => s.p95 <= SATURATED_P95_MS && s.closes === 0);
	const best = good.at(-1);
	const top = steps.at(-1);
	return {
		saturationKeystrokesPerSecond: best ? best.sent : 0,
		/**
		 * What one core would carry at this CPU cost per delivery (from the highest step): a
		 * ceiling that does not depend on the load generator keeping up.
		 */
		cpuBoundKeystrokesPerSecond: top?.cpuMicrosPerDelivery ? 1e6 / top.cpuMicrosPerDelivery / (n - 1) : null,
		/** True when even the highest step kept up: the number is a lower bound. */
		neverSaturated: good.length === steps.length && steps.length === rates.length,
		steps
	};
}
