import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { Frame } from '../../server/collab/connection';

let server: http.Server | null = null;

afterEach(() => {
	server?.closeAllConnections();
	server?.close();
	server = null;
});

/** A server whose socket writes the given frames as raw bytes; resolves with what a stock ws client reads. */
async function received(frames: Frame[]): Promise<{ bytes: Uint8Array; binary: boolean }[]> {
	const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
	server = http.createServer();
	server.on('upgrade', (request, socket: Duplex, head) => {
		wss.handleUpgrade(request, socket, head, () => {
			for (const frame of frames) socket.write(frame.bytes);
		});
	});
	await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	const client = new WebSocket(`ws://127.0.0.1:${port}`, { perMessageDeflate: false });
	const messages: { bytes: Uint8Array; binary: boolean }[] = [];
	await new Promise<void>((resolve, reject) => {
		client.on('error', reject);
		client.on('close', (code) => reject(new Error(`closed with ${code}`)));
		client.on('message', (data: Buffer, binary) => {
			messages.push({ bytes: new Uint8Array(data), binary });
			if (messages.length === frames.length) resolve();
		});
	});
	client.terminate();
	return messages;
}

describe('a message framed once for every receiver', () => {
	it('[S3] reaches the stock client whole and in order, at every length the frame header distinguishes', async () => {
		// 125 and 126, 65,535 and 65,536: where the length moves from the first byte to two, then eight more.
		const lengths = [0, 1, 125, 126, 127, 65_535, 65_536, 311_071];
		const messages = lengths.map((length, index) => Uint8Array.from({ length }, (_, i) => (i * 31 + index) % 256));
		const got = await received(messages.map((message) => new Frame(message)));
		expect(got.map(({ bytes }) => bytes.byteLength)).toEqual(lengths);
		got.forEach(({ bytes, binary }, index) => {
			expect(binary).toBe(true);
			expect(Buffer.from(bytes).equals(Buffer.from(messages[index]!))).toBe(true);
		});
	});
});
