import type { JSONContent } from '@tiptap/core';
import { generateJSON } from '@tiptap/html/server';
import { MarkdownManager } from '@tiptap/markdown';
import { Window, type Document, type Element, type Node } from 'happy-dom';
import { Readable } from 'node:stream';
import { documentExtensions } from '../../src/lib/editor/extensions';
import { IMPORT_MAX_BLOCKS, IMPORT_MAX_RUNS, IMPORT_MAX_UNPACKED_BYTES, WORD_READING_MAX_MEMORY_MB, WORD_READING_MAX_MS } from '../../src/lib/limits';
import { TEXT_END_BOOKMARK, TEXT_START_BOOKMARK } from './docx';
import { TEXT_ELEMENT_ID } from './html';
import { withoutUnsafeLinks } from './links';
import { TEXT_END_MARKER, TEXT_START_MARKER } from './markdown';

export type ExportFormat = 'docx' | 'html' | 'markdown';

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
const markdownManager = new MarkdownManager({ extensions: documentExtensions });

/**
 * Detects the format of an uploaded export: DOCX by its ZIP signature (PK\x03\x04), HTML if
 * it starts (after whitespace/BOM) with '<', else Markdown.
 */
export function detectFormat(bytes: Uint8Array): ExportFormat {
	if (ZIP_SIGNATURE.every((byte, index) => bytes[index] === byte)) return 'docx';
	return new TextDecoder().decode(bytes.subarray(0, 1024)).trimStart().startsWith('<') ? 'html' : 'markdown';
}

function decodeText(bytes: Uint8Array): string {
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch (error) {
		throw new Error('The file is neither a Word document nor UTF-8 text (HTML or Markdown).', { cause: error });
	}
}

async function docxToHtml(bytes: Uint8Array): Promise<string> {
	// Loaded on the first Word file, not at start: it and its ZIP reader take ~90 ms to load.
	const { default: mammoth } = await import('mammoth');
	try {
		const result = await mammoth.convertToHtml(
			{ buffer: Buffer.from(bytes) },
			{
				styleMap: ['u => u', "p[style-name='Title'] => h1:fresh"],
				// Images are not part of a strategy's text: never read them.
				convertImage: mammoth.images.imgElement(async () => ({ src: '' }))
			}
		);
		return result.value;
	} catch (error) {
		throw unreadable(error);
	}
}

