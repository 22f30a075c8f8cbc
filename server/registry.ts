import type { Backend } from './backend';

/**
 * The process's one back end, kept on `globalThis` so that every copy of this module sees
 * it: the production entry, the SvelteKit bundle and Vite's dev loader may each load their
 * own copy of `server/`, but there must be one database connection and one hub (STACK.md).
 */
const KEY = Symbol.for('acquis-studio.backend');

interface Entry {
	ready: Promise<Backend>;
	backend?: Backend;
}

type Slot = { [KEY]?: Entry };

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
