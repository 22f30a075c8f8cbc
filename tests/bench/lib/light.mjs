import WebSocket from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { now, until } from './util.mjs';

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
/** Hocuspocus's sync reply: a sync message that does not ask for another step 1. */
export const MESSAGE_SYNC_REPLY = 4;
export const SYNC_STEP_1 = 0;
export const SYNC_STEP_2 = 1;
export const SYNC_UPDATE = 2;

/** Where the y-websocket message starts: Hocuspocus prefixes every message with the document name. */
export function bodyOffset(kind, data) {
	if (kind !== 'hocuspocus') return 0;
	let length = 0;
	let shift = 0;
	let offset = 0;
	for (;;) {
		const byte = data[offset++];
		length |= (byte & 0x7f) << shift;
		if (byte < 0x80) break;
		shift += 7;
	}
	return offset + length;
}

function writeMessage(kind, docName, write) {
	const encoder = encoding.createEncoder();
	if (kind === 'hocuspocus') encoding.writeVarString(encoder, docName);
	write(encoder);
	return encoding.toUint8Array(encoder);
}

/**
 * A light client: a raw socket doing each peer's handshake and nothing else of a Yjs client.
 * It keeps no document; while `recording`, it timestamps every arrival and keeps the bytes,
 * which are decoded only after the run so the load generator stays cheap at N = 200.
 */
export class LightClient {
	/** Arrival times and messages, in pairs, while recording. */
	times = [];
	messages = [];
	recording = false;
	synced = false;
	closeCode = null;
	/** Called with each sync update as it arrives (after the handshake), for closed loops. */
	onUpdate = null;
	/** A state to offer the server when it asks (sync step 1), as a client with content would. */
	initialState = null;

	constructor(peer, logical, user = 0) {
		this.peer = peer;
		this.kind = peer.kind;
		this.docName = peer.docName(logical);
		this.url = peer.docUrl(logical);
		this.headers = peer.headers(user);
	}

	async connect(timeoutMs = 20_000) {
		const socket = new WebSocket(this.url, { headers: this.headers, perMessageDeflate: false });
		this.socket = socket;
		socket.binaryType = 'nodebuffer';
		socket.on('message', (data) => this.receive(data));
		socket.on('close', (code) => (this.closeCode = code));
		await new Promise((resolve, reject) => {
			const timer = setTimeout(() => reject(new Error(`${this.url}: no upgrade within ${timeoutMs} ms`)), timeoutMs);
			socket.once('open', () => {
				clearTimeout(timer);
				resolve();
			});
			socket.once('unexpected-response', (_request, response) => {
				clearTimeout(timer);
				reject(new Error(`${this.url}: upgrade answered ${response.statusCode}`));
			});
			socket.once('error', (error) => {
				clearTimeout(timer);
				reject(error);
			});
		});
		socket.on('error', () => {});
		if (this.kind === 'floor') {
			this.synced = true;
			return;
		}
		if (this.kind === 'hocuspocus') {
			// Hocuspocus queues everything until the client has authenticated (any token: no hook set).
			this.send(writeMessage(this.kind, this.docName, (e) => {
				encoding.writeVarUint(e, MESSAGE_AUTH);
				encoding.writeVarUint(e, 0);
				encoding.writeVarString(e, 'bench');
			}));
		}
		this.send(writeMessage(this.kind, this.docName, (e) => {
			encoding.writeVarUint(e, MESSAGE_SYNC);
			encoding.writeVarUint(e, SYNC_STEP_1);
			encoding.writeVarUint8Array(e, Y.encodeStateVector(new Y.Doc()));
		}));
		await until(() => this.synced || this.closeCode !== null, `${this.url} to sync`, timeoutMs);
		if (!this.synced) throw new Error(`${this.url} closed with ${this.closeCode} before syncing`);
	}

	receive(data) {
		if (this.recording) {
			this.times.push(now());
			this.messages.push(data);
		}
		if (this.synced && !this.onUpdate && !this.initialState) return;
		if (this.kind === 'floor') {
			this.onUpdate?.(data);
			return;
		}
		const offset = bodyOffset(this.kind, data);
		const type = data[offset];
		if (type !== MESSAGE_SYNC && type !== MESSAGE_SYNC_REPLY) return;
		const step = data[offset + 1];
		if (step === SYNC_STEP_2) this.synced = true;
		else if (step === SYNC_UPDATE) this.onUpdate?.(data);
		else if (step === SYNC_STEP_1 && this.initialState) {
			const state = this.initialState;
			this.initialState = null;
			this.sendSync(SYNC_STEP_2, state);
		}
	}

	send(message) {
		if (this.socket.readyState === WebSocket.OPEN) this.socket.send(message);
	}

	sendSync(step, update) {
		this.send(writeMessage(this.kind, this.docName, (e) => {
			encoding.writeVarUint(e, MESSAGE_SYNC);
			encoding.writeVarUint(e, step);
			encoding.writeVarUint8Array(e, update);
		}));
	}

	sendUpdate(update) {
		this.sendSync(SYNC_UPDATE, update);
	}

	sendAwareness(awarenessUpdate) {
		this.send(writeMessage(this.kind, this.docName, (e) => {
			encoding.writeVarUint(e, MESSAGE_AWARENESS);
			encoding.writeVarUint8Array(e, awarenessUpdate);
		}));
	}

	/** The messages recorded so far, handed over and forgotten. */
	takeArrivals() {
		const out = { times: this.times, messages: this.messages };
		this.times = [];
		this.messages = [];
		return out;
	}

	/**
	 * Stops parsing what arrives: only frame headers are read, to skip the payloads and answer
	 * pings (servers drop clients that do not). A load generator on one core cannot parse the
	 * fan-out of a server running flat out; the server still has to send all of it.
	 */
	sink() {
		const tcp = this.socket._socket;
		tcp.removeAllListeners('data');
		this.sunkBytes = 0;
		// Server frames are unmasked: 2 header bytes, then 2 or 8 more for long payloads.
		let head = [];
		let skip = 0;
		let ping = null;
		const headerLength = () => (head.length < 2 ? 2 : [2, 4, 10][Math.max(0, (head[1] & 0x7f) - 125)]);
		tcp.on('data', (chunk) => {
			this.sunkBytes += chunk.length;
			let i = 0;
			while (i < chunk.length) {
				if (skip > 0) {
					const n = Math.min(skip, chunk.length - i);
					ping?.push(chunk.subarray(i, i + n));
					skip -= n;
					i += n;
				} else {
					head.push(chunk[i++]);
					if (head.length < headerLength()) continue;
					const short = head[1] & 0x7f;
					skip = short === 126 ? (head[2] << 8) | head[3] : short === 127 ? Number(Buffer.from(head.slice(2)).readBigUInt64BE()) : short;
					ping = (head[0] & 0x0f) === 0x9 ? [] : null;
					head = [];
				}
				if (skip === 0 && ping) {
					this.socket.pong(Buffer.concat(ping));
					ping = null;
				}
			}
		});
	}

	close() {
		this.socket?.terminate();
	}
}

/** Connects many light clients, a few at a time (a burst of upgrades is not what is measured). */
export async function connectAll(clients, parallel = 25) {
	for (let i = 0; i < clients.length; i += parallel) {
		await Promise.all(clients.slice(i, i + parallel).map((client) => client.connect()));
	}
}
