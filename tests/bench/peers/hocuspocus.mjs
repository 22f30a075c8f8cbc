// Hocuspocus as its users run it: the stock Server with the SQLite extension and the default
// store debounce (2 s, at most 10 s). The bench tells it where to keep its file and reads the
// port it chose from the line printed below.
import Database from 'better-sqlite3';
import { Server } from '@hocuspocus/server';
import { SQLite, schema } from '@hocuspocus/extension-sqlite';

// The extension creates its table without waiting for it (`onConfigure`), and the server
// listens at once: on a fresh file, clients that connect in that moment fail to load the
// document ("no such table: documents", answered as permission denied) and never sync. A
// deployed server's table exists long before anyone connects, so the bench creates it first.
new Database(process.env.HOCUSPOCUS_DATABASE).exec(schema).close();

const server = new Server({
	port: 0,
	address: '127.0.0.1',
	quiet: true,
	extensions: [new SQLite({ database: process.env.HOCUSPOCUS_DATABASE })]
});
await server.listen();
console.log(JSON.stringify({ event: 'listening', url: `http://127.0.0.1:${server.address.port}` }));
