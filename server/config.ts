import path from 'node:path';
import { AUTO_SNAPSHOT_QUIET_MS } from '../src/lib/limits';

/**
 * Settings read from the environment once, at start. Limits that do not depend on the
 * installation live in `src/lib/limits.ts`, shared with the browser.
 */
export interface Config {
	/** SQLite file; its folder is created when missing. */
	databasePath: string;
	/** `demo` seeds the demo programme into an empty database; `none` leaves it empty. */
	seed: 'demo' | 'none';
	/** Password of every demo account; generated and printed once when absent. */
	demoPassword: string | undefined;
	/** The public origin (scheme, host, port) when the app sits behind a proxy. */
	origin: string | undefined;
	/** The header a trusted proxy sets to the original protocol (adapter-node's PROTOCOL_HEADER). */
	protocolHeader: string | undefined;
	port: number;
	host: string;
	logLevel: string;
	/** How long editing must pause before an automatic snapshot (AUTO_SNAPSHOT_QUIET_MS; tests shorten it). */
	autoSnapshotQuietMs: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
	const seed = env.SEED ?? 'demo';
	if (seed !== 'demo' && seed !== 'none') {
		throw new Error(`SEED must be "demo" or "none", not "${seed}"`);
	}
	const port = Number(env.PORT ?? 3000);
	if (!Number.isInteger(port) || port < 0 || port > 65_535) {
		throw new Error(`PORT must be a port number, not "${env.PORT}"`);
	}
	return {
		databasePath: path.resolve(env.DATABASE_PATH ?? 'data/acquis.db'),
		seed,
		demoPassword: env.DEMO_PASSWORD || undefined,
		origin: env.ORIGIN || undefined,
		protocolHeader: env.PROTOCOL_HEADER?.toLowerCase() || undefined,
		port,
		host: env.HOST ?? '127.0.0.1',
		logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'warn' : 'info'),
		autoSnapshotQuietMs: Number(env.AUTO_SNAPSHOT_QUIET_MS ?? AUTO_SNAPSHOT_QUIET_MS)
	};
}
