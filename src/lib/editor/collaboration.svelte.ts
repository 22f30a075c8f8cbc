import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { WebsocketProvider } from 'y-websocket';
import { IndexeddbPersistence } from 'y-indexeddb';
import { DOCUMENT_FIELD } from '$lib/editor/extensions';
import { paragraphsDeletedUnseen, type RescuedParagraph } from '$lib/editor/rescued-words';
import { UnconfirmedDeletions } from '$lib/editor/unconfirmed-deletions';
import { noteUnsent, offlineCopyName, rescuedKey, SIGNING_OUT } from '$lib/editor/local-copies';
import { MESSAGE_SYNC, SYNC_STEP_1, SYNC_STEP_2, type PresenceUser, type RoomState } from '$lib/collab/protocol';

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'offline';

export interface Person {
	clientId: number;
	user: PresenceUser;
	me: boolean;
}

/**
 * One strategy's live document in the browser: the Yjs document, its copy in IndexedDB (so
 * offline edits survive a reload), the connection to the collaboration server, and what the
 * page shows about them: connection, "all changes saved", who is here, and why the server
 * ended the connection when it did so for good.
 */
export class Collaboration {
	readonly doc = new Y.Doc();
	readonly provider: WebsocketProvider;
	private readonly local: IndexeddbPersistence;

	connection = $state<ConnectionState>('connecting');
	/** Whether the text has loaded, from the server or from this browser's copy. */
	loaded = $state(false);
	/** The server's view of the room (storage, status), from its presence state. */
	room = $state<RoomState | null>(null);
	people = $state<Person[]>([]);
	/** Whether this browser holds changes the server has not confirmed as stored. */
	unsaved = $state(false);
	/** A final close code from the server (4400–4499): the session ended, access was revoked. */
	ended = $state<number | null>(null);
	/**
	 * [D10] Paragraphs someone else deleted before seeing the words written in them here, until
	 * their writer deals with them. Kept in this browser, like offline edits: closing the page
	 * must not lose them either.
	 */
	rescued = $state<RescuedParagraph[]>([]);
	private readonly rescuedKey: string;
	/** Keeps the list of strategies with changes only this browser holds, for signing out [A3]. */
	private readonly noteUnsent: (pending: boolean) => void;

	/**
	 * How many times the server has said what it holds (each sync step 1: on connecting, and after
	 * storing this browser's changes).
	 */
	confirmations = $state(0);

	/** Deletions made here that the server has not shown it holds; see `askWhatIsStored`. */
	private readonly deletions = new UnconfirmedDeletions();
	/** Whether our own sync step 1 awaits the server's answer. */
	private asking = false;

	/** What the server holds, from its last sync step 1, plus what it has sent us since. */
	private serverHolds: Map<number, number> | null = null;
	/** The update the server sent that is being applied now. */
	private incoming: Uint8Array | null = null;

