import type { Db } from '../db/database';
import type { EventBus } from '../events';
import type { Actor } from './policy';
import type { Users } from '../users';
import { newBearerToken, parseBearerToken, secretMatches } from './secret';
import {
	SESSION_ABSOLUTE_LIFETIME_MS,
	SESSION_INACTIVITY_TIMEOUT_MS,
	SESSION_TOUCH_INTERVAL_MS
} from '../../src/lib/limits';

export interface Session {
	id: string;
	userId: number;
	createdAt: number;
	lastSeenAt: number;
	clientAddress: string | null;
	userAgent: string | null;
}

interface SessionRow {
	id: string;
	user_id: number;
	secret_hash: Uint8Array;
	created_at: number;
	last_seen_at: number;
	client_address: string | null;
	user_agent: string | null;
}

function toSession(row: SessionRow): Session {
	return {
		id: row.id,
		userId: row.user_id,
		createdAt: row.created_at,
		lastSeenAt: row.last_seen_at,
		clientAddress: row.client_address,
		userAgent: row.user_agent
	};
}

/** The cookie that carries the token; over HTTPS the `__Host-` prefix pins it to this origin (no Domain, Secure, Path=/). */
export function sessionCookieName(secure: boolean): string {
	return secure ? '__Host-session' : 'session';
}

/** When a session ends without sign-out: after the inactivity timeout or the absolute lifetime, whichever is first. */
export function sessionExpiresAt(session: Pick<Session, 'createdAt' | 'lastSeenAt'>): number {
	return Math.min(
		session.lastSeenAt + SESSION_INACTIVITY_TIMEOUT_MS,
		session.createdAt + SESSION_ABSOLUTE_LIFETIME_MS
	);
}

/**
 * Server-side sessions in the Lucia design: the browser holds `<id>.<secret>`, the database
 * holds the id and the SHA-256 of the secret. Deactivating a user ends all their sessions.
 */
export class Sessions {
	constructor(
		private readonly db: Db,
		private readonly users: Users,
		private readonly bus: EventBus
	) {
		bus.on('access-changed', (userId) => {
			if (!this.users.actor(userId)) this.endAllFor(userId);
		});
	}

	/** A new session on every sign-in, so a token planted before sign-in never becomes valid (session fixation). */
	create(userId: number, client: { address?: string | null; userAgent?: string | null }): { token: string; session: Session } {
		const { id, token, secretHash } = newBearerToken();
		const now = Date.now();
		this.db
			.prepare(
				`INSERT INTO sessions (id, user_id, secret_hash, created_at, last_seen_at, client_address, user_agent)
				 VALUES (?, ?, ?, ?, ?, ?, ?)`
			)
			.run(id, userId, secretHash, now, now, client.address ?? null, client.userAgent?.slice(0, 300) ?? null);
		return {
			token,
			session: { id, userId, createdAt: now, lastSeenAt: now, clientAddress: client.address ?? null, userAgent: client.userAgent ?? null }
		};
	}

	/** The session and person behind a presented token, or null; expired sessions are removed on sight. */
	validate(token: string | undefined): { session: Session; actor: Actor } | null {
		const parsed = token ? parseBearerToken(token) : null;
		if (!parsed) return null;
		const row = this.db.prepare('SELECT * FROM sessions WHERE id = ?').get(parsed.id) as SessionRow | undefined;
		if (!row || !secretMatches(parsed.secret, row.secret_hash)) return null;
		const session = toSession(row);
		const now = Date.now();
		if (sessionExpiresAt(session) <= now) {
			this.end(session.id);
			return null;
		}
		const actor = this.users.actor(session.userId);
		if (!actor) {
			this.endAllFor(session.userId);
			return null;
		}
		if (now - session.lastSeenAt >= SESSION_TOUCH_INTERVAL_MS) {
			this.db.prepare('UPDATE sessions SET last_seen_at = ? WHERE id = ?').run(now, session.id);
			session.lastSeenAt = now;
		}
		return { session, actor };
	}

	/**
	 * The person behind a session id the server already trusts (a live socket), or null once
	 * the session has ended, expired or its user was deactivated. `active` marks the session
	 * as used, as a request would: editing over the socket keeps a session alive.
	 */
	stillValid(sessionId: string, active = false): Actor | null {
		const row = this.db.prepare('SELECT * FROM sessions WHERE id = ?').get(sessionId) as SessionRow | undefined;
		if (!row) return null;
		const session = toSession(row);
		const now = Date.now();
		if (sessionExpiresAt(session) <= now) {
			this.end(session.id);
			return null;
		}
		if (active && now - session.lastSeenAt >= SESSION_TOUCH_INTERVAL_MS) {
			this.db.prepare('UPDATE sessions SET last_seen_at = ? WHERE id = ?').run(now, session.id);
		}
		return this.users.actor(session.userId);
	}

	/**
	 * `stillValid` for many sessions in one transaction. Marking a session as used is a write;
	 * a room of 200 people checked one by one made 200 commits, each with its fsync, in one
	 * turn of the event loop, and every edit in the room waited for them.
	 */
	stillValidAll(checks: readonly { sessionId: string; active: boolean }[]): (Actor | null)[] {
		return this.db.transaction(() => checks.map(({ sessionId, active }) => this.stillValid(sessionId, active)))();
	}

	/** Ends one session; returns whose it was, or undefined when there was no such session. */
	end(sessionId: string): number | undefined {
		const userId = this.db.prepare('DELETE FROM sessions WHERE id = ? RETURNING user_id').pluck().get(sessionId) as number | undefined;
		if (userId !== undefined) this.bus.emit('sessions-ended', userId);
		return userId;
	}

	endAllFor(userId: number): number {
		const ended = this.db.prepare('DELETE FROM sessions WHERE user_id = ?').run(userId).changes;
		if (ended > 0) this.bus.emit('sessions-ended', userId);
		return ended;
	}

	/** Every session still within its lifetimes, newest activity first. */
	listActive(): (Session & { email: string; name: string })[] {
		const now = Date.now();
		return (
			this.db
				.prepare(
					`SELECT sessions.*, users.email, users.name FROM sessions JOIN users ON users.id = sessions.user_id
					 WHERE sessions.last_seen_at > ? AND sessions.created_at > ? ORDER BY sessions.last_seen_at DESC`
				)
				.all(now - SESSION_INACTIVITY_TIMEOUT_MS, now - SESSION_ABSOLUTE_LIFETIME_MS) as (SessionRow & {
				email: string;
				name: string;
			})[]
		).map((row) => ({ ...toSession(row), email: row.email, name: row.name }));
	}
}
