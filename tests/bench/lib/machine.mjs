import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BENCH, ROOT } from './util.mjs';
import { pinning } from './proc.mjs';

function version(base, name) {
	try {
		return JSON.parse(fs.readFileSync(path.join(base, 'node_modules', name, 'package.json'), 'utf8')).version;
	} catch {
		return null;
	}
}

/** What the numbers were measured on: they mean little without it. */
export function machine() {
	const cpus = os.cpus();
	return {
		cpuModel: cpus[0]?.model ?? 'unknown',
		cores: cpus.length,
		ramBytes: os.totalmem(),
		platform: `${os.type()} ${os.release()} ${os.arch()}`,
		node: process.version,
		pinning,
		packages: {
			yjs: version(ROOT, 'yjs'),
			'y-protocols': version(ROOT, 'y-protocols'),
			ws: version(ROOT, 'ws'),
			'better-sqlite3': version(ROOT, 'better-sqlite3'),
			'y-websocket (app client)': version(ROOT, 'y-websocket'),
			'@hocuspocus/server': version(BENCH, '@hocuspocus/server'),
			'@hocuspocus/provider': version(BENCH, '@hocuspocus/provider'),
			'@hocuspocus/extension-sqlite': version(BENCH, '@hocuspocus/extension-sqlite'),
			sqlite3: version(BENCH, 'sqlite3'),
			'y-websocket (reference server)': version(BENCH, 'y-websocket'),
			'y-leveldb': version(BENCH, 'y-leveldb'),
			leveldown: version(BENCH, 'leveldown')
		}
	};
}
