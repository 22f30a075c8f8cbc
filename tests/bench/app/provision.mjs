// Run with `node --import tsx`: opens a new database with the app's own code, seeds the demo
// programme, and adds what the benchmark needs: editors with sessions, and strategies for the
// scenarios. Prints one JSON line: the template database and each account's session cookie.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { testBackend } from '../../helpers/backend.ts';
import { DEMO_PASSWORD } from '../../helpers/server.ts';
import { documentFromJSON } from '../../../server/document/render.ts';

const { values } = parseArgs({ options: { out: { type: 'string' }, users: { type: 'string' }, docs: { type: 'string' } } });
const users = Number(values.users);
const docs = Number(values.docs);
const databasePath = path.join(values.out, 'template.db');
fs.rmSync(databasePath, { force: true });

const backend = await testBackend({ databasePath });
const { db } = backend;

// Delegation codes are two letters; bench strategies get codes the demo does not use.
const taken = new Set(db.prepare('SELECT code FROM delegations').pluck().all());
const codes = [];
for (const a of 'zyxwvutsrqponmlkjihgfedcba') for (const b of 'zyxwvutsrqponmlkjihgfedcba') if (!taken.has(a + b)) codes.push(a + b);
const [writable, writableToo, ...others] = codes;
const MODULES = ['migration', 'asylum', 'visa'];

const smallDoc = () =>
	documentFromJSON({
		type: 'doc',
		content: [
			{ type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Bench document' }] },
			{ type: 'paragraph', content: [{ type: 'text', text: 'An idle strategy.' }] }
		]
	});
const emptyDoc = () => documentFromJSON({ type: 'doc', content: [{ type: 'paragraph' }] });

const strategies = [
	// Written by the scenarios: bench editors are authors of this delegation.
	{ id: 'bench-trace', delegation: writable, module: 'migration', doc: emptyDoc },
	{ id: 'bench-split', delegation: writable, module: 'asylum', doc: emptyDoc },
	{ id: 'bench-durable', delegation: writable, module: 'visa', doc: emptyDoc }
];
strategies.push(
	// Written in-process by app/snapshots.mjs.
	{ id: 'bench-log', delegation: writableToo, module: 'migration', doc: emptyDoc },
	{ id: 'bench-snap', delegation: writableToo, module: 'asylum', doc: emptyDoc }
);
for (let i = 0; i < docs; i++) {
	const delegation = others[Math.floor(i / MODULES.length)];
	strategies.push({ id: `bench-${String(i + 1).padStart(4, '0')}`, delegation, module: MODULES[i % MODULES.length], doc: smallDoc });
}

const now = Date.now();
db.transaction(() => {
	for (const code of new Set(strategies.map((s) => s.delegation))) {
		db.prepare('INSERT INTO delegations (code, name) VALUES (?, ?)').run(code, `Bench delegation ${code}`);
	}
	for (const { id, delegation, module, doc } of strategies) {
		db.prepare('INSERT INTO strategies (id, delegation_code, module, title, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run(
			id,
			delegation,
			module,
			`Bench strategy ${id}`,
			now,
			now
		);
		backend.documents.create(id, doc());
	}
})();

// Argon2 takes ~50 ms a hash: create accounts a batch at a time, in parallel.
const accounts = [];
for (let start = 0; start < users; start += 16) {
	const batch = await Promise.all(
		Array.from({ length: Math.min(16, users - start) }, (_, k) =>
			backend.users.create({ email: `bench.${start + k}@bench.local`, name: `Bench editor ${start + k}`, password: DEMO_PASSWORD }, null)
		)
	);
	for (const user of batch) {
		backend.users.grant(user.id, { role: 'author', delegation: 'al', module: null }, null);
		backend.users.grant(user.id, { role: 'author', delegation: writable, module: null }, null);
		backend.users.grant(user.id, { role: 'author', delegation: writableToo, module: null }, null);
		// Reads every strategy, for the many-documents scenario.
		backend.users.grant(user.id, { role: 'observer', delegation: null, module: null }, null);
		const { token } = backend.sessions.create(user.id, {});
		accounts.push({ email: user.email, userId: user.id, cookie: `session=${token}` });
	}
}
await backend.close();
process.stdout.write(`${JSON.stringify({ templateDatabase: databasePath, writableDelegation: writable, accounts })}\n`);
