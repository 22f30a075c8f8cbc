import path from 'node:path';
import { pathToFileURL } from 'node:url';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider as ReferenceProvider } from 'y-websocket';
import { HocuspocusProvider } from '@hocuspocus/provider';
import { now, ROOT, until } from './util.mjs';

// The app ships y-websocket 3 (the editor's client); the reference server pairs with 2.1.0.
const { WebsocketProvider: AppProvider } = await import(pathToFileURL(path.join(ROOT, 'node_modules', 'y-websocket', 'src', 'y-websocket.js')).href);

/** Marks this process's own edits, so a client's 'update' listener can tell them from remote ones. */
export const LOCAL = Symbol('local edit');

/** `ws` with the headers a browser would send (our server checks the session cookie and Origin). */
function socketWithHeaders(headers) {
	return class extends WebSocket {
		constructor(url, protocols) {
			super(url, protocols, { headers, perMessageDeflate: false });
		}
	};
}

/**
 * A full client: each peer's official provider on a real Y.Doc. While `recording`, every
 * remote update is timestamped as it is applied (what an editor would see).
 */
export class FullClient {
	times = [];
	messages = [];
	awarenessArrivals = 0;
	recording = false;

	constructor(peer, logical, user = 0) {
		this.peer = peer;
		this.doc = new Y.Doc();
		const name = peer.docName(logical);
		if (peer.name === 'hocuspocus') {
			this.provider = new HocuspocusProvider({ url: peer.wsBase, name, document: this.doc, WebSocketPolyfill: WebSocket });
			this.isSynced = () => this.provider.isSynced;
		} else if (peer.name === 'ours') {
			this.provider = new AppProvider(`${peer.wsBase}/collab`, name, this.doc, {
				WebSocketPolyfill: socketWithHeaders(peer.headers(user)),
				disableBc: true
			});
			this.isSynced = () => this.provider.synced;
		} else {
			this.provider = new ReferenceProvider(peer.wsBase, name, this.doc, { WebSocketPolyfill: WebSocket, disableBc: true });
			this.isSynced = () => this.provider.synced;
		}
		this.awareness = this.provider.awareness;
		this.doc.on('update', (update, origin) => {
			if (this.recording && origin !== LOCAL) {
				this.times.push(now());
				this.messages.push(update);
			}
		});
		this.awareness.on('update', (_change, origin) => {
			if (this.recording && origin !== 'local') this.awarenessArrivals += 1;
		});
	}

	synced(timeoutMs = 30_000) {
		return until(() => this.isSynced(), `${this.peer.name} provider to sync`, timeoutMs);
	}

	takeArrivals() {
		const out = { times: this.times, messages: this.messages, raw: true };
		this.times = [];
		this.messages = [];
		return out;
	}

	destroy() {
		this.provider.destroy();
		this.doc.destroy();
	}
}
