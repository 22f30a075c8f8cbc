// `npm run bench [-- --quick]`: installs the peers (only for the benchmark, from this folder's
// own lockfile) when missing, builds the app when stale, and runs main.mjs pinned to the load
// generator's core. Never part of `npm test`; it reports numbers and fails on nothing but errors.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const bench = import.meta.dirname;
const root = path.resolve(bench, '../..');
const run = (command, args, options = {}) => {
	const result = spawnSync(command, args, { stdio: 'inherit', ...options });
	if (result.status !== 0) process.exit(result.status ?? 1);
};

if (!fs.existsSync(path.join(root, 'node_modules'))) {
	console.error('Install the app first: npm ci');
	process.exit(1);
}
if (!fs.existsSync(path.join(bench, 'node_modules', '.package-lock.json'))) {
	console.error('Installing the peers for the benchmark (tests/bench/package-lock.json)…');
	run('npm', ['ci', '--no-audit', '--no-fund'], { cwd: bench });
}
run(process.execPath, ['--import', 'tsx', 'server/build.ts', '--if-stale'], { cwd: root });

const taskset = spawnSync('taskset', ['-c', '1', 'true']).status === 0;
const main = [process.execPath, '--import', 'tsx', path.join(bench, 'main.mjs'), ...process.argv.slice(2)];
const [command, ...args] = taskset ? ['taskset', '-c', '1', ...main] : main;
run(command, args, { cwd: root });
