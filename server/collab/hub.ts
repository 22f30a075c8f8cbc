import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { can, type Actor } from '../auth/policy';
import { sessionCookieName, type Sessions } from '../auth/sessions';
import type { Config } from '../config';
import type { DocumentStore } from '../document/store';
import type { EventBus } from '../events';
import { requestOrigin } from '../http/origin';
import type { Logger } from '../log';
import { strategyScope, type Strategies, type Strategy } from '../strategies';
import type { Users } from '../users';
import type { Audit } from '../audit';
import { Committer } from './committer';
import { Connection, releaseHeldFrames } from './connection';
import { presenceOf } from './presence';
import { asksForWholeText, Room, syncMessage } from './room';
import { CLOSE, SYNC_STEP_1, SYNC_STEP_2, SYNC_UPDATE } from '../../src/lib/collab/protocol';
import {
	COMPACT_AFTER_BYTES,
	COMPACT_AFTER_UPDATES,
	MAX_CONNECTIONS_PER_ROOM,
	MAX_CONNECTIONS_PER_USER,
	MAX_MESSAGE_BYTES,
	ROOM_IDLE_UNLOAD_MS,
	SOCKET_PING_INTERVAL_MS
} from '../../src/lib/limits';

const COLLAB_PATH = /^\/collab\/([^/?#]+)$/;

interface HubDependencies {
	config: Config;
	log: Logger;
	bus: EventBus;
	users: Users;
	sessions: Sessions;
	audit: Audit;
	strategies: Strategies;
	documents: DocumentStore;
}

function cookieValue(header: string | undefined, name: string): string | undefined {
	for (const part of (header ?? '').split(';')) {
		const [key, ...value] = part.trim().split('=');
		if (key === name) return value.join('=');
	}
	return undefined;
}

function missingDocument(): never {
	throw new Error('the strategy has no document');
}

/** Answers an upgrade with a plain HTTP refusal and closes the socket. */
function refuse(socket: Duplex, status: number, code: string, message: string): void {
	const body = JSON.stringify({ error: { code, message } });
	const reason = { 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 429: 'Too Many Requests', 503: 'Service Unavailable' }[status];
	socket.end(
		`HTTP/1.1 ${status} ${reason ?? 'Error'}\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`
	);
}

/**
 * The collaboration server: the y-websocket protocol at `/collab/<strategyId>` on the app's
 * own port. It authenticates every upgrade from the session cookie with the same policy as
 * the pages, keeps one room per open strategy, stores every update before anyone else sees
 * it, and re-judges live connections the moment access changes (SPEC.md [S1]–[S8]).
 */
export class CollabHub {
	private readonly rooms = new Map<string, Room>();
	private readonly idleTimers = new Map<Room, NodeJS.Timeout>();
	/** Per strategy whose text changed: fires once editing has been quiet for the configured time. */
	private readonly quietTimers = new Map<string, NodeJS.Timeout>();
	/** The last queued rewrite of each strategy (`oneAtATime`). */
	private readonly rewrites = new Map<string, Promise<unknown>>();
	private readonly byUser = new Map<number, Set<Connection>>();
	/** Open connections per strategy, those whose room is still loading included. */
	private readonly byStrategy = new Map<string, number>();
	private readonly wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES, perMessageDeflate: false, clientTracking: false });
	private readonly committer: Committer;
	private readonly heartbeat: NodeJS.Timeout;
	private accepting = true;

	constructor(private readonly deps: HubDependencies) {
		this.committer = new Committer(deps.documents, deps.log, (room) => this.afterStore(room));
		this.wss.on('error', (error) => deps.log.error({ event: 'websocket-server-error', message: error.message }));
		this.heartbeat = setInterval(() => this.beat(), SOCKET_PING_INTERVAL_MS);
		this.heartbeat.unref();
		deps.bus.on('access-changed', (userId) => this.rejudgeUser(userId));
		deps.bus.on('sessions-ended', (userId) => this.rejudgeUser(userId));
		deps.bus.on('strategy-status-changed', (strategyId) => this.rejudgeStrategy(strategyId));
	}

	/** The `upgrade` listener: refuses with an HTTP status before the upgrade, or opens a connection [S1], [S2]. */
	handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
		socket.on('error', (error) => {
			this.deps.log.debug({ event: 'upgrade-socket-error', message: error.message });
			socket.destroy();
		});
		try {
			const decision = this.authorize(request);
			if ('refusal' in decision) {
				const { status, code, message } = decision.refusal;
				this.deps.log.warn({ event: 'socket-refused', status, code, path: request.url, userId: decision.userId });
				refuse(socket, status, code, message);
				return;
			}
			this.wss.handleUpgrade(request, socket, head, (ws) => this.open(ws, socket, decision.actor, decision.sessionId, decision.strategy));
		} catch (error) {
			this.deps.log.error({ event: 'upgrade-failed', message: (error as Error).message });
			refuse(socket, 503, 'unavailable', 'The collaboration server could not take this connection.');
		}
	}

	private authorize(
		request: IncomingMessage
	):
		| { actor: Actor; sessionId: string; strategy: Strategy }
		| { refusal: { status: number; code: string; message: string }; userId?: number } {
		if (!this.accepting) return { refusal: { status: 503, code: 'stopping', message: 'The server is restarting.' } };
		const match = COLLAB_PATH.exec(new URL(request.url ?? '/', 'http://x').pathname);
		if (!match) return { refusal: { status: 404, code: 'not_found', message: 'There is no socket here.' } };
		const ownOrigin = requestOrigin(request.headers, this.deps.config);
		// [S2] a browser always sends Origin on a WebSocket handshake; a foreign or missing one is refused.
		if (request.headers.origin !== ownOrigin) {
			return { refusal: { status: 403, code: 'foreign_origin', message: 'Connections from another site are refused.' } };
		}
		const token = cookieValue(request.headers.cookie, sessionCookieName(ownOrigin.startsWith('https:')));
		const session = token ? this.deps.sessions.validate(token) : null;
		if (!session) return { refusal: { status: 401, code: 'unauthenticated', message: 'Sign in first.' } };
		const { actor } = session;
		let id: string;
		try {
			id = decodeURIComponent(match[1]!);
		} catch {
			id = '';
		}
		const strategy = this.deps.strategies.find(id);
		if (!strategy) return { refusal: { status: 404, code: 'not_found', message: 'There is no such strategy.' }, userId: actor.id };
		if (!can(actor, 'read', strategyScope(strategy))) {
			return { refusal: { status: 403, code: 'forbidden', message: 'Your role does not allow this strategy.' }, userId: actor.id };
		}
		if ((this.byUser.get(actor.id)?.size ?? 0) >= MAX_CONNECTIONS_PER_USER) {
			return { refusal: { status: 429, code: 'too_many_connections', message: 'Too many open connections.' }, userId: actor.id };
		}
		if ((this.byStrategy.get(strategy.id) ?? 0) >= MAX_CONNECTIONS_PER_ROOM) {
			return { refusal: { status: 503, code: 'room_full', message: 'Too many people in this strategy.' }, userId: actor.id };
		}
		return { actor, sessionId: session.session.id, strategy };
	}

	/**
	 * A new connection joins its strategy's room. When nobody has the strategy open, and its
	 * text is folded and unchanged since the server wrote it, the room is not loaded before the
	 * client asks: a client with nothing yet gets the stored bytes at once, and the room loads
	 * while they travel and the client reads them (`firstContact`). Loading a long strategy
	 * takes tens of milliseconds that the reader would otherwise wait for first.
	 */
	private open(ws: WebSocket, stream: Duplex, actor: Actor, sessionId: string, strategy: Strategy): void {
		let room = this.rooms.get(strategy.id) ?? null;
		const folded = room ? null : this.deps.documents.folded(strategy.id);
		if (!room && !folded) {
			room = this.loadOrRefuse(strategy.id, (code, reason) => {
				ws.on('error', () => ws.terminate());
				ws.close(code, reason);
			});
			if (!room) return;
		}
		const connection = new Connection(
			ws,
			stream,
			actor,
			sessionId,
			strategy.id,
			presenceOf(actor, strategy),
			can(actor, 'edit', strategyScope(strategy)),
			{
				receive: (c, decoder, message) => (room ? room.receive(c, decoder) : this.firstContact(c, message, (entered) => (room = entered))),
				leave: (c) => this.forget(c, room)
			},
			this.deps.log
		);
		const mine = this.byUser.get(actor.id) ?? new Set();
		mine.add(connection);
		this.byUser.set(actor.id, mine);
		this.byStrategy.set(strategy.id, (this.byStrategy.get(strategy.id) ?? 0) + 1);
		if (room) this.enter(connection, room);
		else connection.send(syncMessage(SYNC_STEP_1, folded!.stateVector));
		this.deps.log.info({ event: 'socket-opened', strategyId: strategy.id, userId: actor.id, writable: connection.writable });
	}

	/** The room of a strategy, or null once `refuse` has closed the socket because it cannot be loaded [D7]. */
	private loadOrRefuse(strategyId: string, refuse: (code: number, reason: string) => void): Room | null {
		try {
			return this.room(strategyId) ?? missingDocument();
		} catch (error) {
			// [D7] a document that cannot be loaded is never served, and nothing is written over it.
			this.deps.log.error({ event: 'document-load-failed', strategyId, message: (error as Error).message });
			refuse(CLOSE.loadFailed, 'document could not be loaded');
			return null;
		}
	}

	/**
	 * The first message of a connection opened while its strategy was not loaded. Sync step 1
	 * from a client holding nothing, while the room is still not loaded, is answered with the
	 * folded state as stored (read again now: it is current only while no room holds the text);
	 * its messages wait until the bytes have left and the room has loaded. Anything else waits
	 * for the room as usual.
	 */
	private firstContact(connection: Connection, message: Uint8Array, entered: (room: Room) => void): void {
		const strategyId = connection.strategyId;
		const folded = !this.rooms.has(strategyId) && asksForWholeText(message) ? this.deps.documents.folded(strategyId) : null;
		const join = () => {
			if (connection.isClosed) return;
			const room = this.loadOrRefuse(strategyId, (code, reason) => connection.close(code, reason));
			if (!room) return;
			const strategy = this.deps.strategies.find(strategyId);
			connection.writable = !!strategy && can(connection.actor, 'edit', strategyScope(strategy));
			entered(room);
			this.enter(connection, room, { asked: true });
			if (!folded) room.receive(connection, decoding.createDecoder(message));
			// Someone else loaded the room while the bytes travelled, and changed it since.
			else if (room.storedSeq > 0) connection.send(syncMessage(SYNC_UPDATE, Y.encodeStateAsUpdate(room.doc, folded.stateVector)));
			connection.resume();
		};
		if (!folded) return join();
		connection.handshakeDone = true;
		connection.hold();
		connection.sendAtOnce(syncMessage(SYNC_STEP_2, folded.state), join);
	}

	private enter(connection: Connection, room: Room, options?: { asked: boolean }): void {
		const idle = this.idleTimers.get(room);
		if (idle) {
			clearTimeout(idle);
			this.idleTimers.delete(room);
		}
		room.join(connection, options);
	}

	private forget(connection: Connection, room: Room | null): void {
		const mine = this.byUser.get(connection.actor.id);
		mine?.delete(connection);
		if (mine?.size === 0) this.byUser.delete(connection.actor.id);
		const left = (this.byStrategy.get(connection.strategyId) ?? 1) - 1;
		if (left > 0) this.byStrategy.set(connection.strategyId, left);
		else this.byStrategy.delete(connection.strategyId);
		room?.leave(connection);
	}

	/**
	 * The open room of a strategy, loading it from SQLite first (synchronously: never an empty
	 * document); null when the strategy has no document.
	 */
	private room(strategyId: string): Room | null {
		const open = this.rooms.get(strategyId);
		if (open) return open;
		const stored = this.deps.documents.load(strategyId);
		if (!stored) return null;
		const strategy = this.deps.strategies.find(strategyId)!;
		const room = new Room(
			strategyId,
			stored.doc,
			stored,
			{ status: strategy.status, lockedBy: strategy.lockedBy },
			this.committer,
			this.deps.log,
			(empty) => this.scheduleUnload(empty),
			(connection) => this.refused(connection, strategyId)
		);
		this.rooms.set(strategyId, room);
		if (this.needsCompaction(room)) this.compact(room);
		return room;
	}

	/**
	 * Applies a change made on the server (a restore, an import) exactly like an editor's:
	 * stored first, then sent to everyone connected and applied. Resolves once it is stored;
	 * refuses at once while the room's storage is failing.
	 */
	submit(strategyId: string, update: Uint8Array): Promise<void> {
		const room = this.room(strategyId) ?? missingDocument();
		if (room.storage === 'failing') return Promise.reject(new Error('storage is failing for this strategy'));
		const stored = new Promise<void>((resolve) => room.submit(update, resolve));
		if (room.connections.size === 0) this.scheduleUnload(room);
		return stored;
	}

	oneAtATime<T>(strategyId: string, work: () => Promise<T>): Promise<T> {
		const previous = this.rewrites.get(strategyId) ?? Promise.resolve();
		const mine = previous.then(work, work);
		const settled = mine.catch(() => {});
		this.rewrites.set(strategyId, settled);
		void settled.then(() => {
			if (this.rewrites.get(strategyId) === settled) this.rewrites.delete(strategyId);
		});
		return mine;
	}

	/**
	 * Runs `reader` on the current text of a strategy without copying it: a trace-sized copy
	 * costs tens of milliseconds. The reader must only read; every change goes through `submit`.
	 *
	 * The room stays open for a while after: a page that reads the text is usually followed
	 * within moments by its editor's socket, which then finds the document loaded.
	 * `wholeText` gives the text as one update, encoded once per change for every reader and new client.
	 */
	read<T>(strategyId: string, reader: (doc: Y.Doc, wholeText: () => Uint8Array) => T): T | null {
		if (!this.accepting) {
			const doc = this.rooms.get(strategyId)?.doc ?? this.deps.documents.load(strategyId)?.doc;
			return doc ? reader(doc, () => Y.encodeStateAsUpdate(doc)) : null;
		}
		const room = this.room(strategyId);
		if (!room) return null;
		if (room.connections.size === 0) this.scheduleUnload(room, { restart: true });
		return reader(room.doc, () => room.wholeText());
	}

	/**
	 * The current text of a strategy as a detached copy (from the open room, or the database):
	 * whatever a reader does with it never reaches the live document.
	 */
	readDocument(strategyId: string): Y.Doc | null {
		const room = this.rooms.get(strategyId);
		if (!room) return this.deps.documents.load(strategyId)?.doc ?? null;
		const copy = new Y.Doc();
		Y.applyUpdate(copy, room.wholeText());
		return copy;
	}

	private afterStore(room: Room): void {
		if (this.needsCompaction(room)) setImmediate(() => this.compact(room));
		clearTimeout(this.quietTimers.get(room.strategyId));
		const timer = setTimeout(() => this.quiet(room.strategyId), this.deps.config.autoSnapshotQuietMs);
		timer.unref();
		this.quietTimers.set(room.strategyId, timer);
	}

	private quiet(strategyId: string): void {
		this.quietTimers.delete(strategyId);
		try {
			this.deps.bus.emit('text-quiet', strategyId);
		} catch (error) {
			this.deps.log.error({ event: 'quiet-handler-failed', strategyId, message: (error as Error).message });
		}
	}

	private needsCompaction(room: Room): boolean {
		return room.logCount >= COMPACT_AFTER_UPDATES || room.logBytes >= COMPACT_AFTER_BYTES;
	}

	/** Folds a room's log into one state [D5]; a failure keeps the log, which still holds everything. */
	private compact(room: Room): void {
		if (room.logCount === 0 || room.unsaved.length > 0) return;
		try {
			const { logCount, logBytes, storedSeq } = room;
			const state = this.deps.documents.compact(room.strategyId, room.doc, storedSeq);
			room.compacted(storedSeq, logCount, logBytes, state);
		} catch (error) {
			this.deps.log.error({ event: 'compaction-failed', strategyId: room.strategyId, message: (error as Error).message });
		}
	}

	private scheduleUnload(room: Room, { restart = false } = {}): void {
		if (this.idleTimers.has(room)) {
			if (!restart) return;
			clearTimeout(this.idleTimers.get(room));
		}
		const timer = setTimeout(() => {
			this.idleTimers.delete(room);
			this.unload(room);
		}, ROOM_IDLE_UNLOAD_MS);
		timer.unref();
		this.idleTimers.set(room, timer);
	}

	/** Unloads an empty room once everything it holds is stored; otherwise it waits for the retry [D6]. */
	private unload(room: Room): void {
		if (room.connections.size > 0) return;
		if (this.committer.holdsUnsaved(room)) {
			this.scheduleUnload(room);
			return;
		}
		this.compact(room);
		this.rooms.delete(room.strategyId);
		room.destroy();
	}

	private allConnections(): Connection[] {
		return [...this.byUser.values()].flatMap((mine) => [...mine]);
	}

	private connectionsOf(userId: number): Connection[] {
		return [...(this.byUser.get(userId) ?? [])];
	}

	/** [S8] a person's access changed: close what they may no longer read, and re-decide who may write. */
	private rejudgeUser(userId: number): void {
		for (const connection of this.connectionsOf(userId)) {
			const actor = this.deps.sessions.stillValid(connection.sessionId);
			if (!actor) {
				connection.close(CLOSE.sessionEnded, 'session ended');
				continue;
			}
			connection.actor = actor;
			const strategy = this.deps.strategies.find(connection.strategyId);
			if (!strategy || !can(actor, 'read', strategyScope(strategy))) {
				connection.close(CLOSE.accessRevoked, 'access revoked');
				continue;
			}
			connection.writable = can(actor, 'edit', strategyScope(strategy));
		}
	}

	/** [S8] a strategy's status changed (locked, signed, unlocked): every connection is re-decided at once. */
	private rejudgeStrategy(strategyId: string): void {
		const room = this.rooms.get(strategyId);
		const strategy = this.deps.strategies.find(strategyId);
		if (!room || !strategy) return;
		const mayWriteAgain: Connection[] = [];
		for (const connection of room.connections) {
			const writable = can(connection.actor, 'edit', strategyScope(strategy));
			if (writable && !connection.writable) mayWriteAgain.push(connection);
			connection.writable = writable;
		}
		room.setStatus(strategy.status, strategy.lockedBy);
		// Edits refused while the text was locked are still in their editors: ask for them now.
		room.askForUnstored(mayWriteAgain);
	}

	/** A write refused because the text is locked or signed goes on record, once per connection and lock [G4]. */
	private refused(connection: Connection, strategyId: string): void {
		const strategy = this.deps.strategies.find(strategyId);
		if (!strategy || strategy.status === 'draft' || connection.refusalRecorded === strategy.status) return;
		connection.refusalRecorded = strategy.status;
		this.deps.audit.record({ userId: connection.actor.id, action: 'socket-write-refused', strategyId, details: { status: strategy.status } });
	}

	/** Pings every connection, drops the silent ones, and ends connections whose session has expired. */
	private beat(): void {
		const connections = this.allConnections();
		const actors = this.deps.sessions.stillValidAll(connections.map((c) => ({ sessionId: c.sessionId, active: c.takeActivity() })));
		connections.forEach((connection, index) => {
			if (actors[index]) connection.ping();
			else connection.close(CLOSE.sessionEnded, 'session ended');
		});
		for (const [userId, mine] of this.byUser) if (mine.size === 0) this.byUser.delete(userId);
	}

	/** Graceful stop [S9]: refuse new connections, store everything, fold the logs, close with 1012. */
	close(): void {
		this.accepting = false;
		clearInterval(this.heartbeat);
		this.committer.flush();
		this.committer.stop();
		// Work that had not gone quiet yet still gets its automatic snapshot before the process ends.
		for (const [strategyId, timer] of this.quietTimers) {
			clearTimeout(timer);
			this.quiet(strategyId);
		}
		for (const connection of this.allConnections()) connection.close(CLOSE.serviceRestart, 'server restarting');
		for (const room of this.rooms.values()) if (!this.committer.holdsUnsaved(room)) this.compact(room);
		for (const timer of this.idleTimers.values()) clearTimeout(timer);
		this.idleTimers.clear();
		for (const room of this.rooms.values()) room.destroy();
		this.rooms.clear();
		// The closing frames leave before the process does.
		releaseHeldFrames();
	}
}