	/** `initialState` is the text as the page was served: shown and editable at once, then brought up to date by the socket. */
	constructor(strategyId: string, userId: number, initialState: Uint8Array | null) {
		const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
		if (initialState) {
			Y.applyUpdate(this.doc, initialState);
			this.loaded = this.hasText();
		}
		// Keyed by person as well: two people sharing a browser never pick up each other's offline edits.
		this.local = new IndexeddbPersistence(offlineCopyName(userId, strategyId), this.doc);
		this.rescuedKey = rescuedKey(userId, strategyId);
		// Told only when it changes: every keystroke passes here, and the list lives in local storage.
		let noted: boolean | null = null;
		this.noteUnsent = (pending) => {
			if (pending === noted) return;
			noted = pending;
			noteUnsent(userId, strategyId, pending);
		};
		this.rescued = storedRescue(this.rescuedKey);
		this.local.once('synced', () => {
			if (this.hasText()) this.loaded = true;
		});
		this.provider = new WebsocketProvider(`${scheme}//${location.host}/collab`, strategyId, this.doc, {
			maxBackoffTime: 5_000,
			// Other tabs get every change from the server as well; telling them directly costs a full encoding of the text at every open.
			disableBc: true
		});

		const handleSync = this.provider.messageHandlers[MESSAGE_SYNC]!;
		this.provider.messageHandlers[MESSAGE_SYNC] = (encoder, decoder, provider, emitSynced, type) => {
			const peek = decoding.clone(decoder);
			const step = decoding.readVarUint(peek);
			if (step === SYNC_STEP_1) {
				this.serverHolds = Y.decodeStateVector(decoding.readVarUint8Array(peek));
				this.confirmations += 1;
				this.checkSaved();
				// After our answer to it has left: the server takes that answer in before it reads our question.
				if (this.deletions.pending) queueMicrotask(() => this.askWhatIsStored());
			} else {
				this.incoming = decoding.readVarUint8Array(peek);
			}
			try {
				handleSync(encoder, decoder, provider, emitSynced, type);
				if (step === SYNC_STEP_2) this.hearWhatIsStored(this.incoming!);
			} finally {
				this.incoming = null;
			}
		};

		this.doc.on('afterTransaction', (transaction: Y.Transaction) => {
			// Deletions made here, or in an earlier page and kept in this browser's copy (which the
			// page's text from the server predates): saved only once the server shows it holds them.
			if (transaction.origin === this.local || (transaction.local && transaction.origin !== this.provider)) this.deletions.add(transaction.deleteSet);
			if (transaction.origin !== this.provider || !this.incoming || transaction.deleteSet.clients.size === 0) return;
			const paragraphs = paragraphsDeletedUnseen(transaction, this.incoming, (id) => this.writtenHere(id));
			if (paragraphs.length > 0) this.keepRescued([...this.rescued, ...paragraphs]);
		});

		this.doc.on('update', (update: Uint8Array, origin: unknown) => {
			if (origin === this.provider && this.serverHolds) {
				// The server sends only what it has stored.
				for (const [client, clock] of Y.parseUpdateMeta(update).to) {
					if (clock > (this.serverHolds.get(client) ?? 0)) this.serverHolds.set(client, clock);
				}
			}
			// Written here (typed, pasted, an undo): the server cannot hold it yet.
			if (origin !== this.provider && origin !== this.local) this.noteUnsent(true);
			this.checkSaved();
			// The provider has sent this update (its listener came first): ask after it.
			if (this.deletions.pending) this.askWhatIsStored();
		});

		this.provider.on('sync', (synced: boolean) => {
			if (synced) this.loaded = true;
		});
		this.provider.on('status', ({ status }: { status: string }) => {
			if (status !== 'connected') this.asking = false;
			if (status === 'connected') this.connection = 'connected';
			else if (status === 'connecting') this.connection = this.connection === 'connecting' ? 'connecting' : 'reconnecting';
			else this.connection = navigator.onLine ? 'reconnecting' : 'offline';
		});
		this.provider.on('connection-close', (event: CloseEvent | null) => {
			if (event && event.code >= 4400 && event.code < 4500) this.ended = event.code;
		});
		this.provider.awareness.on('change', () => this.readPresence());
		addEventListener('offline', this.goOffline);
		addEventListener('online', this.goOnline);
		addEventListener(SIGNING_OUT, this.signOut);
	}

	/** The person is signing out: this browser's copy is about to be removed, and an open database cannot be. */
	private signOut = () => {
		this.provider.disconnect();
		void this.local.destroy();
	};

	private hasText(): boolean {
		return this.doc.getXmlFragment(DOCUMENT_FIELD).length > 0;
	}

	/** Offline is explicit: the socket closes at once and edits stay in this browser until the network returns. */
	private goOffline = () => {
		this.provider.disconnect();
		this.connection = 'offline';
	};

	private goOnline = () => {
		this.connection = 'reconnecting';
		this.provider.connect();
	};

	/** Written by this page, or by an earlier one in this browser and not yet stored (everyone else's words come from the server). */
	private writtenHere(id: Y.ID): boolean {
		if (id.client === this.doc.clientID) return true;
		return this.serverHolds !== null && id.clock >= (this.serverHolds.get(id.client) ?? 0);
	}

