/**
 * The y-websocket protocol as our server speaks it, shared with the browser. Message and
 * sync types are the protocol's own; close codes follow the stock client's convention:
 * 4400–4499 are final (it stops reconnecting), everything else is worth another try.
 */

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
export const MESSAGE_QUERY_AWARENESS = 3;

export const SYNC_STEP_1 = 0;
export const SYNC_STEP_2 = 1;
export const SYNC_UPDATE = 2;

export const CLOSE = {
	/** The server is restarting: reconnect to the next process. */
	serviceRestart: 1012,
	/** A message larger than MAX_MESSAGE_BYTES (set by `ws` itself). */
	messageTooBig: 1009,
	/** A message that could not be decoded. */
	badMessage: 4400,
	/** The session ended (signed out elsewhere, expired, account deactivated). */
	sessionEnded: 4401,
	/** The person may no longer read this strategy. */
	accessRevoked: 4403,
	/** The connection never completed the sync handshake in time. */
	syncTimeout: 4408,
	/** Too many messages: a broken or hostile client. */
	flooding: 4429,
	/** The stored document could not be loaded; nothing was written. Try again later. */
	loadFailed: 4500,
	/** The client did not read what it was sent fast enough. */
	slowReader: 4508
} as const;

/**
 * What the server publishes about a room in its own awareness state (under `server`).
 *
 * Whether an editor's own changes are stored travels in the protocol itself: after storing a
 * writer's updates the server sends that connection its state vector as sync step 1 (SPEC.md
 * [S3]). A client whose state vector is covered by it has nothing unsaved, and the stock
 * client answers with anything the server still lacks.
 */
export interface RoomState {
	/** `ok`, or `failing` while the database refuses writes (editing pauses, nothing is lost). */
	storage: 'ok' | 'failing';
	status: 'draft' | 'locked' | 'signed';
	/** Who locked the strategy, while it is locked or signed. */
	lockedBy: string | null;
}

/** Caret and avatar colours, each dark enough for white text at 4.5:1 or more. */
const COLOURS = ['#b42318', '#0b5394', '#1e7b34', '#8e24aa', '#b54708', '#0e7490', '#c11574', '#4338ca', '#7a5a00', '#9f1239', '#155e75', '#5b21b6'];

/** A person's colour, the same on every device and for everyone who sees them. */
export function presenceColour(userId: number): string {
	return COLOURS[userId % COLOURS.length]!;
}

/** The identity the server gives each connection's presence; clients cannot choose it. */
export interface PresenceUser {
	name: string;
	color: string;
	role: string;
	/** Whether this person may change the text right now. */
	editor: boolean;
}
