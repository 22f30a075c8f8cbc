import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { bodyOffset, MESSAGE_AWARENESS, MESSAGE_SYNC, MESSAGE_SYNC_REPLY, SYNC_STEP_2, SYNC_UPDATE } from './light.mjs';
import { now, percentile } from './util.mjs';

/** A bound on the ids taken from one struct or deletion (keystrokes are one character). */
const MAX_RANGE = 10_000;

/**
 * The identity of an update: the ids of the characters it inserts (`i:client:clock`) and of
 * those it deletes (`d:client:clock`). Servers re-encode updates, but these ids survive, so a
 * receiver can tell which local transaction of which sender an arrival carries.
 */
export function updateKeys(update) {
	const { structs, ds } = Y.decodeUpdate(update);
	const keys = [];
	for (const struct of structs) {
		if (!(struct instanceof Y.Item)) continue;
		for (let i = 0; i < Math.min(struct.length, MAX_RANGE); i++) keys.push(`i:${struct.id.client}:${struct.id.clock + i}`);
	}
	for (const [client, items] of ds.clients) {
		for (const item of items) for (let i = 0; i < Math.min(item.len, MAX_RANGE); i++) keys.push(`d:${client}:${item.clock + i}`);
	}
	return keys;
}

/** What a received protocol message is: an update (with its keys), presence, or protocol chatter. */
function classify(kind, data) {
	if (kind === 'floor') return { type: 'update', keys: floorKeys(data) };
	const offset = bodyOffset(kind, data);
	const type = data[offset];
	if (type === MESSAGE_AWARENESS) return { type: 'awareness' };
	if (type !== MESSAGE_SYNC && type !== MESSAGE_SYNC_REPLY) return { type: 'other' };
	const decoder = decoding.createDecoder(data.subarray(offset + 1));
	const step = decoding.readVarUint(decoder);
	if (step !== SYNC_UPDATE && step !== SYNC_STEP_2) return { type: 'other' };
	return { type: 'update', keys: updateKeys(decoding.readVarUint8Array(decoder)) };
}

/** The ids carried by a received protocol message (none unless it is an update). */
export function messageKeys(kind, data) {
	const parsed = classify(kind, data);
	return parsed.type === 'update' ? parsed.keys : [];
}

/** The floor relays the clients' own bytes, y-websocket framed: same parse, no Hocuspocus prefix. */
function floorKeys(data) {
	const decoder = decoding.createDecoder(data);
	if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return [];
	decoding.readVarUint(decoder);
	return updateKeys(decoding.readVarUint8Array(decoder));
}

/**
 * Every edit sent in a run, with its send time and sender. Identities are worked out after
 * the run, so that recording a keystroke costs the load generator next to nothing.
 */
export class Ledger {
	events = [];
	#sent = null;

	/** Registers a local transaction's update as sent at `t` by `sender`. */
	record(sender, update, t = now()) {
		const event = { t, sender, update, keys: null };
		this.events.push(event);
		this.#sent = null;
		return event;
	}

	/** Identity → edit, built on first use after the run. */
	get sent() {
		if (!this.#sent) {
			this.#sent = new Map();
			for (const event of this.events) {
				event.keys ??= updateKeys(event.update);
				for (const key of event.keys) this.#sent.set(key, event);
			}
		}
		return this.#sent;
	}

	clear() {
		this.events = [];
		this.#sent = null;
	}
}

function summary(values) {
	return { n: values.length, p50: percentile(values, 50), p95: percentile(values, 95), p99: percentile(values, 99), max: percentile(values, 100) };
}

/**
 * Latency by message identity: for every edit, the time from the sender's transaction to its
 * arrival at each other receiver (per-receiver), and to its arrival at the last of them
 * (to-all). `receivers` are `{ id, kind, arrivals }`; an edit some receiver never got counts
 * as undelivered, not as a sample.
 */
export function analyse(ledger, receivers, { from = -Infinity, to = Infinity } = {}) {
	const sent = ledger.sent;
	const cache = new Map();
	/** Per edit: how many receivers got it, and when the last of them did. */
	const reach = new Map();
	const perReceiver = [];
	let updateDeliveries = 0;
	let awarenessDeliveries = 0;
	for (const receiver of receivers) {
		const seen = new Set();
		const { times, messages, raw } = receiver.arrivals;
		for (let i = 0; i < messages.length; i++) {
			const data = messages[i];
			const cacheKey = `${raw ? 'r' : receiver.kind}${Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('latin1')}`;
			let parsed = cache.get(cacheKey);
			if (!parsed) {
				parsed = raw ? { type: 'update', keys: updateKeys(data) } : classify(receiver.kind, data);
				cache.set(cacheKey, parsed);
			}
			if (parsed.type === 'awareness') {
				awarenessDeliveries += 1;
				continue;
			}
			if (parsed.type !== 'update') continue;
			// One arrival may carry several edits (a server that merged them): credit each.
			for (const key of parsed.keys) {
				const event = sent.get(key);
				if (!event || event.sender === receiver.id || seen.has(event)) continue;
				seen.add(event);
				updateDeliveries += 1;
				const got = reach.get(event) ?? { count: 0, last: 0 };
				got.count += 1;
				got.last = Math.max(got.last, times[i]);
				reach.set(event, got);
				if (event.t >= from && event.t <= to) perReceiver.push(times[i] - event.t);
			}
		}
		if (raw) awarenessDeliveries += receiver.awarenessArrivals ?? 0;
	}
	const ids = new Set(receivers.map((r) => r.id));
	const toAll = [];
	let undelivered = 0;
	let edits = 0;
	for (const event of ledger.events) {
		if (event.t < from || event.t > to) continue;
		edits += 1;
		const expected = receivers.length - (ids.has(event.sender) ? 1 : 0);
		const got = reach.get(event);
		if (got && got.count >= expected) toAll.push(got.last - event.t);
		else undelivered += 1;
	}
	return {
		edits,
		undelivered,
		updateDeliveries,
		awarenessDeliveries,
		perReceiver: summary(perReceiver),
		toAll: summary(toAll),
		/** p95 with undelivered edits counted as never arriving: what saturation is judged on. */
		toAllP95WithLost: percentile([...toAll, ...Array(undelivered).fill(Infinity)], 95),
		reach
	};
}
