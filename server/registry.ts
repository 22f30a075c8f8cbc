import type { Backend } from './backend';

/**
 * The process's one back end, kept on `globalThis` so that every copy of this module sees
 * it: the production entry, the SvelteKit bundle and Vite's dev loader may each load their
 * own copy of `server/`, but there must be one database connection and one hub (STACK.md).
 */
const KEY = Symbol.for('acquis-studio.backend');
const WORD_WORKER = Symbol.for('acquis-studio.word-worker');

interface Entry {
	ready: Promise<Backend>;
	backend?: Backend;
}

type Slot = { [KEY]?: Entry; [WORD_WORKER]?: string };

/** Starts the back end once per process; later calls get the same one. */
export function startBackend(create: () => Promise<Backend>): Promise<Backend> {
	const slot = globalThis as Slot;
	if (!slot[KEY]) {
		const entry: Entry = {
			ready: create().then((backend) => (entry.backend = backend))
		};
		slot[KEY] = entry;
	}
	return slot[KEY].ready;
}

/** The running back end; only after `startBackend` has settled (SvelteKit's `init` hook awaits it). */
export function backend(): Backend {
	const backend = (globalThis as Slot)[KEY]?.backend;
	if (!backend) throw new Error('the back end has not been started');
	return backend;
}

/**
 * The production entry names the built Word worker (build/word-worker.js) before it loads the
 * app: the app's code lies in chunks where Vite puts them, no fixed path away from build/.
 */
export function setBuiltWordWorker(file: string): void {
	(globalThis as Slot)[WORD_WORKER] = file;
}

/** The built Word worker, if the production entry named one; otherwise the worker runs from source (tests, `npm run dev`). */
export function builtWordWorker(): string | undefined {
	return (globalThis as Slot)[WORD_WORKER];
}
