import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import { Connection, Frame, type MessageSink } from './connection';
import type { Logger } from '../log';
import {
	MESSAGE_AUTH,
	MESSAGE_AWARENESS,
	MESSAGE_QUERY_AWARENESS,
	MESSAGE_SYNC,
	SYNC_STEP_1,
	SYNC_STEP_2,
	SYNC_UPDATE,
	type RoomState
} from '../../src/lib/collab/protocol';
import { MAX_AWARENESS_STATE_BYTES, STORED_ACK_INTERVAL_MS } from '../../src/lib/limits';
import { Admission, addsNothing, readUpdate } from './admission';
import { shapeAllowed } from './document-shape';

/** An update the room has accepted and numbered, waiting for (or past) its transaction. */
export interface AcceptedUpdate {
	room: Room;
	seq: number;
	update: Uint8Array;
	/** The connection it came from (never sent back to it), or null for the server's own changes. */
	origin: Connection | null;
	/** Called once the update is stored and applied. */
	onStored?: () => void;
	/** A writer's update as decoded when it arrived: its next one may name these items before the document holds them. */
	structs?: ReturnType<typeof Y.decodeUpdate>['structs'];
}

/** Receives accepted updates and stores them, in order, before handing them back to `Room.applyStored`. */
export interface UpdateSink {
	accept(update: AcceptedUpdate): void;
}

/** A presence entry may claim only a few client ids per connection (a tab reconnecting keeps its id). */
const MAX_CLIENT_IDS_PER_CONNECTION = 4;

/** A state vector that names no client: its holder has nothing yet and needs the whole text. */
function isEmptyStateVector(stateVector: Uint8Array): boolean {
	return stateVector.length === 1 && stateVector[0] === 0;
}

function message(type: number, write: (encoder: encoding.Encoder) => void): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, type);
	write(encoder);
	return encoding.toUint8Array(encoder);
}

/** A sync protocol message: a step and its bytes (a state vector for step 1, an update otherwise). */
export function syncMessage(step: typeof SYNC_STEP_1 | typeof SYNC_STEP_2 | typeof SYNC_UPDATE, payload: Uint8Array): Uint8Array {
	return message(MESSAGE_SYNC, (e) => {
		encoding.writeVarUint(e, step);
		encoding.writeVarUint8Array(e, payload);
	});
}

/** Whether a message is sync step 1 from a client that holds nothing yet: it asks for the whole text. */
export function asksForWholeText(bytes: Uint8Array): boolean {
	const decoder = decoding.createDecoder(bytes);
	return (
		decoding.readVarUint(decoder) === MESSAGE_SYNC &&
		decoding.readVarUint(decoder) === SYNC_STEP_1 &&
		isEmptyStateVector(decoding.readVarUint8Array(decoder))
	);
}

/**
 * One open strategy: its Y.Doc, the people connected to it, and their presence.
 *
 * Every change reaches the document the same way (SPEC.md [D4]): an update is checked,
 * numbered and handed to the update sink, which appends it to SQLite in a transaction;
 * only then does `sendStored` send it to everyone but its author and `applyStored` apply it.
 */
export class Room implements MessageSink {
	readonly awareness: Awareness;
	readonly connections = new Set<Connection>();
	/** Client ids in presence and the connection that owns each; the server's own id is reserved. */
	private readonly owners = new Map<number, Connection | 'server'>();
	/** Ids whose connection left, and whose they were: only that person may take one up again. */
	private readonly released = new Map<number, number>();
	private state: RoomState;
	private nextSeq: number;
	/** The highest seq whose update is stored and applied: the document holds exactly the log up to it. */
	storedSeq: number;
	logCount: number;
	logBytes: number;
	/** The document as one update, and the stored seq it holds everything up to: encoded once per change. */
	private encoded: { seq: number; state: Uint8Array } | null;
	/** Accepted updates the database has not taken yet; kept in memory until it does [D6]. */
	readonly unsaved: AcceptedUpdate[] = [];
	/** Writers whose updates were stored since they last heard so. */
	private readonly unacknowledged = new Set<Connection>();
	private ackTimer: NodeJS.Timeout | null = null;
	private readonly admission: Admission;

