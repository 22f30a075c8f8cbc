import { createBackend, type Backend } from '../../server/backend';
import { createLogger } from '../../server/log';
import { DEMO_PASSWORD, tempDatabasePath } from './server';

/** The back end in this process, on a fresh SQLite file in a temp folder, demo programme seeded unless told otherwise. */
export function testBackend(options: { databasePath?: string; seed?: 'demo' | 'none' } = {}): Promise<Backend> {
	return createBackend(
		{
			databasePath: options.databasePath ?? tempDatabasePath(),
			seed: options.seed ?? 'demo',
			demoPassword: DEMO_PASSWORD,
			origin: undefined,
			protocolHeader: undefined,
			port: 0,
			host: '127.0.0.1',
			logLevel: 'silent',
			autoSnapshotQuietMs: 600_000
		},
		createLogger('silent')
	);
}
