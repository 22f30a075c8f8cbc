import { describe, expect, it } from 'vitest';
import { Document, ExternalHyperlink, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import * as Y from 'yjs';
import JSZip from 'jszip';
import { until } from '../helpers/collab';
import { api, signIn } from '../helpers/http';
import { DEMO_PASSWORD } from '../helpers/server';
import { serverForFile } from '../helpers/server-for-file';
import { extractStrategyText } from '../../server/export/extract';
import { contentHash } from '../../server/document/canonical';
import { IMPORT_MAX_BYTES, IMPORT_MAX_UNPACKED_BYTES } from '../../src/lib/limits';

const server = serverForFile();

async function download(cookie: string, path: string): Promise<{ status: number; type: string | null; disposition: string | null; bytes: Uint8Array }> {
	const response = await fetch(`${server.url}/api/v1${path}`, { headers: { cookie, 'accept-language': 'en' } });
	return {
		status: response.status,
		type: response.headers.get('content-type'),
		disposition: response.headers.get('content-disposition'),
		bytes: new Uint8Array(await response.arrayBuffer())
	};
}

async function upload(cookie: string, path: string, bytes: Uint8Array, name: string, fields: Record<string, string> = {}) {
	const form = new FormData();
	form.set('file', new Blob([new Uint8Array(bytes)]), name);
	for (const [key, value] of Object.entries(fields)) form.set(key, value);
	const response = await fetch(`${server.url}/api/v1${path}`, { method: 'POST', headers: { cookie }, body: form });
	return { status: response.status, body: await response.json() };
}

/** A Word draft as a ministry would send it. */
async function wordDraft(): Promise<Uint8Array> {
	const document = new Document({
		sections: [
			{
				children: [
					new Paragraph({ text: 'Draft from the Ministry of Security', heading: HeadingLevel.HEADING_2 }),
					new Paragraph({ children: [new TextRun({ text: 'Bold point', bold: true }), new TextRun(' and an ordinary one.')] }),
					new Paragraph({ children: [new ExternalHyperlink({ link: 'javascript:alert(1)', children: [new TextRun('a trap')] })] }),
					new Table({
						rows: [
							new TableRow({ children: [new TableCell({ children: [new Paragraph('Measure')] }), new TableCell({ children: [new Paragraph('Deadline')] })] }),
							new TableRow({ children: [new TableCell({ children: [new Paragraph('Adopt the law')] }), new TableCell({ children: [new Paragraph('Q3 2006')] })] })
						]
					})
				]
			}
		]
	});
	return new Uint8Array(await Packer.toBuffer(document));
}

describe('exports', () => {
	it('[G5] the current text comes as DOCX, print-ready HTML and Markdown; any other format is 400', async () => {
		const author = await signIn(server.url, 'author.al@demo.local');
		const docx = await download(author, '/strategies/al-migration/export?format=docx');
		expect(docx.status).toBe(200);
		expect(docx.type).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
		expect(docx.disposition).toBe('attachment; filename="al-migration.docx"');
		expect([...docx.bytes.slice(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
		const html = new TextDecoder().decode((await download(author, '/strategies/al-migration/export?format=html')).bytes);
		expect(html).toContain('size: A4');
		expect(html).not.toContain('<script');
		const markdown = new TextDecoder().decode((await download(author, '/strategies/al-migration/export?format=markdown')).bytes);
		expect(markdown).toContain('## 1 Introduction');
		expect((await api(server.url, author, '/strategies/al-migration/export?format=pdf')).status).toBe(400);
		expect((await api(server.url, author, '/strategies/al-migration/export')).status).toBe(400);
		expect((await api(server.url, author, '/strategies/hr-migration/export?format=docx')).status).toBe(403);
	});

	it('[G6] the signature’s hash equals the hash of the exported text, in every format, and the check page says so', async () => {
		const head = await signIn(server.url, 'head.hr@demo.local');
		await api(server.url, head, '/strategies/hr-visa/lock', { body: { password: DEMO_PASSWORD } });
		const signature = await api(server.url, head, '/strategies/hr-visa/signatures', { body: { password: DEMO_PASSWORD, statement: 'Zagreb, 12 October 2005' } });
		const reader = await signIn(server.url, 'expert.visa@demo.local');
		for (const format of ['docx', 'html', 'markdown']) {
			const file = await download(reader, `/strategies/hr-visa/export?format=${format}`);
			expect(contentHash(await extractStrategyText(file.bytes))).toBe(signature.body.contentHash);
			const checked = await upload(reader, '/strategies/hr-visa/verify', file.bytes, `hr-visa.${format}`);
			expect(checked.status).toBe(200);
			expect(checked.body).toMatchObject({ contentHash: signature.body.contentHash, signatures: [{ name: 'Ivana Horvat', superseded: false }] });
		}
		const markdown = new TextDecoder().decode((await download(reader, '/strategies/hr-visa/export?format=markdown')).bytes);
		expect(markdown).toContain(signature.body.contentHash);
	});

	it('[G6] a changed file is not recognised, and a file that is no export is refused with 422', async () => {
		const reader = await signIn(server.url, 'expert.visa@demo.local');
		const markdown = new TextDecoder().decode((await download(reader, '/strategies/hr-visa/export?format=markdown')).bytes);
		const altered = new TextEncoder().encode(markdown.replace('1 Introduction', '1 Introductory remarks'));
		const checked = await upload(reader, '/strategies/hr-visa/verify', altered, 'altered.md');
		expect(checked.body).toMatchObject({ signatures: [], matchesLock: false });
		const nonsense = await upload(reader, '/strategies/hr-visa/verify', new TextEncoder().encode('just some notes'), 'notes.txt');
		expect(nonsense.status).toBe(422);
	});
});

describe('hostile content written through the socket', () => {
	it('[G5] a javascript: link, a script element and markup in text are never exported as such', async () => {
		const author = await signIn(server.url, 'author.mk@demo.local');
		const writer = server.editor(author, 'mk-asylum');
		await writer.synced();
		const trap = new Y.XmlText();
		trap.insert(0, 'a trap', { link: { href: 'javascript:alert(1)' } });
		const linked = new Y.XmlElement('paragraph');
		linked.insert(0, [trap]);
		const script = new Y.XmlElement('script');
		script.insert(0, [new Y.XmlText('alert(2)')]);
		writer.doc.getXmlFragment('default').push([linked, script]);
		writer.write('<script>alert(3)</script> <img src=x onerror=alert(4)>');
		await until(async () => ((await api(server.url, author, '/strategies/mk-asylum/content?format=text')).body as string).includes('onerror'), 'the text to be stored');

		const html = new TextDecoder().decode((await download(author, '/strategies/mk-asylum/export?format=html')).bytes);
		const markdown = new TextDecoder().decode((await download(author, '/strategies/mk-asylum/export?format=markdown')).bytes);
		for (const file of [html, markdown]) {
			expect(file).toContain('a trap');
			expect(file).not.toMatch(/javascript:/i);
			expect(file).not.toContain('<script');
			expect(file).not.toContain('<img');
		}
		const docx = await download(author, '/strategies/mk-asylum/export?format=docx');
		expect(JSON.stringify(await extractStrategyText(docx.bytes))).not.toContain('javascript:');
		for (const format of ['html', 'markdown']) {
			const rendered = (await api(server.url, author, `/strategies/mk-asylum/content?format=${format}`)).body as string;
			expect(rendered).toContain('a trap');
			expect(rendered).not.toMatch(/javascript:|<script|<img|alert\(2\)/i);
		}
		// As data, the markup is text like any other; the element and the link are gone.
		const json = JSON.stringify((await api(server.url, author, '/strategies/mk-asylum/content?format=json')).body);
		expect(json).toContain('<script>alert(3)</script>');
		expect(json).not.toMatch(/javascript:|"type":"script"|alert\(2\)/);
		// The page itself renders.
		expect((await fetch(`${server.url}/strategies/mk-asylum`, { headers: { cookie: author } })).status).toBe(200);
	});
});

describe('importing a Word draft', () => {
	it('[G5] an author imports a .docx: headings, emphasis and tables arrive in live editors; unsafe links do not', async () => {
		const author = await signIn(server.url, 'author.ba@demo.local');
		const live = server.editor(await signIn(server.url, 'head.ba@demo.local'), 'ba-visa');
		await live.synced();
		const imported = await upload(author, '/strategies/ba-visa/import', await wordDraft(), 'draft.docx', { mode: 'append' });
		expect(imported.status).toBe(200);
		await until(() => live.xml().includes('Draft from the Ministry of Security'), 'the import to reach the live editor');
		expect(live.xml()).toContain('1 Introduction');
		const json = (await api(server.url, author, '/strategies/ba-visa/content?format=json')).body;
		const types = JSON.stringify(json);
		expect(types).toContain('"type":"table"');
		expect(types).toContain('"type":"bold"');
		expect(types).not.toContain('javascript:');
		expect((await api(server.url, author, '/strategies/ba-visa/snapshots')).body[0]).toMatchObject({ kind: 'pre-restore', name: 'Before importing “draft.docx”' });
		const audit = await api(server.url, await signIn(server.url, 'admin@demo.local'), '/audit?action=document-imported');
		expect(audit.body[0]).toMatchObject({ strategyId: 'ba-visa', details: { file: 'draft.docx', mode: 'append' } });
	});

	it('[G5] replace mode takes the document’s text instead of the current one', async () => {
		const author = await signIn(server.url, 'author.ba@demo.local');
		await upload(author, '/strategies/ba-asylum/import', await wordDraft(), 'draft.docx', { mode: 'replace' });
		const text = (await api(server.url, author, '/strategies/ba-asylum/content?format=text')).body as string;
		expect(text).toContain('Draft from the Ministry of Security');
		expect(text).not.toContain('1 Introduction');
	});

	it('[G4] imports are refused: 409 when locked, 422 when not a Word file, 413 when too large, 403 for readers', async () => {
		const head = await signIn(server.url, 'head.hr@demo.local');
		const locked = await upload(head, '/strategies/hr-visa/import', await wordDraft(), 'draft.docx');
		expect(locked.status).toBe(409);
		const author = await signIn(server.url, 'author.hr@demo.local');
		const notWord = await upload(author, '/strategies/hr-asylum/import', new TextEncoder().encode('<html>hello</html>'), 'page.docx');
		expect(notWord.status).toBe(422);
		const tooLarge = await upload(author, '/strategies/hr-asylum/import', new Uint8Array(IMPORT_MAX_BYTES + 1), 'huge.docx');
		expect(tooLarge.status).toBe(413);
		// A few hundred kilobytes that unpack past the limit: refused before anything reads them, for a reader checking a file too.
		const zip = await JSZip.loadAsync(await wordDraft());
		const xml = await zip.file('word/document.xml')!.async('string');
		zip.file('word/document.xml', xml.replace('</w:body>', `${' '.repeat(IMPORT_MAX_UNPACKED_BYTES)}</w:body>`));
		const bomb = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
		expect(bomb.byteLength).toBeLessThan(IMPORT_MAX_BYTES);
		const observer = await signIn(server.url, 'observer@demo.local');
		expect((await upload(observer, '/strategies/hr-asylum/verify', bomb, 'bomb.docx')).status).toBe(413);
		expect((await upload(await signIn(server.url, 'expert.asylum@demo.local'), '/strategies/hr-asylum/import', await wordDraft(), 'draft.docx')).status).toBe(403);
		// Someone without the right is refused before the file is read, whatever it holds.
		const stranger = await signIn(server.url, 'author.al@demo.local');
		for (const target of ['import', 'verify']) {
			const headers = { cookie: stranger, 'content-type': 'multipart/form-data; boundary=none' };
			expect((await fetch(`${server.url}/api/v1/strategies/hr-asylum/${target}`, { method: 'POST', headers, body: 'not a form' })).status).toBe(403);
		}
	});
});