	constructor(
		readonly strategyId: string,
		readonly doc: Y.Doc,
		stored: { state: Uint8Array; lastSeq: number; logCount: number; logBytes: number },
		status: { status: RoomState['status']; lockedBy: string | null },
		private readonly sink: UpdateSink,
		private readonly log: Logger,
		private readonly onEmpty: (room: Room) => void,
		private readonly onRefused: (connection: Connection) => void = () => {}
	) {
		this.nextSeq = stored.lastSeq + 1;
		this.storedSeq = stored.lastSeq;
		this.logCount = stored.logCount;
		this.logBytes = stored.logBytes;
		this.encoded = stored.logCount === 0 ? { seq: stored.lastSeq, state: stored.state } : null;
		this.awareness = new Awareness(doc);
		this.admission = new Admission(doc);
		this.owners.set(doc.clientID, 'server');
		this.state = { storage: 'ok', status: status.status, lockedBy: status.lockedBy };
		this.awareness.setLocalState({ server: this.state });
		this.awareness.on('update', ({ added, updated, removed }: Record<string, number[]>, origin: unknown) => {
			const changed = [...added!, ...updated!, ...removed!];
			const payload = new Frame(message(MESSAGE_AWARENESS, (e) => encoding.writeVarUint8Array(e, encodeAwarenessUpdate(this.awareness, changed))));
			// People's presence may wait for the next edit to travel with; the room's own state (a lock) may not.
			const presence = origin instanceof Connection;
			for (const connection of this.connections) if (connection !== origin) connection.send(payload, { presence });
		});
	}

	get storage(): RoomState['storage'] {
		return this.state.storage;
	}

	/** Takes in a connection; `asked`: it has already been sent our state vector (see `CollabHub.open`). */
	join(connection: Connection, { asked = false } = {}): void {
		this.connections.add(connection);
		if (!asked) connection.send(this.syncStep1());
		this.sendPresence(connection);
	}

	leave(connection: Connection): void {
		if (!this.connections.delete(connection)) return;
		this.unacknowledged.delete(connection);
		const owned = [...connection.clientIds].filter((id) => this.owners.get(id) === connection);
		for (const id of owned) {
			this.owners.delete(id);
			this.released.set(id, connection.actor.id);
		}
		if (owned.length > 0) removeAwarenessStates(this.awareness, owned, connection);
		if (this.connections.size === 0) this.onEmpty(this);
	}

	receive(connection: Connection, decoder: decoding.Decoder): void {
		const type = decoding.readVarUint(decoder);
		switch (type) {
			case MESSAGE_SYNC:
				return this.receiveSync(connection, decoder);
			case MESSAGE_AWARENESS:
				return this.receivePresence(connection, decoding.readVarUint8Array(decoder));
			case MESSAGE_QUERY_AWARENESS:
				return this.sendPresence(connection);
			case MESSAGE_AUTH:
				return;
			default:
				throw new Error(`unknown message type ${type}`);
		}
	}

	private receiveSync(connection: Connection, decoder: decoding.Decoder): void {
		const step = decoding.readVarUint(decoder);
		if (step === SYNC_STEP_1) {
			const stateVector = decoding.readVarUint8Array(decoder);
			const missing = isEmptyStateVector(stateVector) ? this.wholeText() : Y.encodeStateAsUpdate(this.doc, stateVector);
			connection.handshakeDone = true;
			connection.send(syncMessage(SYNC_STEP_2, missing));
			return;
		}
		if (step !== SYNC_STEP_2 && step !== SYNC_UPDATE) throw new Error(`unknown sync step ${step}`);
		const update = decoding.readVarUint8Array(decoder);
		const decoded = readUpdate(update);
		// Most often a client's answer to our sync step 1: nothing to store, nothing to refuse.
		if (addsNothing(this.doc, decoded)) return;
		if (!connection.writable) {
			// [S4] a reader's or a locked strategy's update is dropped: never stored, never sent on.
			this.log.info({ event: 'socket-write-refused', strategyId: this.strategyId, userId: connection.actor.id });
			this.onRefused(connection);
			return;
		}
		if (this.state.storage === 'failing') {
			// [D6] editing is paused while the database refuses writes; the client keeps its
			// edits and offers them again when the room asks for a resync.
			return;
		}
		const waiting = this.unsaved.flatMap((accepted) => (accepted.structs ? [accepted.structs] : []));
		if (!shapeAllowed(this.doc, decoded.structs, waiting) || !this.admission.admit(update, decoded)) {
			// [S6] it overlaps what is held, or names what we lack: ask for that instead; the answer starts where the document ends.
			connection.send(this.syncStep1());
			return;
		}
		this.accept(update, connection, undefined, decoded.structs);
	}

