/**
 * Every limit of Acquis Studio, with the reason it has the value it has.
 *
 * Shared by the browser (forms show the same bounds the server enforces) and the back end,
 * so this module must stay free of Node and SvelteKit imports. The README's limits section
 * lists these; keep the two in step.
 */

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** NIST SP 800-63B: length is what makes a password strong; no composition rules. */
export const PASSWORD_MIN_LENGTH = 12;
/** Long enough for any passphrase, short enough that hashing cannot be used to burn CPU. */
export const PASSWORD_MAX_LENGTH = 128;

/** A session unused this long ends: a workstation left signed in overnight is signed out. */
export const SESSION_INACTIVITY_TIMEOUT_MS = 12 * HOUR;
/** No session outlives a working week, however active, so a stolen token has a horizon. */
export const SESSION_ABSOLUTE_LIFETIME_MS = 7 * DAY;
/** Refreshing "last seen" on every request would turn every page view into a write. */
export const SESSION_TOUCH_INTERVAL_MS = 1 * MINUTE;

/** OWASP's guidance for online guessing: a handful of tries per window, then slow down. */
export const SIGN_IN_MAX_FAILURES = 10;
/** Failures older than this no longer count, so nobody is locked out for good. */
export const SIGN_IN_FAILURE_WINDOW_MS = 15 * MINUTE;

/** A set-password link is a bearer secret: short-lived, single use. */
export const PASSWORD_LINK_LIFETIME_MS = 3 * DAY;

/** Bounds on names people type; generous for long official titles, small enough to render. */
export const NAME_MAX_LENGTH = 200;
export const EMAIL_MAX_LENGTH = 254;

/** A JSON request body larger than this is refused with 413 before it is parsed. */
export const JSON_BODY_MAX_BYTES = 1_000_000;

/** A whole pasted chapter fits in one update; anything larger is refused (close 1009). */
export const MAX_MESSAGE_BYTES = 4_000_000;
/** A presence state is a name, a colour and a cursor; 16 kB is generous for that. */
export const MAX_AWARENESS_STATE_BYTES = 16_000;
/** Fast typing with presence is under 50 messages a second; a burst of 400 covers a reconnect. */
export const SOCKET_MESSAGES_PER_SECOND = 200;
export const SOCKET_MESSAGE_BURST = 400;
/** Tabs and devices of one person; more is a runaway script. */
export const MAX_CONNECTIONS_PER_USER = 20;
/** Every member of a delegation and the module's experts, with room to spare. */
export const MAX_CONNECTIONS_PER_ROOM = 250;
/** A client that has not started the sync handshake by then is not an editor. */
export const SYNC_HANDSHAKE_TIMEOUT_MS = 15_000;
/** Past this much unsent data a receiver is not keeping up; it reconnects and resyncs. */
export const MAX_SEND_BUFFER_BYTES = 8_000_000;
/** Fold the update log into one state after this many updates or bytes, so loading stays fast. */
export const COMPACT_AFTER_UPDATES = 2_000;
export const COMPACT_AFTER_BYTES = 2_000_000;
/** A failed write is retried with backoff between these bounds until the database accepts it. */
export const STORAGE_RETRY_MIN_MS = 100;
export const STORAGE_RETRY_MAX_MS = 5_000;
/** A writer hears that its updates are stored at most this often (a state vector each time). */
export const STORED_ACK_INTERVAL_MS = 100;
/** Other people's presence (carets, selections) may wait this long to leave with other frames. */
export const PRESENCE_HOLD_MS = 40;

/**
 * Updates of one client a room holds out of order (Yjs parks them until the gap is filled)
 * before it refuses more: a real client sends in order, so this only stops a writer from
 * growing the room's bookkeeping without end.
 */
export const MAX_OUT_OF_ORDER_RANGES = 1_000;
/**
 * A strategy's page shows this much of its text, rendered by the server, until the editor has
 * loaded: more than a tall screen holds, and no more, so a book-length text costs the first
 * paint nothing extra.
 */
export const PAGE_PREVIEW_CHARACTERS = 8_000;

