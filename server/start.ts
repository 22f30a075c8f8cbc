import { createBackend, type Backend } from './backend';
import { loadConfig } from './config';
import { startBackend } from './registry';

/** Starts the process's one back end from the environment (SvelteKit's `init` hook, the dev socket). */
export function start(): Promise<Backend> {
	return startBackend(() => createBackend(loadConfig()));
}
