import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Backend } from '../../server/backend';
import { testBackend } from './backend';

/**
 * The back end in this test's process behind a bare HTTP server that only upgrades sockets:
 * for tests that must reach inside (the database connection) while real clients connect.
 */
export async function inProcessServer(options: { databasePath?: string } = {}): Promise<{
	app: Backend;
	url: string;
	cookieFor(email: string): string;
	close(): Promise<void>;
}> {
	const app = await testBackend(options);
	const server = http.createServer((_request, response) => response.writeHead(404).end());
	server.on('upgrade', (request, socket, head) => app.collab.handleUpgrade(request, socket, head));
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return {
		app,
		url,
		cookieFor(email) {
			const user = app.users.findByEmail(email)!;
			return `session=${app.sessions.create(user.id, {}).token}`;
		},
		async close() {
			await app.close();
			server.closeAllConnections();
			await new Promise((resolve) => server.close(resolve));
		}
	};
}
