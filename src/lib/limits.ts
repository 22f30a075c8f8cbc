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
