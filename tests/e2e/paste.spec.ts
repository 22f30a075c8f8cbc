import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { openStrategy, placeCaret } from './helpers';

/** What Word 2016 and later put on the clipboard for a heading, two lists and the paragraphs around them. */
const fromWord = fs.readFileSync(new URL('./fixtures/word-lists.html', import.meta.url), 'utf8');

/** A block of the text as a reader sees it: its kind and words, and for lists their items and sublists. */
type Block =
	| { p: string }
	| { h2: string }
	| { h3: string }
	| { list: 'ul' | 'ol'; start?: number; type?: string; counter?: string; items: { text: string; lists: Block[] }[] };

/**
 * The blocks of the editor's text after the one that reads `anchor`, as many as asked for. A
 * list's `counter` is the counter style that punctuates its numbers, when not the browser's own.
 */
async function blocksAfter(page: Page, anchor: string, count: number): Promise<Block[]> {
	return page.locator('.ProseMirror').evaluate(
		(editor, { anchor, count }) => {
			const text = (element: Element) => {
				const copy = element.cloneNode(true) as Element;
				copy.querySelectorAll('.collaboration-carets__caret').forEach((caret) => caret.remove());
				return copy.textContent ?? '';
			};
			const describe = (element: Element): Block => {
				if (element.tagName === 'UL' || element.tagName === 'OL') {
					const start = element.getAttribute('start');
					const type = element.getAttribute('type');
					const counter = (element as HTMLElement).style.listStyleType;
					return {
						list: element.tagName.toLowerCase() as 'ul' | 'ol',
						...(start === null ? {} : { start: Number(start) }),
						...(type === null ? {} : { type }),
						...(counter ? { counter } : {}),
						items: [...element.children].map((item) => ({
							text: [...item.querySelectorAll(':scope > p')].map(text).join('\n'),
							lists: [...item.querySelectorAll(':scope > ul, :scope > ol')].map(describe)
						}))
					};
				}
				return { [element.tagName.toLowerCase()]: text(element) } as Block;
			};
			const blocks = [...editor.children];
			const at = blocks.findIndex((block) => text(block) === anchor);
			return at < 0 ? [] : blocks.slice(at + 1, at + 1 + count).map(describe);
		},
		{ anchor, count }
	);
}

/** The list paragraphs of the fixture, as bullet and numbered lists, with the paragraphs around them as they were. */
const pasted: Block[] = [
	{ h3: '6.1 Measures for 2006' },
	{ p: 'The Ministry of Interior will, together with UNHCR:' },
	{
		list: 'ul',
		items: [
			{
				text: 'prepare amendments to the Law on Asylum and Temporary Protection;',
				lists: [
					{
						list: 'ul',
						items: [
							{ text: 'define subsidiary protection as a status of its own;', lists: [] },
							{ text: 'set time limits for first-instance decisions;', lists: [] }
						]
					}
				]
			},
			{ text: 'establish a reception centre for asylum seekers near Skopje.', lists: [] }
		]
	},
	{ p: 'The priorities, in order:' },
	{
		list: 'ol',
		items: [
			{
				text: 'Review all remaining Kosovo cases',
				lists: [
					{
						list: 'ol',
						type: 'a',
						counter: 'lower-alpha-paren',
						items: [
							{ text: 'cases of Roma from Kosovo', lists: [] },
							{ text: 'cases of Ashkali and Egyptians', lists: [] }
						]
					}
				]
			},
			{ text: 'Train border police in identification and referral', lists: [] }
		]
	},
	{ p: 'Once the new law is adopted:' },
	{ list: 'ol', start: 3, items: [{ text: 'Adopt an integration programme for recognised refugees', lists: [] }] },
	{ p: 'UNHCR will report on these measures every quarter.' }
];

/** Pastes HTML where the caret is, through the browser's paste event, as Ctrl+V from Word does. */
async function paste(page: Page, html: string, plain: string) {
	await page.locator('.ProseMirror').evaluate(
		(editor, { html, plain }) => {
			const clipboard = new DataTransfer();
			clipboard.setData('text/html', html);
			clipboard.setData('text/plain', plain);
			editor.dispatchEvent(new ClipboardEvent('paste', { clipboardData: clipboard, bubbles: true, cancelable: true }));
		},
		{ html, plain }
	);
}

