import fs from 'node:fs';
import path from 'node:path';
import { buildApp, buildIsStale } from '../../server/build';

const root = path.resolve(import.meta.dirname, '../..');
const lock = path.join(root, '.build-lock');
/** A lock older than any build is left over from a run that was killed. */
const LOCK_STALE_MS = 5 * 60_000;

/** Two test runs at once (two terminals, a watcher) must not build over each other. */
function withBuildLock(build: () => void): void {
	for (;;) {
		try {
			fs.mkdirSync(lock);
			break;
		} catch {
			const age = Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
			if (age > LOCK_STALE_MS) fs.rmSync(lock, { recursive: true, force: true });
			else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
		}
	}
	try {
		build();
	} finally {
		fs.rmSync(lock, { recursive: true, force: true });
	}
}

/** Integration tests run the production build, as users do; build it once if it is stale. */
export default function setup() {
	withBuildLock(() => {
		if (buildIsStale()) buildApp();
	});
}
