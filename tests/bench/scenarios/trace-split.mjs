import * as Y from 'yjs';
import { analyse, Ledger } from '../lib/latency.mjs';
import { FullClient, LOCAL } from '../lib/official.mjs';
import { receiverOf } from '../lib/editors.mjs';
import { applyOp, lengthsBefore, textAfter } from '../lib/trace.mjs';
import { now, sleep, until, waitFor } from '../lib/util.mjs';

const ms = (x) => (x === null ? null : Math.round(x * 100) / 100);

function traceText(doc) {
	const paragraph = doc
		.getXmlFragment('default')
		.toArray()
		.find((node) => node instanceof Y.XmlElement && node.getAttribute('bench') === 'trace');
	return paragraph?.get(0) ?? null;
}

/**
 * The trace split across `editors` official clients in turns of `run` operations, at `rate`
 * operations per second in all. Each operation is applied by the editor whose turn it is,
 * once its replica has caught up with the text the operation was made on; at the end every
 * replica must hold exactly the trace's text at that point.
 */
export async function traceSplit(peer, { ops, editors: count, run = 20, rate = 40, durationMs, seed = 3 }) {
	const total = Math.min(ops.length, Math.floor((rate * durationMs) / 1000));
	const lengths = lengthsBefore(ops.slice(0, total));
	const ledger = new Ledger();
	const clients = Array.from({ length: count }, (_, i) => new FullClient(peer, 'split', i));
	let stalls = 0;
	try {
		await Promise.all(clients.map((c) => c.synced()));
		const first = clients[0].doc;
		first.transact(() => {
			const paragraph = new Y.XmlElement('paragraph');
			paragraph.setAttribute('bench', 'trace');
			paragraph.insert(0, [new Y.XmlText()]);
			first.getXmlFragment('default').push([paragraph]);
		}, LOCAL);
		await until(() => clients.every((c) => traceText(c.doc)), 'every replica to see the trace paragraph');
		const texts = clients.map((c) => traceText(c.doc));
		const updates = clients.map(() => null);
		clients.forEach((c, i) => c.doc.on('update', (update, origin) => origin === LOCAL && (updates[i] = update)));
		for (const c of clients) c.recording = true;

		const started = now();
		for (let i = 0; i < total; i++) {
			const due = started + (i * 1000) / rate;
			if (due > now()) await sleep(due - now());
			const who = Math.floor(i / run) % count;
			const text = texts[who];
			// An editor edits the text as they see it: wait until the previous edits reached them.
			if (text.length !== lengths[i]) {
				stalls += 1;
				await waitFor(() => text.length === lengths[i], 5_000, 1);
			}
			const t = now();
			clients[who].doc.transact(() => applyOp(text, ops[i]), LOCAL);
			ledger.record(who, updates[who], t);
		}
		const elapsed = now() - started;
		const expected = textAfter(ops, total);
		const converged = await waitFor(() => texts.every((t) => t.length === expected.length && t.toString() === expected), 15_000, 20);
		for (const c of clients) c.recording = false;
		const result = analyse(ledger, clients.map((c, i) => receiverOf(i, c)));
		return {
			ops: total,
			opsPerSecond: (total * 1000) / elapsed,
			converged,
			stalls,
			undelivered: result.undelivered,
			toAllP50: ms(result.toAll.p50),
			toAllP99: ms(result.toAll.p99),
			perReceiverP50: ms(result.perReceiver.p50),
			perReceiverP99: ms(result.perReceiver.p99)
		};
	} finally {
		for (const c of clients) c.destroy();
	}
}
