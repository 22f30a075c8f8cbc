import { parentPort, workerData } from 'node:worker_threads';
import { docxToDocument, exportedWordText, WordDocumentTooLarge } from './extract';
import type { WordAnswer, WordTask } from './word-reader';

/**
 * A worker thread that reads one Word file, answers once and is ended (word-reader.ts starts
 * it). Whatever is wrong with the file travels back in the answer; a worker that dies instead
 * (out of memory, or unable to load) is judged by the thread that started it.
 */
const task = workerData as WordTask;
let answer: WordAnswer;
try {
	answer = { json: task.purpose === 'draft' ? await docxToDocument(task.bytes) : await exportedWordText(task.bytes) };
} catch (error) {
	answer = error instanceof WordDocumentTooLarge ? { tooLarge: error.limit } : { unreadable: error instanceof Error ? error.message : String(error) };
}
parentPort!.postMessage(answer);
