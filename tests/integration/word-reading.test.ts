import { Document, Packer, Paragraph, TextRun } from 'docx';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { api, signIn } from '../helpers/http';
import { serverForFile } from '../helpers/server-for-file';
import { IMPORT_MAX_RUNS, WORD_READING_MAX_MEMORY_MB, WORD_READING_MAX_MS } from '../../src/lib/limits';
import { m } from '../../src/lib/paraglide/messages.js';

const server = serverForFile();

async function upload(cookie: string, path: string, bytes: Uint8Array, name: string, fields: Record<string, string> = {}) {
	const form = new FormData();
	form.set('file', new Blob([new Uint8Array(bytes)]), name);
	for (const [key, value] of Object.entries(fields)) form.set(key, value);
	const response = await fetch(`${server.url}/api/v1${path}`, { method: 'POST', headers: { cookie, 'accept-language': 'en' }, body: form });
	return { status: response.status, body: await response.json() };
}

/** One paragraph of `count` runs, every other one bold: what Word makes of a paragraph formatted word by word. */
async function oneParagraphOfRuns(count: number): Promise<Uint8Array> {
	const runs = Array.from({ length: count }, (_, index) => new TextRun({ text: `w${index} `, bold: index % 2 === 0 }));
	return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph({ children: runs })] }] })));
}

const text = async (cookie: string, strategyId: string) => (await api(server.url, cookie, `/strategies/${strategyId}/content?format=text`)).body as string;

describe('[G5] [G6] Word files are read beside the server’s thread, within limits', () => {
	it('[G5] while a long Word draft is read, the server answers everyone else: GET /healthz, asked again each time it answers, answers hundreds of times before the import does', async () => {
		const author = await signIn(server.url, 'author.cs@demo.local');
		// A few seconds of mammoth and the editor's parser, the run limit not reached.
		const draft = await oneParagraphOfRuns(IMPORT_MAX_RUNS - 1_000);
		let imported: { status: number; body: unknown } | undefined;
		const importing = upload(author, '/strategies/cs-migration/import', draft, 'long.docx', { mode: 'replace' }).then((answer) => (imported = answer));
		let answersBefore = 0;
		while (!imported) {
			expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
			if (!imported) answersBefore += 1;
		}
		await importing;
		expect(imported).toMatchObject({ status: 200, body: { blocks: 1 } });
		expect(await text(author, 'cs-migration')).toMatch(/^w0 w1 w2 .* w28999\s*$/);
		// Read on the server's own thread, the file held it for a second and more at a time, and the
		// server answered 21 to 34 times in between (three trials); in a worker, 1,500 to 2,800 times.
		expect(answersBefore).toBeGreaterThan(200);
	});

	it(`[G5] [G6] a Word file of more than ${IMPORT_MAX_RUNS} runs (a 120 kB file) is refused (413), to import and to check, and changes nothing`, async () => {
		const author = await signIn(server.url, 'author.cs@demo.local');
		const before = await text(author, 'cs-asylum');
		const fragmented = await oneParagraphOfRuns(IMPORT_MAX_RUNS + 1);
		const refusal = { status: 413, body: { error: { code: 'payload_too_large', message: m.error_import_too_many_runs({ max: IMPORT_MAX_RUNS.toLocaleString('en') }) } } };
		expect(await upload(author, '/strategies/cs-asylum/import', fragmented, 'fragmented.docx', { mode: 'replace' })).toMatchObject(refusal);
		expect(await upload(await signIn(server.url, 'observer@demo.local'), '/strategies/cs-asylum/verify', fragmented, 'fragmented.docx')).toMatchObject(refusal);
		expect(await text(author, 'cs-asylum')).toBe(before);
		expect((await api(server.url, author, '/strategies/cs-asylum/snapshots')).body).toEqual([]);
	});

	it('[G6] a 16 kB file to check that would take gigabytes to read (a million empty paragraphs) is refused (413) when its worker runs out of memory, and the server carries on', async () => {
		const zip = await JSZip.loadAsync(await oneParagraphOfRuns(1));
		const xml = await zip.file('word/document.xml')!.async('string');
		zip.file('word/document.xml', xml.replace('</w:body>', `${'<w:p/>'.repeat(1_000_000)}</w:body>`));
		const empty = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
		expect(empty.byteLength).toBeLessThan(20_000);
		const observer = await signIn(server.url, 'observer@demo.local');
		expect(await upload(observer, '/strategies/cs-visa/verify', empty, 'empty.docx')).toMatchObject({
			status: 413,
			body: { error: { code: 'payload_too_large', message: m.error_word_reading_stopped({ seconds: WORD_READING_MAX_MS / 1_000, size: WORD_READING_MAX_MEMORY_MB }) } }
		});
		const author = await signIn(server.url, 'author.cs@demo.local');
		expect(await upload(author, '/strategies/cs-visa/import', await oneParagraphOfRuns(3), 'short.docx', { mode: 'append' })).toMatchObject({ status: 200 });
		expect(await text(author, 'cs-visa')).toContain('w0 w1 w2');
	}, 120_000);
});
