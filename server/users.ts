import type { Db } from './db/database';
import type { Audit } from './audit';
import type { EventBus } from './events';
import type { Actor, Grant } from './auth/policy';
import { checkNewPassword, hashPassword } from './auth/password';
import { newBearerToken, parseBearerToken, secretMatches } from './auth/secret';
import { AppError } from './errors';
import { m } from '../src/lib/paraglide/messages.js';
import { PASSWORD_LINK_LIFETIME_MS } from '../src/lib/limits';
import type { DelegationCode, ModuleCode, Role } from '../src/lib/vocabulary';
import type { Locale } from '../src/lib/paraglide/runtime.js';

export interface User {
	id: number;
	email: string;
	name: string;
	active: boolean;
	hasPassword: boolean;
	createdAt: number;
	grants: Grant[];
}

interface UserRow {
	id: number;
	email: string;
	name: string;
	password_hash: string | null;
	active: 0 | 1;
	locale: Locale | null;
	created_at: number;
}

interface GrantRow {
	user_id: number;
	role: Role;
	delegation_code: DelegationCode | null;
	module: ModuleCode | null;
}

function grantOf(row: GrantRow): Grant {
	return { role: row.role, delegation: row.delegation_code, module: row.module };
}

/** Which scope each role takes (DESIGN.md's table); the database checks the same shape. */
function checkGrantShape(grant: Grant): void {
	const { role, delegation, module } = grant;
	const ok =
		role === 'admin'
			? delegation === null && module === null
			: role === 'author' || role === 'head'
				? delegation !== null && module === null
				: role === 'expert'
					? delegation === null && module !== null
					: delegation === null || module === null;
	if (!ok) {
		throw new AppError('invalid', m.error_role_scope(), { role, delegation, module });
	}
}

/**
 * People and their roles: accounts, grants, deactivation and one-time set-password links.
 * `by` is the acting user, recorded in the audit log (null for the command line).
 */
export class Users {
	constructor(
		private readonly db: Db,
		private readonly audit: Audit,
		private readonly bus: EventBus
	) {}

	private grantsOf(userId: number): Grant[] {
		return (
			this.db
				.prepare('SELECT user_id, role, delegation_code, module FROM grants WHERE user_id = ? ORDER BY id')
				.all(userId) as GrantRow[]
		).map(grantOf);
	}

	private toUser(row: UserRow, grants: Grant[]): User {
		return {
			id: row.id,
			email: row.email,
			name: row.name,
			active: row.active === 1,
			hasPassword: row.password_hash !== null,
			createdAt: row.created_at,
			grants
		};
	}

	/** The stored password hash too, for signing in only. */
	findForSignIn(email: string): { id: number; passwordHash: string | null; active: boolean } | undefined {
		const row = this.db
			.prepare('SELECT id, password_hash, active FROM users WHERE email = ?')
			.get(email) as Pick<UserRow, 'id' | 'password_hash' | 'active'> | undefined;
		return row && { id: row.id, passwordHash: row.password_hash, active: row.active === 1 };
	}

	findByEmail(email: string): User | undefined {
		const row = this.db.prepare('SELECT * FROM users WHERE email = ?').get(email) as UserRow | undefined;
		return row && this.toUser(row, this.grantsOf(row.id));
	}

	get(id: number): User {
		const row = this.db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
		if (!row) throw new AppError('not_found', m.error_user_not_found());
		return this.toUser(row, this.grantsOf(row.id));
	}

	/** The person behind a session, or null when the account is deactivated or gone. */
	actor(id: number): Actor | null {
		const row = this.db.prepare('SELECT id, email, name, active, locale FROM users WHERE id = ?').get(id) as
			| Pick<UserRow, 'id' | 'email' | 'name' | 'active' | 'locale'>
			| undefined;
		if (!row || row.active !== 1) return null;
		return { id: row.id, email: row.email, name: row.name, locale: row.locale, grants: this.grantsOf(row.id) };
	}

	list(): User[] {
		const rows = this.db.prepare('SELECT * FROM users ORDER BY email').all() as UserRow[];
		const grants = this.db
			.prepare('SELECT user_id, role, delegation_code, module FROM grants ORDER BY id')
			.all() as GrantRow[];
		return rows.map((row) =>
			this.toUser(
				row,
				grants.filter((grant) => grant.user_id === row.id).map(grantOf)
			)
		);
	}

	/** Creates an account without a password (it gets one through a set-password link) unless one is given. */
	async create(input: { email: string; name: string; password?: string }, by: number | null): Promise<User> {
		if (input.password !== undefined) checkNewPassword(input.password);
		const passwordHash = input.password === undefined ? null : await hashPassword(input.password);
		if (this.findForSignIn(input.email)) {
			throw new AppError('email_taken', m.error_email_taken());
		}
		const id = this.db.transaction(() => {
			const result = this.db
				.prepare('INSERT INTO users (email, name, password_hash, created_at) VALUES (?, ?, ?, ?)')
				.run(input.email, input.name, passwordHash, Date.now());
			const userId = Number(result.lastInsertRowid);
			this.audit.record({ userId: by, action: 'user-created', details: { user: input.email } });
			return userId;
		})();
		return this.get(id);
	}

