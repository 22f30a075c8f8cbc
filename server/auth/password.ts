import { hash, verify } from '@node-rs/argon2';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../src/lib/limits';
import { AppError } from '../errors';
import { m } from '../../src/lib/paraglide/messages.js';

/**
 * OWASP's second argon2id configuration (t=2, m=19 MiB, p=1). `algorithm: 2` is Argon2id;
 * the package declares it as a const enum, which isolated modules cannot import.
 */
const ARGON2ID = { algorithm: 2, timeCost: 2, memoryCost: 19_456, parallelism: 1 } as const;

/** Refuses a new password that is too short or too long; no composition rules (NIST SP 800-63B). */
export function checkNewPassword(password: string): void {
	const length = [...password].length;
	if (length < PASSWORD_MIN_LENGTH) {
		throw new AppError('password_too_short', m.error_password_too_short({ min: PASSWORD_MIN_LENGTH }));
	}
	if (length > PASSWORD_MAX_LENGTH) {
		throw new AppError('password_too_long', m.error_password_too_long({ max: PASSWORD_MAX_LENGTH }));
	}
}

export function hashPassword(password: string): Promise<string> {
	return hash(password, ARGON2ID);
}

/**
 * Hashed once at start from a random string: verifying against it when an e-mail is unknown
 * costs what a real check costs, so timing does not tell which accounts exist.
 */
let decoyHash: Promise<string> | undefined;

/** Verifies `password` against `stored`, or spends the same effort when there is no stored hash. */
export async function verifyPassword(stored: string | null | undefined, password: string): Promise<boolean> {
	if (!stored) {
		decoyHash ??= hash(crypto.randomUUID(), ARGON2ID);
		await verify(await decoyHash, password).catch(() => false);
		return false;
	}
	return verify(stored, password).catch(() => false);
}
