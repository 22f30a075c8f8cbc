import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import readline from 'node:readline';

const HAS_TASKSET = spawnSync('taskset', ['-c', '0', 'true']).status === 0;
const CLOCK_TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

export const pinning = HAS_TASKSET ? 'taskset: servers on core 0, load generator on core 1' : 'not pinned (no taskset)';

/** argv prefixed with `taskset -c CORE` when taskset exists (taskset execs, so the pid is the program's). */
export function pinned(core, argv) {
	return HAS_TASKSET ? ['taskset', '-c', String(core), ...argv] : argv;
}

/** User + system CPU seconds a live process has used so far, from /proc. */
export function cpuSeconds(pid) {
	const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

/** Resident set size of a live process, in bytes. */
export function rssBytes(pid) {
	const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
	return Number(/VmRSS:\s+(\d+) kB/.exec(status)[1]) * 1024;
}

export function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

/**
 * Starts a server process and resolves once a line of its output satisfies `ready` (which
 * returns the URL). Output is kept for error messages; start-up is bounded in time.
 */
export async function startProcess({ argv, cwd, env, ready, timeoutMs = 60_000 }) {
	const child = spawn(argv[0], argv.slice(1), { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
	const output = [];
	const keep = (line) => {
		output.push(line);
		if (output.length > 200) output.shift();
	};
	const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
	const url = await new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`${argv.join(' ')} did not start:\n${output.join('\n')}`)), timeoutMs);
		const onLine = (line) => {
			keep(line);
			const found = ready(line);
			if (found) {
				clearTimeout(timer);
				resolve(found);
			}
		};
		readline.createInterface({ input: child.stdout }).on('line', onLine);
		readline.createInterface({ input: child.stderr }).on('line', onLine);
		child.once('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`${argv.join(' ')} exited with ${code}:\n${output.join('\n')}`));
		});
	});
	const end = async (signal, waitMs = 30_000) => {
		if (child.exitCode === null && child.signalCode === null) child.kill(signal);
		const timer = setTimeout(() => child.kill('SIGKILL'), waitMs);
		const result = await exited;
		clearTimeout(timer);
		return result;
	};
	return {
		pid: child.pid,
		url,
		output,
		alive: () => child.exitCode === null && child.signalCode === null,
		cpu: () => cpuSeconds(child.pid),
		rss: () => rssBytes(child.pid),
		stop: () => end('SIGTERM'),
		kill: () => end('SIGKILL')
	};
}