	async setPassword(userId: number, password: string, by: number | null): Promise<void> {
		checkNewPassword(password);
		const user = this.get(userId);
		const passwordHash = await hashPassword(password);
		this.db.transaction(() => {
			this.db.prepare('UPDATE users SET password_hash = ? WHERE id = ?').run(passwordHash, userId);
			this.audit.record({ userId: by, action: 'password-set', details: { user: user.email } });
		})();
	}

	/** A one-time link for the user to choose their own password; the token is shown once and stored hashed. */
	createPasswordLink(userId: number, by: number | null): { token: string; expiresAt: number } {
		const user = this.get(userId);
		// The person could set a password and then not sign in with it.
		if (!user.active) throw new AppError('conflict', m.error_account_deactivated());
		const link = newBearerToken();
		const now = Date.now();
		const expiresAt = now + PASSWORD_LINK_LIFETIME_MS;
		this.db.transaction(() => {
			// A new link replaces any earlier one still unused.
			this.db.prepare('UPDATE password_links SET used_at = ? WHERE user_id = ? AND used_at IS NULL').run(now, userId);
			this.db
				.prepare('INSERT INTO password_links (id, user_id, secret_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?)')
				.run(link.id, userId, link.secretHash, now, expiresAt);
			this.audit.record({ userId: by, action: 'password-link-created', details: { user: user.email } });
		})();
		return { token: link.token, expiresAt };
	}

	/** The account a set-password link is for, if the link is still good. */
	passwordLinkUser(token: string): User {
		const parsed = parseBearerToken(token);
		const row = parsed
			? (this.db.prepare('SELECT * FROM password_links WHERE id = ?').get(parsed.id) as
					| { user_id: number; secret_hash: Uint8Array; expires_at: number; used_at: number | null }
					| undefined)
			: undefined;
		if (!parsed || !row || !secretMatches(parsed.secret, row.secret_hash)) {
			throw new AppError('not_found', m.error_link_invalid());
		}
		if (row.used_at !== null || row.expires_at <= Date.now()) {
			throw new AppError('link_expired', m.error_link_expired());
		}
		const user = this.get(row.user_id);
		if (!user.active) throw new AppError('conflict', m.error_account_deactivated());
		return user;
	}

	async redeemPasswordLink(token: string, password: string): Promise<User> {
		const user = this.passwordLinkUser(token);
		checkNewPassword(password);
		const passwordHash = await hashPassword(password);
		const { id } = parseBearerToken(token)!;
		this.db.transaction(() => {
			const used = this.db
				.prepare('UPDATE password_links SET used_at = ? WHERE id = ? AND used_at IS NULL')
				.run(Date.now(), id);
			// Two tabs redeeming the same link at once: the second finds it used.
			if (used.changes !== 1) throw new AppError('link_expired', m.error_link_expired());
			this.db.prepare('UPDATE users SET password_hash = ? WHERE id = ?').run(passwordHash, user.id);
			this.audit.record({ userId: user.id, action: 'password-set', details: { user: user.email, via: 'link' } });
		})();
		return user;
	}

	grant(userId: number, grant: Grant, by: number | null): void {
		checkGrantShape(grant);
		const user = this.get(userId);
		this.db.transaction(() => {
			this.db
				.prepare(
					`INSERT INTO grants (user_id, role, delegation_code, module, created_at) VALUES (?, ?, ?, ?, ?)
					 ON CONFLICT DO NOTHING`
				)
				.run(userId, grant.role, grant.delegation, grant.module, Date.now());
			this.audit.record({ userId: by, action: 'role-granted', details: { user: user.email, ...grant } });
		})();
		this.bus.emit('access-changed', userId);
	}

	revoke(userId: number, grant: Grant, by: number | null): void {
		const user = this.get(userId);
		// As with deactivation: an administrator never locks themselves out, so one always remains.
		if (by === userId && grant.role === 'admin') throw new AppError('conflict', m.error_revoke_own_admin());
		const removed = this.db.transaction(() => {
			const result = this.db
				.prepare(
					`DELETE FROM grants WHERE user_id = ? AND role = ?
					 AND delegation_code IS ? AND module IS ?`
				)
				.run(userId, grant.role, grant.delegation, grant.module);
			if (result.changes > 0) {
				this.audit.record({ userId: by, action: 'role-revoked', details: { user: user.email, ...grant } });
			}
			return result.changes > 0;
		})();
		if (!removed) throw new AppError('not_found', m.error_role_not_held({ email: user.email }));
		this.bus.emit('access-changed', userId);
	}

	/** The interface language the person chose; it follows them to every device they sign in on. */
	setLocale(userId: number, locale: Locale): void {
		this.db.prepare('UPDATE users SET locale = ? WHERE id = ?').run(locale, userId);
	}

	setActive(userId: number, active: boolean, by: number | null): void {
		const user = this.get(userId);
		if (by === userId && !active) {
			throw new AppError('conflict', m.error_deactivate_self());
		}
		this.db.transaction(() => {
			this.db.prepare('UPDATE users SET active = ? WHERE id = ?').run(active ? 1 : 0, userId);
			this.audit.record({
				userId: by,
				action: active ? 'user-reactivated' : 'user-deactivated',
				details: { user: user.email }
			});
		})();
		this.bus.emit('access-changed', userId);
	}
}