function unreadable(error: unknown): Error {
	return new Error(`The Word document cannot be read: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
}

/** Runs `read` on the HTML, in a window that loads nothing, navigates nowhere and runs no script. */
async function inPage<T>(html: string, read: (document: Document) => T): Promise<T> {
	const window = new Window({
		settings: {
			disableJavaScriptFileLoading: true,
			disableCSSFileLoading: true,
			disableComputedStyleRendering: true,
			navigation: { disableMainFrameNavigation: true, disableChildFrameNavigation: true, disableChildPageNavigation: true }
		}
	});
	try {
		// The window's own document, not a DOMParser one: happy-dom's ranges only work there.
		window.document.body.innerHTML = html;
		return read(window.document);
	} finally {
		await window.happyDOM.close();
	}
}

/** The paragraph that holds only the bookmark, or the bookmark itself if someone wrote next to it. */
function boundary(anchor: Node): Node {
	const parent = anchor.parentNode;
	return parent?.nodeName === 'P' && !parent.textContent?.trim() ? parent : anchor;
}

/**
 * The HTML between the two bookmarks in mammoth's rendering of an exported Word document, if it
 * has both: what a range from after the start to before the end would hold. The rest of the page
 * is cut away instead: happy-dom's `Range.cloneContents` took 34 s for 2,000 paragraphs.
 */
function htmlBetweenBookmarks(document: Document): string | undefined {
	const startAnchor = document.getElementById(TEXT_START_BOOKMARK);
	const endAnchor = document.getElementById(TEXT_END_BOOKMARK);
	if (!startAnchor || !endAnchor) return undefined;
	const start = boundary(startAnchor);
	const end = boundary(endAnchor);
	// Bookmarks the wrong way round, or both in one empty paragraph, hold nothing between them.
	if (start.contains(end) || end.contains(start) || !(start.compareDocumentPosition(end) & start.DOCUMENT_POSITION_FOLLOWING)) return '';
	let common = start.parentNode!;
	while (!common.contains(end)) common = common.parentNode!;
	cutAway(start, common, 'previousSibling');
	cutAway(end, common, 'nextSibling');
	return (common as Element).innerHTML;
}

/** Removes `node`, and whatever lies on `side` of it and of each of its ancestors below `top`. */
function cutAway(node: Node, top: Node, side: 'previousSibling' | 'nextSibling'): void {
	for (let level = node; level !== top; level = level.parentNode!) {
		while (level[side]) level.parentNode!.removeChild(level[side]!);
	}
	node.parentNode!.removeChild(node);
}

function htmlOfTextElement(document: Document): string {
	const article = document.getElementById(TEXT_ELEMENT_ID);
	if (!article) {
		throw new Error(`The HTML page has no element with id "${TEXT_ELEMENT_ID}"; it is not an Acquis Studio export.`);
	}
	return article.innerHTML;
}

function markdownBetweenMarkers(text: string): string {
	const lines = text.split(/\r?\n/);
	const start = lines.findIndex((line) => line.trim() === TEXT_START_MARKER);
	const end = lines.findLastIndex((line) => line.trim() === TEXT_END_MARKER);
	if (start < 0 || end <= start) {
		throw new Error(
			`The Markdown file has no "${TEXT_START_MARKER}" and "${TEXT_END_MARKER}" lines around the strategy text; it is not an Acquis Studio export.`
		);
	}
	return lines.slice(start + 1, end).join('\n');
}

/**
 * The Markdown serializer joins the paragraphs of a table cell with "<br>" (a "<" of the text
 * itself it writes as "&lt;"), which its parser keeps as text. Before parsing, those "<br>"
 * become this noncharacter, which no real text contains; after, paragraphs are cut there.
 */
const CELL_BREAK = '\uFDD0';

function markCellBreaks(source: string): string {
	return source.replace(/^\s*\|.*$/gm, (row) => row.replaceAll('<br>', CELL_BREAK));
}

function splitAtCellBreaks(block: JSONContent): JSONContent[] {
	if (block.type !== 'paragraph') return [block];
	const paragraphs: JSONContent[][] = [[]];
	for (const node of block.content ?? []) {
		const parts = node.type === 'text' ? (node.text ?? '').split(CELL_BREAK) : [null];
		parts.forEach((part, index) => {
			if (index > 0) paragraphs.push([]);
			if (part === null) paragraphs.at(-1)!.push(node);
			else if (part) paragraphs.at(-1)!.push({ ...node, text: part });
		});
	}
	return paragraphs.map((content) => ({ ...block, content }));
}

function splitCellParagraphs(node: JSONContent): JSONContent {
	if (!node.content) return node;
	const cell = node.type === 'tableCell' || node.type === 'tableHeader';
	return { ...node, content: cell ? node.content.flatMap(splitAtCellBreaks) : node.content.map(splitCellParagraphs) };
}

function markdownToDocument(source: string): JSONContent {
	return splitCellParagraphs(withoutUnsafeLinks(markdownManager.parse(markCellBreaks(source))));
}

/** The strategy text between the two bookmarks of an exported Word file; `extractStrategyText` for DOCX. */
export async function exportedWordText(bytes: Uint8Array): Promise<JSONContent> {
	// An export of any length may be checked, but never a zip bomb nor a file of endless runs.
	await checkImportLimits(bytes, Infinity);
	const text = await inPage(await docxToHtml(bytes), htmlBetweenBookmarks);
	if (text === undefined) {
		throw new Error(
			`The Word document has no "${TEXT_START_BOOKMARK}" and "${TEXT_END_BOOKMARK}" bookmarks around the strategy text; it is not an Acquis Studio export.`
		);
	}
	return generateJSON(text, documentExtensions);
}

/**
 * The strategy body of an exported file as Tiptap JSON: in DOCX between the two bookmarks, in
 * HTML the article#strategy-text element, in Markdown between the two marker comments. Throws
 * an Error with a clear message if the markers are missing or the file cannot be read.
 */
export async function extractStrategyText(bytes: Uint8Array): Promise<JSONContent> {
	switch (detectFormat(bytes)) {
		case 'docx':
			return exportedWordText(bytes);
		case 'html':
			return generateJSON(await inPage(decodeText(bytes), htmlOfTextElement), documentExtensions);
		case 'markdown':
			return markdownToDocument(markdownBetweenMarkers(decodeText(bytes)));
	}
}

const TOO_LARGE = {
	blocks: `The Word document has more than ${IMPORT_MAX_BLOCKS} paragraphs.`,
	runs: `The Word document has more than ${IMPORT_MAX_RUNS} runs and line breaks.`,
	'unpacked-bytes': `The Word document unpacks to more than ${IMPORT_MAX_UNPACKED_BYTES} bytes.`,
	reading: `Reading the Word document took more than ${WORD_READING_MAX_MS} ms or ${WORD_READING_MAX_MEMORY_MB} MB.`
};

/**
 * Why a Word file is refused as too large: it passes `IMPORT_MAX_BLOCKS`, `IMPORT_MAX_RUNS` or
 * `IMPORT_MAX_UNPACKED_BYTES`, counted before it is converted, or its reading ran out of the
 * time or memory its worker has (word-reader.ts).
 */
export class WordDocumentTooLarge extends Error {
	constructor(readonly limit: keyof typeof TOO_LARGE) {
		super(TOO_LARGE[limit]);
		this.name = 'WordDocumentTooLarge';
	}
}

/** The start of a paragraph element, with any namespace prefix: mammoth reads whichever prefix the file binds to Word's namespace. */
const PARAGRAPH_START = /<(?:[A-Za-z_][\w.-]*:)?p[\s/>]/g;
/** The start of a run or of a line break, which mammoth and the editor's parser turn into a node each. */
const RUN_START = /<(?:[A-Za-z_][\w.-]*:)?b?r[\s/>]/g;
/** An element name cut off at the end of a chunk, kept for the next one; no Word name is near 64 characters. */
const UNFINISHED_NAME = /<[\w.:-]{0,64}$/;

/**
 * Refuses a Word package past the import limits before mammoth reads it. Converting takes time
 * and memory in proportion to the paragraphs and runs, and a zip bomb would unpack to
 * gigabytes. Every part is read, not only word/document.xml: footnotes and comments are converted
 * too, and a package may keep its main part under any name. Parts are unpacked as streams that
 * stop at the limit, so a bomb never lies in memory whole.
 */
async function checkImportLimits(bytes: Uint8Array, maxBlocks = IMPORT_MAX_BLOCKS): Promise<void> {
	// mammoth's own ZIP reader, loaded as late as mammoth for the same reason.
	const { default: JSZip } = await import('jszip');
	const zip = await JSZip.loadAsync(bytes).catch((error: unknown) => {
		throw unreadable(error);
	});
	let unpackedBytes = 0;
	let paragraphs = 0;
	let runs = 0;
	for (const part of Object.values(zip.files)) {
		if (part.dir) continue;
		let unfinished = '';
		// JSZip's streams are of an older kind that cannot be iterated; a Node stream wraps them.
		const chunks: AsyncIterable<Buffer> = new Readable().wrap(part.nodeStream('nodebuffer'));
		for await (const chunk of chunks) {
			unpackedBytes += chunk.length;
			if (unpackedBytes > IMPORT_MAX_UNPACKED_BYTES) throw new WordDocumentTooLarge('unpacked-bytes');
			// Latin-1 keeps one character per byte: the ASCII of the tags is found whatever the encoding.
			const text = unfinished + chunk.toString('latin1');
			paragraphs += text.match(PARAGRAPH_START)?.length ?? 0;
			if (paragraphs > maxBlocks) throw new WordDocumentTooLarge('blocks');
			runs += text.match(RUN_START)?.length ?? 0;
			if (runs > IMPORT_MAX_RUNS) throw new WordDocumentTooLarge('runs');
			unfinished = UNFINISHED_NAME.exec(text)?.[0] ?? '';
		}
	}
}

/**
 * A Word document (for importing a draft) as Tiptap JSON, keeping headings, lists, tables and
 * emphasis; scripts and non-http(s)/mailto links never survive. Of an Acquis Studio export only
 * the strategy text between its two bookmarks is taken, not the cover, signatures or annex; a
 * document without both bookmarks is taken whole. Throws `WordDocumentTooLarge` past the import
 * limits, before anything is converted. It holds the thread for seconds: the server calls it
 * through `WordReader`, in a worker.
 */
export async function docxToDocument(bytes: Uint8Array): Promise<JSONContent> {
	await checkImportLimits(bytes);
	const html = await docxToHtml(bytes);
	// Parsing the page again costs ~150 ms for 5,000 paragraphs: only when the start bookmark is there.
	const text = html.includes(`id="${TEXT_START_BOOKMARK}"`) ? await inPage(html, htmlBetweenBookmarks) : undefined;
	return generateJSON(text ?? html, documentExtensions);
}