	discardRescued(index: number): void {
		this.keepRescued(this.rescued.filter((_, i) => i !== index));
	}

	private keepRescued(rescued: RescuedParagraph[]): void {
		this.rescued = rescued;
		if (rescued.length > 0) localStorage.setItem(this.rescuedKey, JSON.stringify(rescued));
		else localStorage.removeItem(this.rescuedKey);
	}

	/**
	 * Sends our sync step 1, one at a time. The server answers each in order with a sync step 2
	 * that carries its whole delete set, as its document stands when it reads the question: a
	 * deletion sent just before may still be on its way into it, and is then confirmed by the
	 * question asked after the server's next "stored" (its sync step 1). Asking at once still
	 * counts: a deletion someone else had already made is never stored, and so never acknowledged.
	 */
	private askWhatIsStored(): void {
		const socket = this.provider.ws;
		if (this.asking || !this.provider.wsconnected || !socket) return;
		this.asking = true;
		const encoder = encoding.createEncoder();
		encoding.writeVarUint(encoder, MESSAGE_SYNC);
		encoding.writeVarUint(encoder, SYNC_STEP_1);
		encoding.writeVarUint8Array(encoder, Y.encodeStateVector(this.doc));
		socket.send(encoding.toUint8Array(encoder));
	}

	/** A sync step 2 from the server: the deletions it holds are saved. */
	private hearWhatIsStored(update: Uint8Array): void {
		this.asking = false;
		if (!this.deletions.pending) return;
		this.deletions.confirm(Y.decodeUpdate(update).ds);
		this.checkSaved();
	}

	private checkSaved(): void {
		const holds = this.serverHolds;
		if (!holds) {
			this.unsaved = true;
			return;
		}
		const unsaved =
			this.deletions.pending || [...Y.decodeStateVector(Y.encodeStateVector(this.doc))].some(([client, clock]) => clock > (holds.get(client) ?? 0));
		if (unsaved !== this.unsaved) this.noteUnsent(unsaved);
		this.unsaved = unsaved;
	}

	private readPresence(): void {
		const people: Person[] = [];
		let room: RoomState | null = null;
		for (const [clientId, state] of this.provider.awareness.getStates()) {
			if (state.server) room = state.server as RoomState;
			else if (state.user) people.push({ clientId, user: state.user as PresenceUser, me: clientId === this.doc.clientID });
		}
		this.room = room;
		this.people = people;
	}

	destroy(): void {
		removeEventListener('offline', this.goOffline);
		removeEventListener('online', this.goOnline);
		removeEventListener(SIGNING_OUT, this.signOut);
		this.provider.destroy();
		void this.local.destroy();
		this.doc.destroy();
	}
}

/**
 * What an earlier page kept of rescued paragraphs; anything unreadable counts as nothing. Pages
 * before the paragraphs kept their kind stored each as its pieces alone: those read as paragraphs.
 */
function storedRescue(key: string): RescuedParagraph[] {
	try {
		const stored: unknown = JSON.parse(localStorage.getItem(key) ?? '[]');
		if (!Array.isArray(stored)) return [];
		const paragraphs = stored.map((entry: unknown) => (Array.isArray(entry) ? { pieces: entry } : entry));
		return paragraphs.every(isRescuedParagraph) ? paragraphs : [];
	} catch {
		return [];
	}
}

function isRescuedParagraph(entry: unknown): entry is RescuedParagraph {
	const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
	const isMark = (mark: unknown) => isObject(mark) && typeof mark.type === 'string';
	const isPiece = (piece: unknown) =>
		isObject(piece) &&
		typeof piece.text === 'string' &&
		typeof piece.unseen === 'boolean' &&
		(piece.marks === undefined || (Array.isArray(piece.marks) && piece.marks.every(isMark)));
	const isKind = (kind: unknown) =>
		kind === undefined ||
		(isObject(kind) && (Number.isInteger(kind.heading) || kind.list === 'bulletList' || kind.list === 'orderedList'));
	return isObject(entry) && Array.isArray(entry.pieces) && entry.pieces.every(isPiece) && isKind(entry.kind);
}
