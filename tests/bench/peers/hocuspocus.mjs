// Hocuspocus as its users run it: the stock Server with the SQLite extension and the default
// store debounce (2 s, at most 10 s). The bench tells it where to keep its file and reads the
// port it chose from the line printed below.
import { Server } from '@hocuspocus/server';
import { SQLite } from '@hocuspocus/extension-sqlite';

const server = new Server({
	port: 0,
	address: '127.0.0.1',
	quiet: true,
	extensions: [new SQLite({ database: process.env.HOCUSPOCUS_DATABASE })]
});
await server.listen();
console.log(JSON.stringify({ event: 'listening', url: `http://127.0.0.1:${server.address.port}` }));