	/** The server's own change (a restore, an import), made on a copy of the document: stored and sent on like an edit. */
	submit(update: Uint8Array, onStored: () => void): void {
		if (!this.admission.admit(update)) throw new Error('the change overlaps the live document');
		this.accept(update, null, onStored);
	}

	/** Numbers an admitted update and hands it to the sink to be stored. */
	private accept(update: Uint8Array, origin: Connection | null, onStored?: () => void, structs?: AcceptedUpdate['structs']): void {
		const accepted: AcceptedUpdate = { room: this, seq: this.nextSeq++, update, origin, onStored, structs };
		this.unsaved.push(accepted);
		this.sink.accept(accepted);
	}

	/**
	 * The sink stored these (in order): send each to everyone but its author, as it was written
	 * and encoded once for all. Every change to the document is one of these, so clients get
	 * exactly what the log holds; a receiver's Yjs integrates it as the room's would.
	 */
	sendStored(updates: readonly AcceptedUpdate[]): void {
		for (const { update, origin } of updates) {
			const payload = new Frame(syncMessage(SYNC_UPDATE, update));
			for (const connection of this.connections) if (connection !== origin) connection.send(payload);
		}
	}

	/** The sink stored and sent these (in order): apply them to the room's document. */
	applyStored(updates: readonly AcceptedUpdate[]): void {
		for (const accepted of updates) {
			const index = this.unsaved.indexOf(accepted);
			if (index >= 0) this.unsaved.splice(index, 1);
			Y.applyUpdate(this.doc, accepted.update, accepted.origin);
			this.storedSeq = accepted.seq;
			this.logCount += 1;
			this.logBytes += accepted.update.byteLength;
			if (accepted.origin) this.unacknowledged.add(accepted.origin);
			accepted.onStored?.();
		}
		this.scheduleAcknowledgement();
	}

	/**
	 * The whole text as one update, as a new client or a page needs it. Encoding a long
	 * strategy takes tens of milliseconds, so it is done once per stored change (or not at
	 * all, when the room was loaded from a folded state or has just folded its log).
	 */
	wholeText(): Uint8Array {
		if (this.encoded?.seq !== this.storedSeq) this.encoded = { seq: this.storedSeq, state: Y.encodeStateAsUpdate(this.doc) };
		return this.encoded.state;
	}

	/** Our state vector, as sync step 1: "this is what I hold" (the protocol's own way to ask for the rest). */
	private syncStep1(): Uint8Array {
		return syncMessage(SYNC_STEP_1, Y.encodeStateVector(this.doc));
	}

	/** Tells writers what is stored, at most once per interval however fast they type [S3]. */
	private scheduleAcknowledgement(): void {
		if (this.ackTimer || this.unacknowledged.size === 0) return;
		this.ackTimer = setTimeout(() => {
			this.ackTimer = null;
			const ack = new Frame(this.syncStep1());
			for (const connection of this.unacknowledged) connection.send(ack);
			this.unacknowledged.clear();
		}, STORED_ACK_INTERVAL_MS);
	}

	/** The database refused this room's updates: pause editing and say so [D6]. */
	storageFailed(): void {
		if (this.state.storage === 'failing') return;
		this.setState({ storage: 'failing' });
	}

