import { sha256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';

/**
 * Bearer tokens (sessions, set-password links) in the Lucia design: `<id>.<secret>`, where the
 * id finds the row and only the SHA-256 of the secret is stored and compared in constant time.
 */

const ID_BYTES = 15;
/** 160 bits from the CSPRNG: beyond guessing, above the 128 bits the rule asks for. */
const SECRET_BYTES = 20;
const TOKEN_SHAPE = /^[a-z2-7]{24}\.[a-z2-7]{32}$/;

function randomBase32(bytes: number): string {
	return encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(bytes)));
}

export function hashSecret(secret: string): Uint8Array {
	return sha256(new TextEncoder().encode(secret));
}

export interface BearerToken {
	id: string;
	secret: string;
	token: string;
	secretHash: Uint8Array;
}

export function newBearerToken(): BearerToken {
	const id = randomBase32(ID_BYTES);
	const secret = randomBase32(SECRET_BYTES);
	return { id, secret, token: `${id}.${secret}`, secretHash: hashSecret(secret) };
}

/** Splits a presented token; anything not shaped like one of ours is `null` and never reaches the database. */
export function parseBearerToken(token: string): { id: string; secret: string } | null {
	if (!TOKEN_SHAPE.test(token)) return null;
	const [id, secret] = token.split('.') as [string, string];
	return { id, secret };
}

export function secretMatches(secret: string, storedHash: Uint8Array): boolean {
	return constantTimeEqual(hashSecret(secret), storedHash);
}
