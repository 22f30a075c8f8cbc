import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * `npm start` on a fresh clone or after a change: build the app when the build is missing
 * or older than anything it is built from, so nobody serves yesterday's code by accident.
 */
const root = path.resolve(import.meta.dirname, '..');
const built = path.join(root, 'build', 'handler.js');
const SOURCES = ['src', 'server', 'static', 'messages', 'svelte.config.js', 'vite.config.ts', 'package-lock.json'];

function newest(file: string): number {
	if (!fs.existsSync(file)) return 0;
	const stat = fs.statSync(file);
	if (!stat.isDirectory()) return stat.mtimeMs;
	return Math.max(stat.mtimeMs, ...fs.readdirSync(file).map((name) => newest(path.join(file, name))));
}

export function buildIsStale(): boolean {
	if (!fs.existsSync(built)) return true;
	const builtAt = fs.statSync(built).mtimeMs;
	return SOURCES.some((source) => newest(path.join(root, source)) > builtAt);
}

if (process.argv[1] === import.meta.filename) {
	if (buildIsStale()) {
		process.stdout.write('Building Acquis Studio (the build is missing or older than the sources)…\n');
		const result = spawnSync(path.join(root, 'node_modules', '.bin', 'vite'), ['build'], { cwd: root, stdio: 'inherit' });
		process.exit(result.status ?? 1);
	}
}
