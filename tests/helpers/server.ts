import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';

export const DEMO_PASSWORD = 'correct horse battery staple 2005';
const ROOT = path.resolve(import.meta.dirname, '../..');

export interface RunningServer {
	url: string;
	port: number;
	databasePath: string;
	/** Every line the server printed, for tests about what it logs. */
	output: string[];
	process: ChildProcess;
	/** SIGTERM and wait for the exit. */
	stop(): Promise<void>;
	/** SIGKILL and wait for the exit: a crash. */
	kill(): Promise<void>;
}

export function tempDatabasePath(): string {
	return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'acquis-test-')), 'acquis.db');
}

/** A free port, so a restarted server comes back where its clients reconnect. */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = net.createServer().listen(0, '127.0.0.1', () => {
			const { port } = probe.address() as net.AddressInfo;
			probe.close(() => resolve(port));
		});
		probe.on('error', reject);
	});
}

/**
 * Starts the real production entry as a child process on a free port with its own
 * temporary database (or `databasePath`, to restart on the same file), and resolves once it
 * listens.
 */
export async function startServer(options: { databasePath?: string; env?: Record<string, string> } = {}): Promise<RunningServer> {
	const databasePath = options.databasePath ?? tempDatabasePath();
	const env: NodeJS.ProcessEnv = {
		...process.env,
		NODE_ENV: 'production',
		PORT: '0',
		HOST: '127.0.0.1',
		DATABASE_PATH: databasePath,
		DEMO_PASSWORD,
		LOG_LEVEL: 'info',
		...options.env
	};
	for (const name of ['ORIGIN', 'PROTOCOL_HEADER', 'SEED']) if (!options.env?.[name]) delete env[name];
	const child = spawn(process.execPath, ['build/main.js'], {
		cwd: ROOT,
		env,
		stdio: ['ignore', 'pipe', 'pipe']
	});
	const output: string[] = [];
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	const lines = readline.createInterface({ input: child.stdout! });
	readline.createInterface({ input: child.stderr! }).on('line', (line) => output.push(line));

	const url = await new Promise<string>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`server did not start:\n${output.join('\n')}`)), 30_000);
		lines.on('line', (line) => {
			output.push(line);
			if (!line.includes('"listening"')) return;
			clearTimeout(timer);
			resolve(JSON.parse(line).url as string);
		});
		child.once('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`server exited with ${code}:\n${output.join('\n')}`));
		});
	});

	const end = async (signal: NodeJS.Signals) => {
		if (child.exitCode === null && child.signalCode === null) child.kill(signal);
		await exited;
	};
	return {
		url,
		port: Number(new URL(url).port),
		databasePath,
		output,
		process: child,
		stop: () => end('SIGTERM'),
		kill: () => end('SIGKILL')
	};
}
