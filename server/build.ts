import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';

/**
 * The production build: Vite builds the app (SvelteKit, with the back end bundled in), then
 * esbuild compiles the worker that reads Word files, `server/export/word-worker.ts`, to
 * `build/word-worker.js`, and the entry, `server/main.ts`, to `build/main.js`, so that
 * `npm start` runs plain JavaScript. Run from source through tsx, the entry took about 1.3 s
 * longer to start: tsx's loader sees every module the built app imports.
 *
 * `npm run build` builds; `npm start` (and the tests and the benchmark) build first with
 * `--if-stale`: when the build is missing or older than anything it is built from, so nobody
 * serves yesterday's code by accident.
 */
const root = path.resolve(import.meta.dirname, '..');
/** Written last: when it is there, the whole build is. */
const entry = path.join(root, 'build', 'main.js');
const SOURCES = ['src', 'server', 'static', 'messages', 'svelte.config.js', 'vite.config.ts', 'package-lock.json'];

function newest(file: string): number {
	if (!fs.existsSync(file)) return 0;
	const stat = fs.statSync(file);
	if (!stat.isDirectory()) return stat.mtimeMs;
	return Math.max(stat.mtimeMs, ...fs.readdirSync(file).map((name) => newest(path.join(file, name))));
}

export function buildIsStale(): boolean {
	if (!fs.existsSync(entry)) return true;
	const builtAt = fs.statSync(entry).mtimeMs;
	return SOURCES.some((source) => newest(path.join(root, source)) > builtAt);
}

/** Builds the app, the Word worker and the entry; throws when any fails. */
export function buildApp(): void {
	// The build is the app's, not a test runner's: without VITEST in its environment (vite.config.ts),
	// and for production even when a runner set NODE_ENV=test, which would have Vite bundle the
	// development builds of Svelte and SvelteKit (their checks and warnings) into the pages.
	const env = { ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST'))), NODE_ENV: 'production' };
	const vite = spawnSync(path.join(root, 'node_modules', '.bin', 'vite'), ['build'], { cwd: root, stdio: 'inherit', env });
	if (vite.status !== 0) throw new Error('vite build failed');
	compile(path.join(root, 'server', 'export', 'word-worker.ts'), path.join(root, 'build', 'word-worker.js'));
	compile(path.join(root, 'server', 'main.ts'), entry);
}

function compile(source: string, outfile: string): void {
	buildSync({
		entryPoints: [source],
		outfile,
		bundle: true,
		// Packages stay imports, resolved from node_modules as the built app's are.
		packages: 'external',
		platform: 'node',
		format: 'esm',
		target: 'node20.19',
		logLevel: 'warning'
	});
}

if (process.argv[1] === import.meta.filename) {
	const ifStale = process.argv.includes('--if-stale');
	if (!ifStale || buildIsStale()) {
		if (ifStale) process.stdout.write('Building Acquis Studio (the build is missing or older than the sources)…\n');
		buildApp();
	}
}
