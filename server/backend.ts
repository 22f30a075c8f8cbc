import { Annotations } from './annotations';
import { Audit } from './audit';
import { Benchmarks } from './benchmarks';
import { Comments } from './comments';
import { Coverage } from './coverage';
import { CollabHub } from './collab/hub';
import { SignIn } from './auth/sign-in';
import { Sessions } from './auth/sessions';
import { SignInThrottle } from './auth/throttle';
import type { Config } from './config';
import { openDatabase, type Db } from './db/database';
import { migrate } from './db/migrate';
import { DocumentStore } from './document/store';
import { EventBus } from './events';
import { createLogger, type Logger } from './log';
import { WordReader } from './export/word-reader';
import { Programme } from './programme';
import { builtWordWorker } from './registry';
import { Snapshots } from './snapshots';
import { Signing } from './signing';
import { Exports } from './exports';
import { Imports } from './imports';
import { seedDemoProgramme } from './seed/demo-programme';
import { Strategies } from './strategies';
import { Users } from './users';

/**
 * Everything the back end is, built once per process around one database connection:
 * routes, the socket and the command line all reach the same instance.
 */
export interface Backend {
	config: Config;
	log: Logger;
	db: Db;
	bus: EventBus;
	audit: Audit;
	users: Users;
	sessions: Sessions;
	signIn: SignIn;
	programme: Programme;
	strategies: Strategies;
	documents: DocumentStore;
	collab: CollabHub;
	benchmarks: Benchmarks;
	annotations: Annotations;
	comments: Comments;
	coverage: Coverage;
	snapshots: Snapshots;
	signing: Signing;
	exports: Exports;
	imports: Imports;
	close(): Promise<void>;
}

export async function createBackend(config: Config, log = createLogger(config.logLevel)): Promise<Backend> {
	const db = openDatabase(config.databasePath);
	const schemaVersion = await migrate(db);
	const bus = new EventBus();
	const audit = new Audit(db);
	const users = new Users(db, audit, bus);
	const sessions = new Sessions(db, users, bus);
	const strategies = new Strategies(db, audit, bus);
	const documents = new DocumentStore(db);
	const collab = new CollabHub({ config, log, bus, users, sessions, audit, strategies, documents });
	const programme = new Programme(db);
	const benchmarks = new Benchmarks(db, audit);
	const annotations = new Annotations(db, strategies, benchmarks, collab, bus);
	const comments = new Comments(db, strategies, users, collab, bus);
	const snapshots = new Snapshots(db, strategies, collab, annotations, comments, audit, bus, log);
	const signIn = new SignIn(users, sessions, new SignInThrottle(), audit, log);
	const signing = new Signing(db, strategies, snapshots, signIn, audit, bus);
	bus.on('text-quiet', (strategyId) => snapshots.takeAutomatic(strategyId));
	const words = new WordReader(builtWordWorker());
	const backend: Backend = {
		config,
		log,
		db,
		bus,
		audit,
		users,
		sessions,
		signIn,
		programme,
		strategies,
		documents,
		collab,
		benchmarks,
		annotations,
		comments,
		coverage: new Coverage(db, strategies, benchmarks, programme, annotations),
		snapshots,
		signing,
		exports: new Exports(strategies, collab, snapshots, signing, annotations, programme, words),
		imports: new Imports(strategies, collab, snapshots, annotations, comments, audit, words),
		async close() {
			collab.close();
			db.close();
		}
	};
	log.info({ event: 'database-ready', path: config.databasePath, schemaVersion });
	if (config.seed === 'demo') await seedDemoProgramme(backend);
	return backend;
}
