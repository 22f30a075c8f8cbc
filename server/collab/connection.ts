import type { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';
import * as decoding from 'lib0/decoding';
import type { Actor } from '../auth/policy';
import type { Logger } from '../log';
import { CLOSE } from '../../src/lib/collab/protocol';
import {
	MAX_SEND_BUFFER_BYTES,
	PRESENCE_HOLD_MS,
	SOCKET_MESSAGE_BURST,
	SOCKET_MESSAGES_PER_SECOND,
	SYNC_HANDSHAKE_TIMEOUT_MS
} from '../../src/lib/limits';
import type { PresenceUser } from '../../src/lib/collab/protocol';

/** What a connection hands its room, one decoded message at a time. */
export interface MessageSink {
	receive(connection: Connection, decoder: decoding.Decoder, message: Uint8Array): void;
	leave(connection: Connection): void;
}

/** A token bucket: SOCKET_MESSAGES_PER_SECOND sustained, SOCKET_MESSAGE_BURST at once. */
class MessageBudget {
	private tokens = SOCKET_MESSAGE_BURST;
	private refilledAt = performance.now();

	take(): boolean {
		const now = performance.now();
		this.tokens = Math.min(SOCKET_MESSAGE_BURST, this.tokens + ((now - this.refilledAt) / 1000) * SOCKET_MESSAGES_PER_SECOND);
		this.refilledAt = now;
		if (this.tokens < 1) return false;
		this.tokens -= 1;
		return true;
	}
}

/**
 * A binary message as one WebSocket frame (RFC 6455, section 5.2), made once and written as
 * it is to every receiver: a server's frames are not masked, so they are the same bytes for
 * everyone. Given the message instead, ws frames it again for each socket and writes it as
 * two chunks, a header and the message. Sending one small message to 49 sockets, that took
 * 4.5 µs of CPU per receiver against 4.1 µs for this (`ws` 8.23, this machine).
 */
export class Frame {
	readonly bytes: Buffer;

	constructor(message: Uint8Array) {
		const length = message.byteLength;
		const header = length < 126 ? 2 : length < 65536 ? 4 : 10;
		const bytes = Buffer.allocUnsafe(header + length);
		bytes[0] = 0x82; // the final (and only) fragment of a binary message
		if (header === 2) bytes[1] = length;
		else if (header === 4) {
			bytes[1] = 126;
			bytes.writeUInt16BE(length, 2);
		} else {
			bytes[1] = 127;
			bytes.writeBigUInt64BE(BigInt(length), 2);
		}
		bytes.set(message, header);
		this.bytes = bytes;
	}
}

/** Sockets holding back frames (see `Connection.send`). */
const holding = new Set<Duplex>();
/** The release due at the end of this turn of the event loop. */
let releaseThisTurn: NodeJS.Immediate | null = null;
/** Only presence is held: it leaves when this fires, if nothing else has taken it first. */
let presenceTimer: NodeJS.Timeout | null = null;

/** Writes out every frame held back so far: one write per socket, however many frames it holds. */
export function releaseHeldFrames(): void {
	// A release still scheduled would take out presence held after this one, before its time.
	if (releaseThisTurn) clearImmediate(releaseThisTurn);
	if (presenceTimer) clearTimeout(presenceTimer);
	releaseThisTurn = null;
	presenceTimer = null;
	for (const stream of holding) stream.uncork();
	holding.clear();
}

/**
 * One live socket of one person in one room. Every message is decoded inside a guard: bytes
 * that do not decode close this connection only (SPEC.md [S6]); the process, the room and the
 * other clients carry on.
 */
export class Connection {
	/** Client ids this connection has presented in awareness; nobody else may use them [S5]. */
	readonly clientIds = new Set<number>();
	/** Whether updates from this connection are stored; false for readers and on locked text [S4]. */
	writable: boolean;
	/** Set once the client has sent sync step 1. */
	handshakeDone = false;
	/** The status under which a refused write was last put on record, so each lock is recorded once. */
	refusalRecorded: string | null = null;
	/** Messages kept while the connection's room loads (`hold`), delivered in order by `resume`. */
	private held: Uint8Array[] | null = null;
	private readonly budget = new MessageBudget();
	private readonly handshakeTimer: NodeJS.Timeout;
	private alive = true;
	private closed = false;
	private activeSinceBeat = false;

	constructor(
		readonly socket: WebSocket,
		private readonly stream: Duplex,
		public actor: Actor,
		readonly sessionId: string,
		readonly strategyId: string,
		readonly presence: PresenceUser,
		writable: boolean,
		private readonly sink: MessageSink,
		private readonly log: Logger
	) {
		this.writable = writable;
		this.handshakeTimer = setTimeout(() => {
			if (!this.handshakeDone) this.close(CLOSE.syncTimeout, 'sync handshake not started');
		}, SYNC_HANDSHAKE_TIMEOUT_MS);
		socket.on('message', (data, isBinary) => this.onMessage(data as Buffer, isBinary));
		socket.on('pong', () => {
			this.alive = true;
		});
		socket.on('close', () => this.onClose());
		// An unhandled socket error would take the process down.
		socket.on('error', (error) => {
			this.log.debug({ event: 'socket-error', message: error.message });
			socket.terminate();
		});
	}

	private onMessage(data: Buffer, isBinary: boolean): void {
		if (this.closed) return;
		this.activeSinceBeat = true;
		if (!this.budget.take()) {
			this.log.warn({ event: 'socket-flooding', userId: this.actor.id });
			this.close(CLOSE.flooding, 'too many messages');
			return;
		}
		if (!isBinary) {
			this.close(CLOSE.badMessage, 'binary messages only');
			return;
		}
		const message = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
		if (this.held) this.held.push(message);
		else this.deliver(message);
	}

	private deliver(message: Uint8Array): void {
		try {
			this.sink.receive(this, decoding.createDecoder(message), message);
		} catch (error) {
			this.log.warn({ event: 'socket-bad-message', userId: this.actor.id, message: (error as Error).message });
			this.close(CLOSE.badMessage, 'message could not be decoded');
		}
	}

	/**
	 * Sends a message; a receiver too far behind is disconnected rather than buffered without
	 * end [S7]. Frames for one socket within a turn (a burst of stored edits, presence from many
	 * people) leave in one system call instead of one each: the system calls were most of the
	 * server's work. Other people's presence (`presence`) may wait up to `PRESENCE_HOLD_MS` for
	 * the next frame that must leave, and go with it [S5]: in a room of 50 typists that cut the
	 * server's writes by a third.
	 */
	send(message: Uint8Array | Frame, { presence = false } = {}): void {
		if (!this.isOpen) return;
		if (this.socket.bufferedAmount > MAX_SEND_BUFFER_BYTES) {
			this.close(CLOSE.slowReader, 'not reading fast enough');
			return;
		}
		if (!holding.has(this.stream)) {
			this.stream.cork();
			holding.add(this.stream);
		}
		if (!presence) releaseThisTurn ??= setImmediate(releaseHeldFrames);
		else if (!releaseThisTurn) presenceTimer ??= setTimeout(releaseHeldFrames, PRESENCE_HOLD_MS);
		this.stream.write((message instanceof Frame ? message : new Frame(message)).bytes);
	}

	/** Keeps what the client sends from now on, unread, until `resume`. */
	hold(): void {
		this.held ??= [];
	}

	/** Hands the room everything kept since `hold`, in the order it came. */
	resume(): void {
		const held = this.held ?? [];
		this.held = null;
		for (const message of held) if (!this.closed) this.deliver(message);
	}

	/**
	 * Sends a message at once, past any frames held for this turn, and calls `written` once the
	 * system has taken all of it (or the socket failed): a large message otherwise leaves only
	 * as far as the socket's buffer before the process turns to other work.
	 */
	sendAtOnce(message: Uint8Array, written: () => void): void {
		if (holding.has(this.stream)) releaseHeldFrames();
		if (!this.isOpen) return void process.nextTick(written);
		this.stream.write(new Frame(message).bytes, () => written());
	}

	/** Whether the client sent anything since the last call: editing keeps its session alive. */
	takeActivity(): boolean {
		const active = this.activeSinceBeat;
		this.activeSinceBeat = false;
		return active;
	}

	/** Called by the hub's heartbeat: a connection that missed the last ping is dropped. */
	ping(): void {
		if (!this.alive) {
			this.socket.terminate();
			return;
		}
		this.alive = false;
		this.socket.ping();
	}

	close(code: number, reason: string): void {
		if (this.closed) return;
		this.socket.close(code, reason);
		// The close frame must not wait behind held presence [S8]: it leaves now, with what is held.
		if (holding.has(this.stream)) releaseHeldFrames();
		this.onClose();
	}

	private onClose(): void {
		if (this.closed) return;
		this.closed = true;
		clearTimeout(this.handshakeTimer);
		this.sink.leave(this);
	}

	/** Whether frames may still be written: not closed by either side, nor closing. */
	private get isOpen(): boolean {
		return !this.closed && this.socket.readyState === this.socket.OPEN;
	}

	get isClosed(): boolean {
		return this.closed;
	}
}
