import type { JSONContent } from '@tiptap/core';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { WORD_READING_MAX_MEMORY_MB, WORD_READING_MAX_MS, WORD_READINGS_AT_ONCE, WORD_READINGS_WAITING } from '../../src/lib/limits';
import { WordDocumentTooLarge } from './extract';

/** What a worker is given: a Word file, as a draft to import or as an export to check. */
export interface WordTask {
	purpose: 'draft' | 'export';
	bytes: Uint8Array;
}

/** What it answers: the text, or what is wrong with the file. */
export type WordAnswer = { json: JSONContent } | { tooLarge: WordDocumentTooLarge['limit'] } | { unreadable: string };

/** The worker did not answer for a reason of the server's own (it could not start, or died): not the file's fault. */
export class WordReaderFailed extends Error {
	constructor(message: string, options?: ErrorOptions) {
		super(message, options);
		this.name = 'WordReaderFailed';
	}
}

/** Every worker is busy and the line waiting for one is full: try again in a moment. */
export class WordReaderBusy extends Error {
	constructor() {
		super('every Word worker is busy and the line is full');
		this.name = 'WordReaderBusy';
	}
}

/**
 * Reads Word files, each in a worker thread of its own (SPEC.md [G5], [G6]): mammoth and the
 * editor's parser take seconds on a long file, and on the server's thread every editor of every
 * strategy would wait for them. A worker past `WORD_READING_MAX_MS` or `WORD_READING_MAX_MEMORY_MB`
 * is stopped and its file refused as too large; at most `WORD_READINGS_AT_ONCE` run at a time,
 * and at most `WORD_READINGS_WAITING` more wait (`WordReaderBusy` past that).
 * Errors keep the kinds `docxToDocument` and `exportedWordText` throw in the caller's thread.
 */
export class WordReader {
	private running = 0;
	private readonly waiting: (() => void)[] = [];

	/**
	 * @param builtWorker build/word-worker.js, which the production entry names; without it the
	 *   worker runs from its TypeScript source through tsx (tests, `npm run dev`).
	 */
	constructor(private readonly builtWorker?: string) {}

	/** A Word draft to import, as `docxToDocument` reads it. */
	draft(bytes: Uint8Array): Promise<JSONContent> {
		return this.read({ purpose: 'draft', bytes });
	}

	/** The strategy text of an exported Word file to check, as `exportedWordText` reads it. */
	exportedText(bytes: Uint8Array): Promise<JSONContent> {
		return this.read({ purpose: 'export', bytes });
	}

	private async read(task: WordTask): Promise<JSONContent> {
		if (this.running < WORD_READINGS_AT_ONCE) this.running += 1;
		else if (this.waiting.length >= WORD_READINGS_WAITING) throw new WordReaderBusy();
		else await new Promise<void>((resolve) => this.waiting.push(resolve));
		try {
			return await this.inWorker(task);
		} finally {
			// The next in line takes this place; only when nobody waits does it free up.
			const next = this.waiting.shift();
			if (next) next();
			else this.running -= 1;
		}
	}

	private inWorker(task: WordTask): Promise<JSONContent> {
		const options: WorkerOptions = { workerData: task, resourceLimits: { maxOldGenerationSizeMb: WORD_READING_MAX_MEMORY_MB } };
		let worker: Worker;
		try {
			worker = this.builtWorker ? new Worker(this.builtWorker, options) : new Worker(fromSource(), { ...options, eval: true });
		} catch (error) {
			return Promise.reject(new WordReaderFailed('the Word worker could not start', { cause: error }));
		}
		return new Promise((resolve, reject) => {
			let answered = false;
			const end = (settle: () => void) => {
				if (answered) return;
				answered = true;
				clearTimeout(timer);
				void worker.terminate();
				settle();
			};
			const timer = setTimeout(() => end(() => reject(new WordDocumentTooLarge('reading'))), WORD_READING_MAX_MS);
			worker.on('message', (answer: WordAnswer) =>
				end(() => {
					if ('json' in answer) resolve(answer.json);
					else if ('tooLarge' in answer) reject(new WordDocumentTooLarge(answer.tooLarge));
					else reject(new Error(answer.unreadable));
				})
			);
			worker.on('error', (error: Error & { code?: string }) =>
				end(() => reject(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new WordDocumentTooLarge('reading') : new WordReaderFailed('the Word worker failed', { cause: error })))
			);
			worker.on('exit', (code) => end(() => reject(new WordReaderFailed(`the Word worker stopped with code ${code} before it answered`))));
		});
	}
}

/**
 * The worker from its TypeScript source. With `execArgv: ['--import', 'tsx']` Node 20 still
 * refuses a .ts worker, so the worker loads tsx's API itself and imports the source through it.
 */
function fromSource(): string {
	const source = new URL('./word-worker.ts', import.meta.url).href;
	const tsx = import.meta.resolve('tsx/esm/api');
	return `import(${JSON.stringify(tsx)}).then(({ tsImport }) => tsImport(${JSON.stringify(source)}, ${JSON.stringify(source)}));`;
}
