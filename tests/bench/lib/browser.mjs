import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from '../../helpers/chromium.ts';
import { log, median, now } from './util.mjs';

/**
 * Ours only: how long a signed-in person waits, in a real Chromium, from asking for a
 * strategy's page to an editable editor holding its whole text. Each open is a new browser
 * context (empty cache); the server is already running. Median of `opens`, or null when no
 * Chromium starts here. Seven, not three: the browser's first page is always the slowest
 * (1.1–1.7 s: its own start-up), so with three the median was the slower of two real opens.
 */
export async function browserOpen(peer, logical, expectedLength, { opens = 7, timeoutMs = 60_000 } = {}) {
	const [name, ...value] = peer.headers(0).cookie.split('=');
	const browser = await chromium.launch({ executablePath: CHROMIUM_EXECUTABLE, args: CHROMIUM_ARGS }).catch((error) => {
		log(`browser open not measured: ${error.message.split('\n')[0]}`);
		return null;
	});
	if (!browser) return null;
	const times = [];
	try {
		for (let i = 0; i < opens; i++) {
			const context = await browser.newContext();
			try {
				await context.addCookies([{ name, value: value.join('='), url: peer.url }]);
				const page = await context.newPage();
				const started = now();
				await page.goto(`${peer.url}/strategies/${peer.docName(logical)}`, { waitUntil: 'commit', timeout: timeoutMs });
				await page
					.waitForFunction(
						(length) => {
							const editor = document.querySelector('.ProseMirror[contenteditable="true"]');
							return editor !== null && (editor.textContent ?? '').length >= length;
						},
						expectedLength,
						{ timeout: timeoutMs, polling: 'raf' }
					)
					.catch(async (error) => {
						const seen = await page.evaluate(() => {
							const editor = document.querySelector('.ProseMirror');
							return { editable: editor?.getAttribute('contenteditable'), length: editor?.textContent?.length ?? null, title: document.title };
						});
						throw new Error(`${error.message.split('\n')[0]} at ${page.url()}: ${JSON.stringify(seen)}, expected ${expectedLength} characters`);
					});
				times.push(now() - started);
			} finally {
				await context.close();
			}
		}
	} finally {
		await browser.close();
	}
	return { ms: median(times), times };
}
