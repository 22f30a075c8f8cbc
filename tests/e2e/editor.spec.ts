import { expect, test, type Page } from '@playwright/test';
import { openStrategy, placeCaret, signInAs } from './helpers';


/** The editor's text without the other people's caret labels. */
async function editorText(page: Page): Promise<string> {
	return page.locator('.ProseMirror').evaluate((element) => {
		const copy = element.cloneNode(true) as HTMLElement;
		copy.querySelectorAll('.collaboration-carets__label').forEach((label) => label.remove());
		return copy.textContent ?? '';
	});
}

async function typeAtEndOfSection(page: Page, heading: string, text: string) {
	await page.locator('.ProseMirror h2', { hasText: heading }).click();
	await page.keyboard.press('End');
	await page.keyboard.type(text);
}

test('[S3] two authors type into the same strategy and see each other’s text and caret names', async ({ browser }) => {
	const author = await openStrategy(browser, 'author.ba@demo.local', 'ba-migration');
	const head = await openStrategy(browser, 'head.ba@demo.local', 'ba-migration');
	await expect(author.locator('.ProseMirror')).toHaveAttribute('contenteditable', 'true');
	await expect(head.locator('.ProseMirror')).toHaveAttribute('contenteditable', 'true');

	await typeAtEndOfSection(author, '1 Introduction', ' (revised in Sarajevo)');
	await expect.poll(() => editorText(head)).toContain('1 Introduction (revised in Sarajevo)');
	await expect(head.locator('.collaboration-carets__label', { hasText: 'Amra Kovačević' })).toBeVisible();

	await typeAtEndOfSection(head, '6 Monitoring and reporting', ' and evaluation');
	await expect.poll(() => editorText(author)).toContain('6 Monitoring and reporting and evaluation');
	await expect(author.locator('.collaboration-carets__label', { hasText: 'Emir Hadžić' })).toBeVisible();

	await expect(author.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();
	await expect(author.getByText('2 people here').first()).toBeVisible();
	await author.context().close();
	await head.context().close();
});

test('[S3] a web address becomes a link as its writer types the space after it, and the other author sees that link', async ({ browser }) => {
	const author = await openStrategy(browser, 'author.al@demo.local', 'al-visa');
	const head = await openStrategy(browser, 'head.al@demo.local', 'al-visa');
	await expect(author.locator('.ProseMirror')).toHaveAttribute('contenteditable', 'true');

	await typeAtEndOfSection(author, '1 Introduction', ' see https://europa.eu ');
	await expect(author.locator('.ProseMirror a', { hasText: 'https://europa.eu' })).toHaveAttribute('href', 'https://europa.eu');
	await expect(head.locator('.ProseMirror a', { hasText: 'https://europa.eu' })).toHaveAttribute('href', 'https://europa.eu');
	await author.context().close();
	await head.context().close();
});

test('[S3] offline edits stay in the browser, survive closing the page, and merge when back online', async ({ browser }) => {
	const run = Date.now().toString(36);
	const author = await openStrategy(browser, 'author.hr@demo.local', 'hr-visa');
	const head = await openStrategy(browser, 'head.hr@demo.local', 'hr-visa');
	await expect(author.locator('.ProseMirror')).toHaveAttribute('contenteditable', 'true');

	await author.context().setOffline(true);
	await expect(author.getByRole('status').filter({ hasText: 'Offline' })).toBeVisible();
	await typeAtEndOfSection(author, '4 Strategic objectives', ` (offline draft ${run})`);
	await typeAtEndOfSection(head, '2 Current situation', ` (online edit ${run})`);
	// Nothing written offline reaches anyone while offline.
	await expect.poll(() => editorText(head)).toContain(`(online edit ${run})`);
	expect(await editorText(head)).not.toContain(`(offline draft ${run})`);

	// The page is closed while still offline: only this browser's copy (IndexedDB) holds the edit.
	const context = author.context();
	await author.close();
	await context.setOffline(false);
	const again = await context.newPage();
	await again.goto('/strategies/hr-visa');
	await expect.poll(() => editorText(again)).toContain(`(offline draft ${run})`);
	await expect.poll(() => editorText(again)).toContain(`(online edit ${run})`);
	await expect.poll(() => editorText(head)).toContain(`(offline draft ${run})`);
	await expect(again.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();
	await context.close();
	await head.context().close();
});

test('[D10] words typed offline in a paragraph someone deleted meanwhile come back to their writer, formatting and all, who puts them back', async ({ browser }) => {
	const run = Date.now().toString(36);
	const author = await openStrategy(browser, 'author.al@demo.local', 'al-asylum');
	const head = await openStrategy(browser, 'head.al@demo.local', 'al-asylum');
	await expect(author.locator('.ProseMirror')).toHaveAttribute('contenteditable', 'true');
	const introduction = (page: Page) => page.locator('.ProseMirror h2', { hasText: '1 Introduction' }).locator('xpath=following-sibling::p[1]');
	const opening = (await introduction(head).textContent())!.slice(0, 40);

	await author.context().setOffline(true);
	await expect(author.getByRole('status').filter({ hasText: 'Offline' })).toBeVisible();
	await introduction(author).click();
	await author.keyboard.type(` offline words ${run} `);
	await author.keyboard.press('Control+b');
	await author.keyboard.type(`bold ${run}`);
	await author.keyboard.press('Control+b');
	await author.keyboard.type(' ');

	// Meanwhile the head empties the paragraph and removes it.
	await introduction(head).click({ clickCount: 3 });
	await head.keyboard.press('Backspace');
	await head.keyboard.press('Backspace');
	await expect.poll(() => editorText(head)).not.toContain(opening);
	await expect(head.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();

	await author.context().setOffline(false);
	const rescued = author.getByRole('region', { name: 'Your words from a deleted paragraph' });
	// The paragraph as the author had it, their words marked.
	await expect(rescued.locator('blockquote')).toContainText(opening);
	await expect(rescued.locator('blockquote')).toContainText(`offline words ${run}`);
	await expect(rescued.locator('blockquote mark').first()).toBeVisible();
	await expect(rescued.locator('blockquote strong')).toHaveText(`bold ${run}`);
	await expect.poll(() => editorText(author)).not.toContain(`offline words ${run}`);
	await expect(author.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();

	// Closing the page does not lose them: they are kept in this browser until dealt with.
	await author.reload();
	await expect(rescued.locator('blockquote')).toContainText(`offline words ${run}`);
	await expect(author.locator('.ProseMirror')).toHaveAttribute('contenteditable', 'true');
	await introduction(author).click();

	// Copied, they keep their formatting for wherever they are pasted (the text, Word), and read plainly elsewhere.
	await author.context().grantPermissions(['clipboard-read', 'clipboard-write']);
	await rescued.getByRole('button', { name: 'Copy' }).click();
	await expect(rescued.getByRole('button', { name: 'Copied' })).toBeVisible();
	const clipboard = await author.evaluate(async () => {
		const [item] = await navigator.clipboard.read();
		return { html: await (await item!.getType('text/html')).text(), plain: await (await item!.getType('text/plain')).text() };
	});
	expect(clipboard.html).toContain(`<strong>bold ${run}</strong>`);
	expect(clipboard.plain).toContain(`offline words ${run} bold ${run}`);

	await rescued.getByRole('button', { name: 'Put back below the cursor' }).click();
	await expect(rescued).toHaveCount(0);
	await expect.poll(() => editorText(head)).toContain(`offline words ${run}`);
	await expect(head.locator('.ProseMirror strong', { hasText: `bold ${run}` })).toBeVisible();
	await expect(author.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();
	// Once put back, they are no longer kept.
	await author.reload();
	await expect(author.locator('.ProseMirror')).toHaveAttribute('contenteditable', 'true');
	await expect(rescued).toHaveCount(0);
	await author.context().close();
	await head.context().close();
});

test('[D10] words rescued from a deleted heading and list item come back as a heading of their level and a list item', async ({ browser }) => {
	const run = Date.now().toString(36);
	const author = await openStrategy(browser, 'author.al@demo.local', 'al-visa');
	const head = await openStrategy(browser, 'head.al@demo.local', 'al-visa');
	await expect(author.locator('.ProseMirror')).toHaveAttribute('contenteditable', 'true');
	const objective = (page: Page) => page.locator('.ProseMirror ol li p').first();

	await author.context().setOffline(true);
	await expect(author.getByRole('status').filter({ hasText: 'Offline' })).toBeVisible();
	await typeAtEndOfSection(author, '6 Monitoring and reporting', ` and evaluation ${run}`);
	await objective(author).click();
	await author.keyboard.press('Home');
	await author.keyboard.type(`Agreed ${run}: `);

	// Meanwhile the head removes the heading, and the whole list of objectives.
	await head.locator('.ProseMirror h2', { hasText: '6 Monitoring and reporting' }).click({ clickCount: 3 });
	await head.keyboard.press('Backspace');
	await head.keyboard.press('Backspace');
	await head.locator('.ProseMirror').evaluate((root) => {
		const { editor } = root as HTMLElement & { editor: import('@tiptap/core').Editor };
		let list = -1;
		editor.state.doc.forEach((node, offset) => {
			if (list < 0 && node.type.name === 'orderedList') list = offset;
		});
		editor.chain().setNodeSelection(list).deleteSelection().run();
	});
	await expect(head.locator('.ProseMirror ol')).toHaveCount(0);
	await expect(head.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();

	await author.context().setOffline(false);
	const rescued = author.getByRole('region', { name: 'Your words from a deleted paragraph' });
	const entries = rescued.getByRole('listitem');
	await expect(entries).toHaveCount(2);
	await expect(entries.nth(0)).toContainText('numbered list item');
	await expect(entries.nth(0).locator('blockquote')).toContainText(`Agreed ${run}: `);
	await expect(entries.nth(1)).toContainText('heading, level 2');
	await expect(entries.nth(1).locator('blockquote')).toHaveText(`6 Monitoring and reporting and evaluation ${run}`);
	await expect(author.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();

	// Put back below the title: a numbered list of its own (no numbered list is left to join), then a heading of level 2 below it.
	await placeCaret(author, 'Strategy', 'after');
	await entries.nth(0).getByRole('button', { name: 'Put back below the cursor' }).click();
	await expect(head.locator('.ProseMirror ol li', { hasText: `Agreed ${run}: ` })).toHaveCount(1);
	await entries.nth(0).getByRole('button', { name: 'Put back below the cursor' }).click();
	await expect(rescued).toHaveCount(0);
	await expect(head.locator('.ProseMirror h2', { hasText: `and evaluation ${run}` })).toContainText(`6 Monitoring and reporting and evaluation ${run}`);
	await expect(author.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();
	await author.context().close();
	await head.context().close();
});

test('[S3] the page opens on its text, ready to edit, before the live connection answers; what is typed meanwhile reaches the others', async ({ browser }) => {
	const run = Date.now().toString(36);
	const head = await openStrategy(browser, 'head.ba@demo.local', 'ba-visa');
	const author = await (await browser.newContext()).newPage();
	await signInAs(author, 'author.ba@demo.local');
	// The author's socket is held until released: a slow network, or a server busy with others.
	let release!: () => void;
	const released = new Promise<void>((resolve) => (release = resolve));
	await author.routeWebSocket(/\/collab\//, async (socket) => {
		await released;
		socket.connectToServer();
	});
	await author.goto('/strategies/ba-visa');
	await expect(author.locator('.ProseMirror')).toHaveAttribute('contenteditable', 'true');
	await expect(author.getByRole('status').filter({ hasText: 'Connecting…' })).toBeVisible();
	await typeAtEndOfSection(author, '4 Strategic objectives', ` (drafted while connecting ${run})`);

	release();
	await expect.poll(() => editorText(head)).toContain(`(drafted while connecting ${run})`);
	await expect(author.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();
	await author.context().close();
	await head.context().close();
});

test('[G8] an author numbers a list (a), (b) from the toolbar, and everyone sees it numbered so', async ({ browser }) => {
	const author = await openStrategy(browser, 'author.ba@demo.local', 'ba-visa');
	const head = await openStrategy(browser, 'head.ba@demo.local', 'ba-visa');
	const objectives = (page: Page) => page.locator('.ProseMirror ol').first();
	const numbering = author.getByLabel('Numbering');
	await expect(numbering).toHaveCount(0);
	await objectives(author).locator('li p').first().click();
	await expect(numbering).toHaveValue('1.');
	await numbering.selectOption({ label: '(a)' });
	await expect(numbering).toHaveValue('a()');
	for (const page of [author, head]) {
		await expect(objectives(page)).toHaveAttribute('type', 'a');
		// The counter style is defined on the page, so the browser writes "(a)", not "a.".
		await expect.poll(() => objectives(page).evaluate((list) => getComputedStyle(list).listStyleType)).toBe('lower-alpha-parens');
		const defined = await page.evaluate(() =>
			[...document.styleSheets].some((sheet) => [...sheet.cssRules].some((rule) => rule instanceof CSSCounterStyleRule && rule.name === 'lower-alpha-parens'))
		);
		expect(defined).toBe(true);
	}
	await numbering.selectOption({ label: 'i)' });
	await expect.poll(() => objectives(head).evaluate((list) => `${list.getAttribute('type')} ${getComputedStyle(list).listStyleType}`)).toBe('i lower-roman-paren');
	await expect(author.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();
	await author.context().close();
	await head.context().close();
});

test('[G8] typing "(a) " or "1) " at the start of a paragraph starts a list numbered so, as in Word', async ({ browser }) => {
	const run = Date.now().toString(36);
	const author = await openStrategy(browser, 'author.ba@demo.local', 'ba-visa');
	const head = await openStrategy(browser, 'head.ba@demo.local', 'ba-visa');
	const monitoring = author.locator('.ProseMirror h2', { hasText: '6 Monitoring and reporting' }).locator('xpath=following-sibling::p[1]');
	await placeCaret(author, (await monitoring.textContent())!.slice(-24), 'after');
	await author.keyboard.press('Enter');
	// A letter other than a (or A, i, I) starts no list; a list just started is undone by Backspace.
	await author.keyboard.type(`c) stays a sentence ${run}`);
	await expect(author.locator('.ProseMirror > p', { hasText: `c) stays a sentence ${run}` })).toHaveCount(1);
	await author.keyboard.press('Enter');
	await author.keyboard.type('(a) ');
	const next = author.locator('.ProseMirror > p', { hasText: `c) stays a sentence ${run}` }).locator('xpath=following-sibling::*[1]');
	await expect(next).toHaveJSProperty('tagName', 'OL');
	await author.keyboard.press('Backspace');
	await expect(next).toHaveJSProperty('tagName', 'P');
	await expect(next).toHaveText('(a) ');
	for (let i = 0; i < '(a) '.length; i++) await author.keyboard.press('Backspace');
	await author.keyboard.type(`(a) First measure ${run}`);
	await author.keyboard.press('Enter');
	await author.keyboard.type(`Second measure ${run}`);
	await author.keyboard.press('Enter');
	await author.keyboard.press('Enter');
	await author.keyboard.type(`1) Step one ${run}`);

	const lettered = (page: Page) => page.locator('.ProseMirror ol', { hasText: `First measure ${run}` });
	const numbered = (page: Page) => page.locator('.ProseMirror ol', { hasText: `Step one ${run}` });
	for (const page of [author, head]) {
		await expect(lettered(page).locator('li')).toContainText([`First measure ${run}`, `Second measure ${run}`]);
		await expect(lettered(page)).toHaveAttribute('type', 'a');
		await expect.poll(() => lettered(page).evaluate((list) => getComputedStyle(list).listStyleType)).toBe('lower-alpha-parens');
		await expect(numbered(page).locator('li')).toContainText([`Step one ${run}`]);
		await expect.poll(() => numbered(page).evaluate((list) => getComputedStyle(list).listStyleType)).toBe('decimal-paren');
	}
	await expect(author.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();
	await author.context().close();
	await head.context().close();
});

test('[S4] an expert’s page is read-only and says what they may do', async ({ browser }) => {
	const expert = await openStrategy(browser, 'expert.visa@demo.local', 'mk-visa');
	await expect(expert.getByRole('note')).toContainText('You can read and comment');
	await expect(expert.locator('.ProseMirror')).toHaveAttribute('contenteditable', 'false');
	await expect(expert.locator('.ProseMirror')).toHaveAttribute('aria-readonly', 'true');
	await expect(expert.getByRole('toolbar')).toHaveCount(0);
	await expect(expert.getByRole('heading', { name: '1 Introduction' })).toBeVisible();
	await expect(expert.getByRole('button', { name: '5 Implementation action plan' })).toBeVisible();
	await expert.context().close();
});

test('[S3] a deletion shows as saved only once the server holds it', async ({ browser }) => {
	const author = await openStrategy(browser, 'author.hr@demo.local', 'hr-visa');
	// Everything the page sends passes here, and can be kept back as a slow network would.
	let holding = false;
	const held: (string | Buffer)[] = [];
	let toServer: ((message: string | Buffer) => void) | null = null;
	await author.context().routeWebSocket(/\/collab\//, (page) => {
		const server = page.connectToServer();
		toServer = (message) => server.send(message);
		page.onMessage((message) => (holding ? held.push(message) : server.send(message)));
	});
	await author.reload();
	const status = author.getByRole('status').filter({ hasText: /Saving|All changes saved/ });
	await typeAtEndOfSection(author, '6 Monitoring and reporting', ' x');
	await expect(status).toHaveText('All changes saved');

	holding = true;
	await author.keyboard.press('Backspace');
	await author.keyboard.press('Backspace');
	await expect(status).toHaveText('Saving…');
	holding = false;
	for (const message of held.splice(0)) toServer!(message);
	await expect(status).toHaveText('All changes saved');
	await author.context().close();
});

test('[S3] a deletion made offline in a page since closed shows as "Saving…" when the strategy is opened again, until the server holds it', async ({ browser }) => {
	const author = await openStrategy(browser, 'author.ba@demo.local', 'ba-migration');
	const head = await openStrategy(browser, 'head.ba@demo.local', 'ba-migration');
	const context = author.context();
	await context.setOffline(true);
	await expect(author.getByRole('status').filter({ hasText: 'Offline' })).toBeVisible();
	await placeCaret(author, 'EU standards and benchmarks', 'after');
	for (let i = 0; i < ' and benchmarks'.length; i++) await author.keyboard.press('Backspace');
	await expect(author.locator('.ProseMirror h2', { hasText: '3 EU standards' })).toHaveText('3 EU standards');
	// The page is closed while offline: only this browser's copy holds the deletion.
	await author.close();
	await context.setOffline(false);

	// Opened again on a slow network: everything the page sends waits until released.
	let release!: () => void;
	const released = new Promise<void>((resolve) => (release = resolve));
	await context.routeWebSocket(/\/collab\//, (page) => {
		const server = page.connectToServer();
		page.onMessage(async (message) => {
			await released;
			server.send(message);
		});
	});
	const again = await context.newPage();
	await again.goto('/strategies/ba-migration');
	await expect(again.locator('.ProseMirror h2', { hasText: '3 EU standards' })).toHaveText('3 EU standards');
	const status = again.getByRole('status').filter({ hasText: /Saving|All changes saved/ });
	await expect(status).toHaveText('Saving…');
	await expect(head.locator('.ProseMirror h2', { hasText: '3 EU standards' })).toHaveText('3 EU standards and benchmarks');

	release();
	await expect(head.locator('.ProseMirror h2', { hasText: '3 EU standards' })).toHaveText('3 EU standards');
	await expect(status).toHaveText('All changes saved');
	await context.close();
	await head.context().close();
});
