// The raw `ws` broadcast floor: no Yjs, no storage, no checks. Every binary message is sent
// on, as is, to every other socket on the same path. What a relay costs on this machine.
import http from 'node:http';
import { WebSocketServer } from 'ws';

const rooms = new Map();
const server = http.createServer((_request, response) => response.writeHead(404).end());
const wss = new WebSocketServer({ server, perMessageDeflate: false, clientTracking: false });
wss.on('connection', (socket, request) => {
	const name = request.url ?? '/';
	const room = rooms.get(name) ?? new Set();
	rooms.set(name, room);
	room.add(socket);
	socket.on('message', (data, isBinary) => {
		for (const other of room) if (other !== socket) other.send(data, { binary: isBinary });
	});
	socket.on('close', () => room.delete(socket));
	socket.on('error', () => socket.terminate());
});
server.listen(0, '127.0.0.1', () => {
	console.log(JSON.stringify({ event: 'listening', url: `http://127.0.0.1:${server.address().port}` }));
});
process.on('SIGTERM', () => process.exit(0));
