import * as Y from 'yjs';
import { connectEditor, serverDocument, until, type Editor } from './collab';
import { signIn } from './http';
import { seededRandom } from './random';
import { freePort, startServer, tempDatabasePath, type RunningServer } from './server';

export interface CrashReport {
	seed: number;
	cycles: number;
	/** Edits that another client had received before a kill, each found again after the restart. */
	editsVerified: number;
	/** Edits that another client had seen and that were gone after the restart: must be 0. */
	lostEdits: string[];
}

/** Appends a paragraph with a unique token: one edit. */
function writeToken(editor: Editor, token: string): void {
	const paragraph = new Y.XmlElement('paragraph');
	paragraph.insert(0, [new Y.XmlText(token)]);
	editor.doc.getXmlFragment('default').push([paragraph]);
}

/**
 * Kills the real server with SIGKILL at random moments while several stock y-websocket
 * clients write, restarts it on the same database and port, and checks SPEC.md [D4]: every
 * edit any other client had received is there after the restart, and all clients converge.
 */
export async function runCrashCycles(options: { cycles: number; seed: number; clients?: number; strategyId?: string; onCycle?: (report: CrashReport) => void }): Promise<CrashReport> {
	const random = seededRandom(options.seed);
	const strategyId = options.strategyId ?? 'al-migration';
	const clients = options.clients ?? 3;
	const databasePath = tempDatabasePath();
	const port = await freePort();
	const report: CrashReport = { seed: options.seed, cycles: 0, editsVerified: 0, lostEdits: [] };
	let server: RunningServer = await startServer({ databasePath, env: { PORT: String(port) } });
	const emails = ['author.al@demo.local', 'head.al@demo.local'];
	const editors: Editor[] = [];
	for (let i = 0; i < clients; i++) editors.push(connectEditor(server.url, await signIn(server.url, emails[i % emails.length]!), strategyId));
	// Which tokens each client has received from the others.
	const seen = editors.map(() => new Set<string>());
	editors.forEach((editor, index) =>
		editor.doc.on('update', () => {
			for (const match of editor.xml().matchAll(/⟦(\d+)\.(\d+)\.(\d+)⟧/g)) if (Number(match[1]) !== index) seen[index]!.add(match[0]);
		})
	);
	const seenByAnother = () => new Set(seen.flatMap((tokens) => [...tokens]));

	try {
		await Promise.all(editors.map((editor) => editor.synced()));
		for (let cycle = 0; cycle < options.cycles; cycle++) {
			// Everyone writes for a random while; the server dies without warning mid-stream.
			const writes = 5 + Math.floor(random() * 25);
			for (let i = 0; i < writes; i++) {
				const writer = Math.floor(random() * clients);
				writeToken(editors[writer]!, `⟦${writer}.${cycle}.${i}⟧`);
				if (random() < 0.5) await new Promise((resolve) => setImmediate(resolve));
			}
			const mustSurvive = seenByAnother();
			await server.kill();

			server = await startServer({ databasePath, env: { PORT: String(port) } });
			const cookie = await signIn(server.url, emails[0]!).catch((error: Error) => {
				throw new Error(`${error.message}\nServer output:\n${server.output.join('\n')}`);
			});
			const stored = (await serverDocument(server.url, cookie, strategyId)).getXmlFragment('default').toString();
			for (const token of mustSurvive) if (!stored.includes(token)) report.lostEdits.push(token);
			report.editsVerified += mustSurvive.size;
			report.cycles += 1;

			// The clients reconnect by themselves (their session cookies are still valid) and converge.
			await until(
				async () => {
					const texts = editors.map((editor) => editor.xml());
					if (!texts.every((text) => text === texts[0])) return false;
					return (await serverDocument(server.url, cookie, strategyId)).getXmlFragment('default').toString() === texts[0];
				},
				`the clients to converge after restart ${cycle + 1}`,
				30_000
			);
			options.onCycle?.(report);
		}
		return report;
	} finally {
		for (const editor of editors) editor.destroy();
		await server.stop();
	}
}