	/** The database took everything again: resume, and ask every client for what it holds that we lack. */
	storageRecovered(): void {
		if (this.state.storage === 'ok') return;
		this.setState({ storage: 'ok' });
		this.askForUnstored(this.connections);
	}

	/** Sends our state vector, to which the client answers with every change of its own we do not hold. */
	askForUnstored(connections: Iterable<Connection>): void {
		const request = new Frame(this.syncStep1());
		for (const connection of connections) connection.send(request);
	}

	/** Status or lock holder changed: publish it to every client at once. */
	setStatus(status: RoomState['status'], lockedBy: string | null): void {
		this.setState({ status, lockedBy });
	}

	compacted(throughSeq: number, removedCount: number, removedBytes: number, state: Uint8Array): void {
		if (throughSeq < this.storedSeq) return;
		this.logCount -= removedCount;
		this.logBytes -= removedBytes;
		this.encoded = { seq: throughSeq, state };
	}

	private setState(change: Partial<RoomState>): void {
		this.state = { ...this.state, ...change };
		this.awareness.setLocalStateField('server', this.state);
	}

	private sendPresence(connection: Connection): void {
		const states = [...this.awareness.getStates().keys()];
		connection.send(message(MESSAGE_AWARENESS, (e) => encoding.writeVarUint8Array(e, encodeAwarenessUpdate(this.awareness, states))));
	}

	/**
	 * Presence is who you are [S5]: each entry's `user` is replaced by the server's identity of
	 * the connection, a `server` entry (the room's state) is dropped, and a client id that
	 * belongs to another connection (or the server, or another person before) is refused.
	 *
	 * The stock client sends back every presence change it receives, other people's included,
	 * so entries for ids it does not own arrive all the time: those at a clock we already have
	 * are echoes and are dropped quietly; a newer one is an attempt to speak for someone else.
	 */
	private receivePresence(connection: Connection, update: Uint8Array): void {
		const decoder = decoding.createDecoder(update);
		const count = decoding.readVarUint(decoder);
		const entries: { client: number; clock: number; state: string }[] = [];
		for (let i = 0; i < count; i++) {
			const client = decoding.readVarUint(decoder);
			const clock = decoding.readVarUint(decoder);
			const json = decoding.readVarString(decoder);
			if (json.length > MAX_AWARENESS_STATE_BYTES) throw new Error('presence state too large');
			const owner = this.owners.get(client);
			const state: unknown = JSON.parse(json);
			if (owner !== undefined && owner !== connection) {
				if (clock > (this.awareness.meta.get(client)?.clock ?? 0)) {
					this.log.warn({ event: 'presence-impersonation-refused', userId: connection.actor.id, strategyId: this.strategyId });
				}
				continue;
			}
			if (owner === undefined) {
				const formerly = this.released.get(client);
				if (state === null || (formerly !== undefined && formerly !== connection.actor.id)) continue;
				if (connection.clientIds.size >= MAX_CLIENT_IDS_PER_CONNECTION) continue;
				this.owners.set(client, connection);
				this.released.delete(client);
				connection.clientIds.add(client);
			}
			if (state !== null && (typeof state !== 'object' || Array.isArray(state))) continue;
			// `server` is the room's own state (status, lock holder, storage): only the server says it.
			const { server: _claimed, ...said } = (state ?? {}) as Record<string, unknown>;
			const trusted = state === null ? null : { ...said, user: connection.presence };
			entries.push({ client, clock, state: JSON.stringify(trusted) });
		}
		if (entries.length === 0) return;
		const encoder = encoding.createEncoder();
		encoding.writeVarUint(encoder, entries.length);
		for (const entry of entries) {
			encoding.writeVarUint(encoder, entry.client);
			encoding.writeVarUint(encoder, entry.clock);
			encoding.writeVarString(encoder, entry.state);
		}
		applyAwarenessUpdate(this.awareness, encoding.toUint8Array(encoder), connection);
	}

	/** Releases timers; the document and presence are gone after this. */
	destroy(): void {
		if (this.ackTimer) clearTimeout(this.ackTimer);
		this.awareness.destroy();
		this.doc.destroy();
	}
}