/** A room whose last client left, or whose text a page has just read, stays loaded this long: for a quick (re)connect. */
export const ROOM_IDLE_UNLOAD_MS = 5_000;
/** Connections that stop answering pings are dropped. */
export const SOCKET_PING_INTERVAL_MS = 30_000;

/** A quoted passage: several paragraphs, not a whole document. */
export const QUOTE_MAX_LENGTH = 10_000;
/** An annotation's note and a comment: a few paragraphs of reasoning. */
export const NOTE_MAX_LENGTH = 4_000;
export const COMMENT_MAX_LENGTH = 8_000;
/** People mentioned in one comment. */
export const MAX_MENTIONS = 20;
/** Ten minutes without an edit after at least one: a burst of work is over, keep a version of it. */
export const AUTO_SNAPSHOT_QUIET_MS = 10 * MINUTE;
/** A snapshot's name: a meeting, a date, a milestone. */
export const SNAPSHOT_NAME_MAX_LENGTH = 200;
/** A Server-Sent Events stream says something at least this often, so proxies keep it open. */
export const EVENTS_KEEPALIVE_MS = 20_000;

/** A Word draft of a long strategy with tables is a few megabytes; images are dropped anyway. */
export const IMPORT_MAX_BYTES = 10_000_000;
/**
 * Paragraphs in a Word draft, counting headings, list items and the paragraphs of table cells.
 * A long strategy with its action plan tables has a few thousand. Importing holds the server's
 * one thread and memory in proportion: 5,000 short paragraphs take about 1.2 s and 90 MB, while
 * 100,000 (a 264 kB file) took 15 s, stalled every other request for up to 2.3 s at a time and
 * grew the process by 1.1 GB. Counted before anything is converted.
 */
export const IMPORT_MAX_BLOCKS = 5_000;
/**
 * Runs (stretches of text in one formatting) and line breaks in a Word file, to import or to
 * check: mammoth and then the editor's parser make a node of each, at about 100 µs and 10 kB
 * apiece. Our own export writes one run per change of emphasis or link, a few per paragraph;
 * Word splits runs further where a paragraph was edited. 30,000 is six per paragraph at
 * `IMPORT_MAX_BLOCKS`, ten in a long strategy of 3,000, and takes a worker about 3 s and
 * 350 MB however they are spread; a 10 MB file could hold millions (one paragraph of 20,000
 * runs is a 67 kB file). Counted before anything is converted.
 */
export const IMPORT_MAX_RUNS = 30_000;
/**
 * A Word draft unpacked: the images and fonts a 10 MB file can hold (ZIP does not shrink them)
 * plus the XML of 5,000 paragraphs as Word writes them (about 1–2 kB each), with room to spare. A zip
 * bomb, a few kilobytes that unpack to gigabytes, is stopped here before anything reads it.
 */
export const IMPORT_MAX_UNPACKED_BYTES = 50_000_000;
/**
 * How deep a strategy's blocks may nest: a list nine levels deep inside a table cell is about
 * 25. The server's renderers and the editor recurse once per level; a few thousand levels
 * overflow the stack and would make the text unreadable for good.
 */
export const MAX_NESTING_DEPTH = 48;
/** Columns or rows one table cell may span: Word allows 63 columns. Each spanned column is rendered. */
export const MAX_TABLE_SPAN = 100;
/**
 * Reading a Word file runs in a worker thread of its own, so the server's thread stays free.
 * Within the limits above it takes seconds; a file that still needs a minute is refused rather
 * than left to hold a core.
 */
export const WORD_READING_MAX_MS = 1 * MINUTE;
/**
 * The heap of the worker that reads a Word file. What the limits above let through fits: 30,000
 * runs needed less than 384 MB, 9 MB of text in 4,900 paragraphs less than 512 MB. Past it the
 * worker is stopped and the file refused, where the server's own heap would have grown by
 * gigabytes (a million empty paragraphs, in a file to check, took 1.7 GB).
 */
export const WORD_READING_MAX_MEMORY_MB = 512;
/** Word files read at the same moment; more wait their turn, so that many uploads at once hold no more cores and memory than this many workers. */
export const WORD_READINGS_AT_ONCE = 2;
/** Word files that may wait for a worker, each held in memory meanwhile; one more is refused (503) until a place frees up. */
export const WORD_READINGS_WAITING = 8;
