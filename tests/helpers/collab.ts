import WebSocket from 'ws';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { WebsocketProvider } from 'y-websocket';
import { applyAwarenessUpdate, encodeAwarenessUpdate, Awareness } from 'y-protocols/awareness';
import { MESSAGE_AWARENESS, MESSAGE_SYNC, SYNC_STEP_1, SYNC_STEP_2, SYNC_UPDATE } from '../../src/lib/collab/protocol';

/** Resolves once `condition` holds (it may be async), checking every few milliseconds; fails after `timeoutMs`. */
export async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
	const started = Date.now();
	while (!(await condition())) {
		if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 5));
	}
}

/** A paragraph written as a standalone update, as any Yjs client would send it. */
export function paragraphUpdate(text: string): Uint8Array {
	const doc = new Y.Doc();
	const paragraph = new Y.XmlElement('paragraph');
	paragraph.insert(0, [new Y.XmlText(text)]);
	doc.getXmlFragment('default').push([paragraph]);
	return Y.encodeStateAsUpdate(doc);
}

function wsUrl(baseUrl: string): string {
	return baseUrl.replace(/^http/, 'ws');
}

/** A `ws` client class that presents the session cookie and the page's origin, as a browser would. */
function socketClass(cookie: string | undefined, origin: string | null) {
	return class extends WebSocket {
		constructor(url: string, protocols?: string | string[]) {
			super(url, protocols, { headers: { ...(cookie && { cookie }), ...(origin && { origin }) } });
		}
	};
}

/** The stock y-websocket client in Node, connected to a strategy as the given session. */
export interface Editor {
	doc: Y.Doc;
	provider: WebsocketProvider;
	/** The text of the document's Tiptap fragment as XML, for comparisons. */
	xml(): string;
	/** Appends a paragraph with this text, as a local edit. */
	write(text: string): void;
	synced(): Promise<void>;
	destroy(): void;
}

export function connectEditor(baseUrl: string, cookie: string, strategyId: string, options: { connect?: boolean } = {}): Editor {
	const doc = new Y.Doc();
	const provider = new WebsocketProvider(`${wsUrl(baseUrl)}/collab`, strategyId, doc, {
		WebSocketPolyfill: socketClass(cookie, baseUrl) as unknown as typeof globalThis.WebSocket,
		disableBc: true,
		connect: options.connect ?? true,
		maxBackoffTime: 200
	});
	const fragment = doc.getXmlFragment('default');
	// As an editor does: a presence state of its own (a state still at clock 0 is never relayed by y-protocols).
	provider.awareness.setLocalStateField('user', { name: 'chosen by the client' });
	return {
		doc,
		provider,
		xml: () => fragment.toString(),
		write(text) {
			const paragraph = new Y.XmlElement('paragraph');
			paragraph.insert(0, [new Y.XmlText(text)]);
			fragment.push([paragraph]);
		},
		synced: () => until(() => provider.synced, `${strategyId} to sync`),
		destroy() {
			provider.destroy();
			doc.destroy();
		}
	};
}

/** The HTTP status the server answers a WebSocket upgrade with (101 when it accepts). */
export function upgradeStatus(baseUrl: string, path: string, headers: Record<string, string>): Promise<number> {
	return new Promise((resolve, reject) => {
		const socket = new WebSocket(`${wsUrl(baseUrl)}${path}`, { headers });
		socket.on('unexpected-response', (_request, response) => {
			resolve(response.statusCode ?? 0);
			socket.terminate();
		});
		socket.on('open', () => {
			resolve(101);
			socket.close();
		});
		socket.on('error', (error) => {
			if (!String(error.message).includes('Unexpected server response')) reject(error);
		});
	});
}

/**
 * A bare protocol client for precise tests: it sends exactly the bytes it is told to and
 * records what comes back, in order.
 */
export class RawClient {
	readonly socket: WebSocket;
	readonly received: Uint8Array[] = [];
	/** Everyone's presence as the server sent it. */
	readonly presence = new Awareness(new Y.Doc());
	closeCode: number | null = null;
	readonly opened: Promise<void>;

	constructor(baseUrl: string, cookie: string, strategyId: string) {
		this.socket = new WebSocket(`${wsUrl(baseUrl)}/collab/${strategyId}`, { headers: { cookie, origin: baseUrl } });
		this.presence.setLocalState(null);
		this.socket.on('message', (data: Buffer) => {
			const message = new Uint8Array(data);
			this.received.push(message);
			const decoder = decoding.createDecoder(message);
			if (decoding.readVarUint(decoder) === MESSAGE_AWARENESS) applyAwarenessUpdate(this.presence, decoding.readVarUint8Array(decoder), 'server');
		});
		this.socket.on('close', (code) => (this.closeCode = code));
		this.socket.on('error', () => {});
		this.opened = new Promise((resolve, reject) => {
			this.socket.once('open', () => resolve());
			this.socket.once('unexpected-response', (_q, response) => reject(new Error(`upgrade answered ${response.statusCode}`)));
		});
	}

	send(bytes: Uint8Array | Buffer): void {
		this.socket.send(bytes);
	}

	sendUpdate(update: Uint8Array, step = SYNC_UPDATE): void {
		const encoder = encoding.createEncoder();
		encoding.writeVarUint(encoder, MESSAGE_SYNC);
		encoding.writeVarUint(encoder, step);
		encoding.writeVarUint8Array(encoder, update);
		this.send(encoding.toUint8Array(encoder));
	}

	sendAwareness(awareness: Awareness, clients = [awareness.clientID]): void {
		const encoder = encoding.createEncoder();
		encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
		encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(awareness, clients));
		this.send(encoding.toUint8Array(encoder));
	}

	/**
	 * Sends sync step 1 and waits for the server's step 2: the server handles a connection's
	 * messages in order, so everything sent before has been dealt with when this resolves.
	 */
	async roundTrip(): Promise<Uint8Array> {
		const before = this.received.length;
		const encoder = encoding.createEncoder();
		encoding.writeVarUint(encoder, MESSAGE_SYNC);
		encoding.writeVarUint(encoder, SYNC_STEP_1);
		encoding.writeVarUint8Array(encoder, Y.encodeStateVector(new Y.Doc()));
		this.send(encoding.toUint8Array(encoder));
		let reply: Uint8Array | undefined;
		await until(() => {
			reply = this.received.slice(before).find((message) => {
				const decoder = decoding.createDecoder(message);
				return decoding.readVarUint(decoder) === MESSAGE_SYNC && decoding.readVarUint(decoder) === SYNC_STEP_2;
			});
			return reply !== undefined || this.closeCode !== null;
		}, 'the server to answer sync step 1');
		if (!reply) throw new Error(`closed with ${this.closeCode}`);
		const decoder = decoding.createDecoder(reply);
		decoding.readVarUint(decoder);
		decoding.readVarUint(decoder);
		return decoding.readVarUint8Array(decoder);
	}

	closed(): Promise<number> {
		return until(() => this.closeCode !== null, 'the socket to close').then(() => this.closeCode!);
	}

	close(): void {
		this.socket.close();
	}
}

/** The whole document as the server holds it, read through a fresh raw client. */
export async function serverDocument(baseUrl: string, cookie: string, strategyId: string): Promise<Y.Doc> {
	const client = new RawClient(baseUrl, cookie, strategyId);
	await client.opened;
	const doc = new Y.Doc();
	Y.applyUpdate(doc, await client.roundTrip());
	client.close();
	return doc;
}
