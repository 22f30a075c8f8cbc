import fs from 'node:fs';
import Database from 'better-sqlite3';
import path from 'node:path';
import { freePort, pinned, startProcess } from './proc.mjs';
import { BENCH, ROOT } from './util.mjs';

/** The servers compared, in the order every scenario runs them (interleaved). */
export const PEERS = ['ours', 'hocuspocus', 'y-websocket'];

/** Our strategies that stand for the scenarios' documents (provisioned by app/provision.mjs). */
const OUR_DOCUMENTS = {
	typing: 'al-migration',
	trace: 'bench-trace',
	split: 'bench-split',
	durable: 'bench-durable'
};

export function manyDocName(index) {
	return `bench-${String(index + 1).padStart(4, '0')}`;
}

/** One of this folder's peer scripts, pinned to the server core; it prints its URL in a "listening" JSON line. */
function startBenchPeer(script, env) {
	return startProcess({
		argv: pinned(0, [process.execPath, path.join(BENCH, 'peers', script)]),
		cwd: BENCH,
		env,
		ready: (line) => (line.includes('"listening"') ? JSON.parse(line).url : null)
	});
}

/**
 * Starts a peer on storage of its own under `dir` (created fresh, or reused with `reuse` to
 * restart on what it stored). The returned handle knows how each peer names documents and
 * authenticates, so the scenarios stay peer-agnostic.
 */
export async function startPeer(name, ctx, dir, { reuse = false } = {}) {
	if (!reuse) {
		fs.rmSync(dir, { recursive: true, force: true });
		fs.mkdirSync(dir, { recursive: true });
	}
	const base = { ...process.env, NODE_ENV: 'production' };
	let proc;
	let kind;
	let docName = (logical) => logical;
	let docPath = (logical) => `/${docName(logical)}`;
	let headers = () => ({});
	switch (name) {
		case 'ours': {
			const database = path.join(dir, 'acquis.db');
			if (!reuse) fs.copyFileSync(ctx.templateDatabase, database);
			kind = 'yws';
			proc = await startProcess({
				argv: pinned(0, [process.execPath, 'build/main.js']),
				cwd: ROOT,
				// No DEMO_PASSWORD: the provisioned database already has it, and checking it at
				// start would cost 15 argon2 verifications per start.
				env: { ...base, PORT: '0', HOST: '127.0.0.1', DATABASE_PATH: database, LOG_LEVEL: 'info', SEED: 'demo', DEMO_PASSWORD: '' },
				ready: (line) => (line.includes('"listening"') ? JSON.parse(line).url : null)
			});
			docName = (logical) => OUR_DOCUMENTS[logical] ?? logical;
			docPath = (logical) => `/collab/${docName(logical)}`;
			headers = (user) => ({ cookie: ctx.accounts[user % ctx.accounts.length].cookie, origin: proc.url });
			break;
		}
		case 'hocuspocus': {
			kind = 'hocuspocus';
			proc = await startBenchPeer('hocuspocus.mjs', { ...base, HOCUSPOCUS_DATABASE: path.join(dir, 'hocuspocus.sqlite') });
			docPath = () => '/';
			break;
		}
		case 'y-websocket': {
			kind = 'yws';
			const port = await freePort();
			// The reference server exactly as shipped (bin/server.cjs), persistence on.
			proc = await startProcess({
				argv: pinned(0, [process.execPath, path.join(BENCH, 'node_modules', 'y-websocket', 'bin', 'server.cjs')]),
				cwd: BENCH,
				env: { ...base, HOST: '127.0.0.1', PORT: String(port), YPERSISTENCE: path.join(dir, 'leveldb') },
				ready: (line) => (line.includes('running at') ? `http://127.0.0.1:${port}` : null)
			});
			break;
		}
		case 'floor': {
			kind = 'floor';
			proc = await startBenchPeer('floor.mjs', base);
			break;
		}
		default:
			throw new Error(`unknown peer ${name}`);
	}
	const ws = proc.url.replace(/^http/, 'ws');
	return {
		name,
		kind,
		dir,
		url: proc.url,
		pid: proc.pid,
		docName,
		docUrl: (logical) => `${ws}${docPath(logical)}`,
		wsBase: ws,
		headers,
		cpu: proc.cpu,
		rss: proc.rss,
		alive: proc.alive,
		stop: proc.stop,
		kill: proc.kill,
		output: proc.output
	};
}

/** Bytes a peer keeps for one document (logical: the stored Yjs bytes; files: what is on disk). */
export function storedBytes(peer, logical) {
	if (peer.name === 'ours') {
		const db = new Database(path.join(peer.dir, 'acquis.db'), { readonly: true, fileMustExist: true });
		try {
			const id = peer.docName(logical);
			const state = db.prepare('SELECT length(state) FROM strategy_documents WHERE strategy_id = ?').pluck().get(id) ?? 0;
			const row = db.prepare('SELECT count(*) AS n, coalesce(sum(length(data)), 0) AS bytes FROM strategy_updates WHERE strategy_id = ?').get(id);
			return { state, logUpdates: row.n, logBytes: row.bytes, total: state + row.bytes };
		} finally {
			db.close();
		}
	}
	if (peer.name === 'hocuspocus') {
		const file = path.join(peer.dir, 'hocuspocus.sqlite');
		if (!fs.existsSync(file)) return { state: 0, total: 0 };
		const db = new Database(file, { readonly: true, fileMustExist: true });
		try {
			const state = db.prepare('SELECT length(data) FROM documents WHERE name = ?').pluck().get(peer.docName(logical)) ?? 0;
			return { state, total: state };
		} finally {
			db.close();
		}
	}
	return null;
}
