import { afterAll, beforeAll } from 'vitest';
import { connectEditor, type Editor } from './collab';
import { startServer, type RunningServer } from './server';

/**
 * A real server for one test file: started before its tests, stopped after them, with stock
 * editors that are closed when it stops.
 */
export function serverForFile(options: Parameters<typeof startServer>[0] = {}) {
	let running: RunningServer | undefined;
	const editors: Editor[] = [];
	beforeAll(async () => {
		running = await startServer(options);
	});
	afterAll(async () => {
		for (const editor of editors) editor.destroy();
		await running?.stop();
	});
	const server = () => {
		if (!running) throw new Error('the server is not running yet');
		return running;
	};
	return {
		get url() {
			return server().url;
		},
		get databasePath() {
			return server().databasePath;
		},
		/** Every line the server printed so far. */
		get output() {
			return server().output;
		},
		/** A stock y-websocket editor, closed when the file's tests end. */
		editor(cookie: string, strategyId: string): Editor {
			const editor = connectEditor(server().url, cookie, strategyId);
			editors.push(editor);
			return editor;
		}
	};
}
