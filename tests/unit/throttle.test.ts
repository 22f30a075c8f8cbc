import { describe, expect, it } from 'vitest';
import { SignInThrottle } from '../../server/auth/throttle';
import { SIGN_IN_FAILURE_WINDOW_MS, SIGN_IN_MAX_FAILURES } from '../../src/lib/limits';

describe('sign-in throttle', () => {
	const keys = ['account:a@example.org', 'address:10.0.0.1'];

	it('[A5] lets nine failures through and holds back after the tenth, until the oldest leaves the window', () => {
		const throttle = new SignInThrottle();
		const start = 1_000_000;
		for (let i = 0; i < SIGN_IN_MAX_FAILURES - 1; i++) throttle.recordFailure(keys, start + i * 1000);
		expect(throttle.waitMs(keys, start + 10_000)).toBe(0);
		throttle.recordFailure(keys, start + 10_000);
		const wait = throttle.waitMs(keys, start + 10_000);
		expect(wait).toBe(SIGN_IN_FAILURE_WINDOW_MS - 10_000);
		expect(throttle.waitMs(keys, start + 10_000 + wait)).toBe(0);
	});

	it('[A5] counts per account and per address independently', () => {
		const throttle = new SignInThrottle();
		for (let i = 0; i < SIGN_IN_MAX_FAILURES; i++) throttle.recordFailure([`account:victim@example.org`, `address:10.0.0.${i}`], i);
		expect(throttle.waitMs(['account:victim@example.org', 'address:10.0.0.99'], 100)).toBeGreaterThan(0);
		expect(throttle.waitMs(['account:other@example.org', 'address:10.0.0.1'], 100)).toBe(0);
	});

	it('[A5] forgetting an account (after a good sign-in) clears only that account', () => {
		const throttle = new SignInThrottle();
		for (let i = 0; i < SIGN_IN_MAX_FAILURES; i++) throttle.recordFailure(keys, i);
		throttle.forget(keys[0]!);
		expect(throttle.waitMs([keys[0]!], 100)).toBe(0);
		expect(throttle.waitMs([keys[1]!], 100)).toBeGreaterThan(0);
	});
});
