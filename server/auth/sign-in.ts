import type { Audit } from '../audit';
import type { Logger } from '../log';
import type { Users } from '../users';
import type { Actor } from './policy';
import type { Session, Sessions } from './sessions';
import type { SignInThrottle } from './throttle';
import { verifyPassword } from './password';
import { AppError } from '../errors';
import { m } from '../../src/lib/paraglide/messages.js';

export interface SignInAttempt {
	email: string;
	password: string;
	clientAddress: string;
	userAgent: string | null;
}

/**
 * Checks e-mail and password and opens a new session. An unknown e-mail, a wrong password
 * and a deactivated account get the same answer after the same amount of work [A4];
 * ten failures in fifteen minutes per account or per address answer 429 until the window moves [A5].
 */
export class SignIn {
	constructor(
		private readonly users: Users,
		private readonly sessions: Sessions,
		private readonly throttle: SignInThrottle,
		private readonly audit: Audit,
		private readonly log: Logger
	) {}

	/**
	 * Asks a signed-in person for their password again before a high-value action (lock, sign,
	 * unlock) [A8]. A missing or wrong password is 401; failures count towards the same
	 * throttle as sign-in, so the password cannot be guessed through these actions either.
	 */
	async confirm(actor: Actor, password: string | undefined, clientAddress: string): Promise<void> {
		const keys = [`account:${actor.email.toLowerCase()}`, `address:${clientAddress}`];
		const waitMs = this.throttle.waitMs(keys);
		if (waitMs > 0) {
			throw new AppError('too_many_attempts', m.error_too_many_attempts(), { retryAfterSeconds: Math.ceil(waitMs / 1000) });
		}
		const user = this.users.findForSignIn(actor.email);
		if (!password || !(await verifyPassword(user?.passwordHash, password))) {
			this.throttle.recordFailure(keys);
			this.log.warn({ event: 'confirmation-failed', userId: actor.id, clientAddress });
			throw new AppError('wrong_password', m.error_password_confirmation());
		}
	}

	async attempt(attempt: SignInAttempt): Promise<{ token: string; session: Session; actor: Actor }> {
		const email = attempt.email.trim().toLowerCase();
		const accountKey = `account:${email}`;
		const keys = [accountKey, `address:${attempt.clientAddress}`];
		const waitMs = this.throttle.waitMs(keys);
		if (waitMs > 0) {
			const retryAfterSeconds = Math.ceil(waitMs / 1000);
			this.log.warn({ event: 'sign-in-throttled', email, clientAddress: attempt.clientAddress, retryAfterSeconds });
			const known = this.users.findForSignIn(email);
			this.audit.record({
				userId: known?.id ?? null,
				action: 'sign-in-throttled',
				details: { email, clientAddress: attempt.clientAddress }
			});
			throw new AppError('too_many_attempts', m.error_too_many_attempts(), {
				retryAfterSeconds
			});
		}

		const user = this.users.findForSignIn(email);
		const passwordOk = await verifyPassword(user?.passwordHash, attempt.password);
		const actor = user && passwordOk && user.active ? this.users.actor(user.id) : null;
		if (!actor) {
			this.throttle.recordFailure(keys);
			this.log.warn({ event: 'sign-in-failed', email, clientAddress: attempt.clientAddress });
			this.audit.record({
				userId: user?.id ?? null,
				action: 'sign-in-failed',
				details: { email, clientAddress: attempt.clientAddress }
			});
			throw new AppError('wrong_password', m.error_wrong_credentials());
		}

		this.throttle.forget(accountKey);
		const { token, session } = this.sessions.create(actor.id, {
			address: attempt.clientAddress,
			userAgent: attempt.userAgent
		});
		this.log.info({ event: 'sign-in', userId: actor.id, clientAddress: attempt.clientAddress });
		this.audit.record({ userId: actor.id, action: 'sign-in', details: { clientAddress: attempt.clientAddress } });
		return { token, session, actor };
	}
}