/** Starts a paragraph of its own under a heading, for this run's paste to follow. */
async function startParagraph(page: Page, heading: string): Promise<string> {
	const anchor = `Pasted from Word (${test.info().testId} ${test.info().repeatEachIndex} ${Date.now().toString(36)})`;
	await page.locator('.ProseMirror h2', { hasText: heading }).click();
	await page.keyboard.press('End');
	await page.keyboard.press('Enter');
	await page.keyboard.type(anchor);
	await page.keyboard.press('Enter');
	await expect(page.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();
	// Where the paste goes, placed again as a person clicks before pasting: another test's edit
	// arriving meanwhile once left the caret at the top of the text (README, known gaps).
	await placeCaret(page, anchor, 'below');
	return anchor;
}

// One paste at a time: two people opening a paragraph at the same spot at the same moment get their
// next words split between the two new paragraphs (README, known gaps), and these tests share mk-asylum.
test.describe.configure({ mode: 'serial' });

// Word 2016 and later write the marker between <![if !supportLists]> and <![endif]>; other
// copies (Outlook, older Word, some browsers' clipboards) write the same as ordinary comments.
const forms = [
	{ name: '<![if !supportLists]>', html: fromWord },
	{ name: '<!--[if !supportLists]-->', html: fromWord.replaceAll('<![if !supportLists]>', '<!--[if !supportLists]-->').replaceAll('<![endif]>', '<!--[endif]-->') }
];

for (const form of forms) {
	test(`[G8] lists pasted from Word (markers in ${form.name}) arrive as bullet and numbered lists, nested as in Word, for everyone in the strategy`, async ({ browser }) => {
		const author = await openStrategy(browser, 'author.mk@demo.local', 'mk-asylum');
		const head = await openStrategy(browser, 'head.mk@demo.local', 'mk-asylum');
		await expect(author.locator('.ProseMirror')).toHaveAttribute('contenteditable', 'true');

		const anchor = await startParagraph(author, '6 Monitoring and reporting');
		await paste(author, form.html, 'The Ministry of Interior will, together with UNHCR:\n·\tprepare amendments to the Law on Asylum and Temporary Protection;');

		await expect.poll(() => blocksAfter(author, anchor, pasted.length)).toEqual(pasted);
		expect(JSON.stringify(await blocksAfter(author, anchor, pasted.length))).not.toMatch(/[·\u00a0]|\d\.\s|\b[ab]\)|mso/);
		const pastedBlocks = author.locator('.ProseMirror > p', { hasText: anchor }).locator(`xpath=following-sibling::*[position() <= ${pasted.length}]`);
		await expect(pastedBlocks.locator('li strong')).toHaveText('reception centre');
		await expect(pastedBlocks.locator('a')).toHaveAttribute('href', 'https://www.unhcr.org/');
		await expect(pastedBlocks.locator('em')).toHaveText('these measures');
		await expect(author.locator('.ProseMirror [class*="Mso"], .ProseMirror [style*="mso"]')).toHaveCount(0);

		await expect.poll(() => blocksAfter(head, anchor, pasted.length)).toEqual(pasted);
		await expect(author.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();
		await author.context().close();
		await head.context().close();
	});
}

test('[G8] [S6] markup dressed as Word list paragraphs only becomes lists: nine levels deep at most, no script, no foreign link', async ({ browser }) => {
	const author = await openStrategy(browser, 'author.mk@demo.local', 'mk-asylum');
	await expect(author.locator('.ProseMirror')).toHaveAttribute('contenteditable', 'true');
	const anchor = await startParagraph(author, '2 Current situation');

	// Sixty levels would be 120 nested blocks, past what the server stores (48): the socket would close.
	const hostile = Array.from(
		{ length: 60 },
		(_, index) =>
			`<p style="mso-list:l0 level${index + 1} lfo1"><![if !supportLists]><span style="mso-list:Ignore">${index + 1}.</span><![endif]>` +
			`level ${index + 1}<img src="/nowhere" onerror="window.pasteRan = true"><script>window.pasteRan = true</script>` +
			`<a href="javascript:window.pasteRan = true">run</a></p>`
	).join('');
	await paste(author, hostile, 'level 1');

	// How deep the pasted lists nest, and how many items the deepest one holds.
	const nesting = () =>
		author.locator('.ProseMirror').evaluate((editor, anchor) => {
			let list = [...editor.children].find((child) => child.textContent === anchor)?.nextElementSibling ?? null;
			let depth = 0;
			let items = 0;
			for (; list?.tagName === 'OL'; list = list.querySelector(':scope > li:last-child > ol')) {
				depth += 1;
				items = list.querySelectorAll(':scope > li').length;
			}
			return { depth, items };
		}, anchor);
	// Levels 1 to 8 nest one in the other; 9 to 60 are the items of the ninth.
	await expect.poll(nesting).toEqual({ depth: 9, items: 52 });
	await expect(author.locator('.ProseMirror img, .ProseMirror script, .ProseMirror a[href^="javascript"]')).toHaveCount(0);
	await expect(author.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();
	expect(await author.evaluate(() => (window as { pasteRan?: boolean }).pasteRan)).toBeUndefined();
	await author.context().close();
});
