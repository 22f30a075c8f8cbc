import { describe, expect, it } from 'vitest';
import { parseOptions } from '@node-rs/argon2';
import { checkNewPassword, hashPassword, verifyPassword } from '../../server/auth/password';
import { AppError } from '../../server/errors';

describe('passwords', () => {
	it('[A6] are hashed with argon2id, t=2, m=19456 KiB, p=1', async () => {
		const hash = await hashPassword('a long enough passphrase');
		expect(hash.startsWith('$argon2id$')).toBe(true);
		expect(parseOptions(hash)).toMatchObject({ timeCost: 2, memoryCost: 19_456, parallelism: 1 });
		expect(await verifyPassword(hash, 'a long enough passphrase')).toBe(true);
		expect(await verifyPassword(hash, 'a long enough passphrasE')).toBe(false);
	});

	it('[A6] need 12 to 128 characters and nothing else: no composition rules', () => {
		expect(() => checkNewPassword('elevenchars')).toThrow(AppError);
		expect(() => checkNewPassword('twelve chars')).not.toThrow();
		expect(() => checkNewPassword('alllowercaseletters')).not.toThrow();
		expect(() => checkNewPassword('x'.repeat(128))).not.toThrow();
		expect(() => checkNewPassword('x'.repeat(129))).toThrow(AppError);
		// Characters, not bytes: twelve Cyrillic letters are enough.
		expect(() => checkNewPassword('стратегијата')).not.toThrow();
	});

	it('[A4] an unknown account costs a real verification and is refused', async () => {
		const started = performance.now();
		expect(await verifyPassword(undefined, 'anything at all')).toBe(false);
		await verifyPassword(undefined, 'anything at all');
		const unknown = performance.now() - started;
		const hash = await hashPassword('a long enough passphrase');
		const known = performance.now();
		await verifyPassword(hash, 'wrong');
		await verifyPassword(hash, 'wrong');
		const wrong = performance.now() - known;
		// Same order of magnitude: both run argon2id with the same parameters.
		expect(unknown).toBeGreaterThan(wrong / 4);
	});
});
