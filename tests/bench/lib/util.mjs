import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../../..');
export const BENCH = path.resolve(import.meta.dirname, '..');

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export const now = () => performance.now();

/** Resolves once `condition()` holds; rejects after `timeoutMs` (every wait in the benchmark is bounded). */
export async function until(condition, what, timeoutMs = 10_000, stepMs = 5) {
	const started = now();
	while (!condition()) {
		if (now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
		await sleep(stepMs);
	}
}

/** Like `until`, but returns false instead of throwing. */
export async function waitFor(condition, timeoutMs, stepMs = 5) {
	const started = now();
	while (!condition()) {
		if (now() - started > timeoutMs) return false;
		await sleep(stepMs);
	}
	return true;
}

/** Nearest-rank percentile of unsorted numbers; null for none. */
export function percentile(values, p) {
	if (values.length === 0) return null;
	const sorted = Float64Array.from(values).sort();
	const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
	return sorted[rank];
}

export function median(values) {
	const present = values.filter((v) => typeof v === 'number' && Number.isFinite(v));
	return present.length === 0 ? null : percentile(present, 50);
}

export { seededRandom as random } from '../../helpers/random.ts';

/** An exponential delay for a Poisson process of `ratePerSecond`, in ms. */
export function poissonDelay(rand, ratePerSecond) {
	return (-Math.log(1 - rand()) / ratePerSecond) * 1000;
}

export function dirBytes(dir) {
	let total = 0;
	if (!fs.existsSync(dir)) return 0;
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		total += entry.isDirectory() ? dirBytes(full) : fs.statSync(full).size;
	}
	return total;
}

export function log(...parts) {
	process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${parts.join(' ')}\n`);
}
