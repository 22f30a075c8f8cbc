import { parentPort } from 'node:worker_threads';

// A Word worker that takes its time, as a long file does, then reads an empty text.
setTimeout(() => parentPort.postMessage({ json: { type: 'doc', content: [] } }), 200);
