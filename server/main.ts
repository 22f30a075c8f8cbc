import http from 'node:http';
import type { Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { loadConfig } from './config';
import { backend, setBuiltWordWorker } from './registry';

/**
 * The production entry: one HTTP server for the built SvelteKit app and the collaboration
 * socket (`/collab/<strategyId>`) on the same port.
 *
 * Importing the build runs SvelteKit's `init` hook, which starts the process's one back
 * end; this file only asks the registry for it, so there is never a second copy.
 */
const config = loadConfig();

// adapter-node reads these when the handler loads. A hard cap on any request body; the API
// applies its own, smaller limits with JSON errors below it.
process.env.BODY_SIZE_LIMIT ??= '25M';
// Without ORIGIN or a proxy's protocol header, adapter-node assumes https, and the session
// cookie would become `__Host-` and Secure on plain HTTP. This server speaks plain HTTP, so
// unless the operator says otherwise, tell the handler so, on every request.
const PROTOCOL_HEADER = 'x-acquis-protocol';
const ownProtocolHeader = !process.env.ORIGIN && !process.env.PROTOCOL_HEADER;
if (ownProtocolHeader) process.env.PROTOCOL_HEADER = PROTOCOL_HEADER;

// The back end reads Word files in workers of this file (server/build.ts builds it).
setBuiltWordWorker(fileURLToPath(new URL('../build/word-worker.js', import.meta.url)));

const { handler } = (await import(new URL('../build/handler.js', import.meta.url).href)) as {
	handler: http.RequestListener;
};
const app = backend();

const server = http.createServer((request, response) => {
	if (ownProtocolHeader) request.headers[PROTOCOL_HEADER] = 'http';
	handler(request, response);
});
// Node drops an idle connection after 5 s; a client or proxy that reuses it at that moment sees
// its request fail ("other side closed"). Proxies keep idle connections for about a minute (60 s is
// common), and the server must outlast them.
server.keepAliveTimeout = 65_000;
server.on('clientError', (error, socket: Socket) => {
	app.log.debug({ event: 'client-error', message: error.message });
	if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
	else socket.destroy();
});
server.on('upgrade', (request, socket: Socket, head) => {
	if (ownProtocolHeader) request.headers[PROTOCOL_HEADER] = 'http';
	app.collab.handleUpgrade(request, socket, head);
});

server.listen(config.port, config.host, () => {
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : config.port;
	const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
	app.log.info({ event: 'listening', url });
	if (process.stdout.isTTY) process.stdout.write(`\nAcquis Studio is running at ${url}\n\n`);
});

let stopping = false;
async function stop(signal: string) {
	if (stopping) return;
	stopping = true;
	app.log.info({ event: 'stopping', signal });
	server.close();
	// The hub stores everything and closes every socket with 1012 before the database closes.
	await app.close();
	server.closeAllConnections();
	process.exit(0);
}
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));
