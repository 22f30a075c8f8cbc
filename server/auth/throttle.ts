import { SIGN_IN_FAILURE_WINDOW_MS, SIGN_IN_MAX_FAILURES } from '../../src/lib/limits';

/** Past this many tracked keys the oldest are forgotten, so a flood of addresses cannot exhaust memory. */
const MAX_TRACKED_KEYS = 100_000;

/**
 * Counts failed sign-ins per key (an account, a client address) in a sliding window.
 * A key with too many recent failures waits until the oldest of them leaves the window:
 * slowed down, never locked out for good.
 */
export class SignInThrottle {
	private readonly failures = new Map<string, number[]>();

	private recent(key: string, now: number): number[] {
		const times = (this.failures.get(key) ?? []).filter((at) => now - at < SIGN_IN_FAILURE_WINDOW_MS);
		if (times.length === 0) this.failures.delete(key);
		else this.failures.set(key, times);
		return times;
	}

	/** Milliseconds until any of `keys` may try again; 0 when all may. */
	waitMs(keys: string[], now = Date.now()): number {
		let wait = 0;
		for (const key of keys) {
			const times = this.recent(key, now);
			if (times.length >= SIGN_IN_MAX_FAILURES) {
				const oldest = times[times.length - SIGN_IN_MAX_FAILURES]!;
				wait = Math.max(wait, oldest + SIGN_IN_FAILURE_WINDOW_MS - now);
			}
		}
		return wait;
	}

	recordFailure(keys: string[], now = Date.now()): void {
		for (const key of keys) {
			const times = this.recent(key, now);
			times.push(now);
			this.failures.delete(key);
			this.failures.set(key, times);
		}
		while (this.failures.size > MAX_TRACKED_KEYS) {
			this.failures.delete(this.failures.keys().next().value!);
		}
	}

	forget(key: string): void {
		this.failures.delete(key);
	}
}
