import { expect, test, type Browser, type Page } from '@playwright/test';
import { openStrategy } from './helpers';

/** The names of this browser's IndexedDB databases that hold copies of strategy texts. */
async function offlineCopies(page: Page): Promise<string[]> {
	return page.evaluate(async () => (await indexedDB.databases()).flatMap(({ name }) => (name?.startsWith('acquis:') ? [name] : [])));
}

test('[D8] signing out removes the person’s copies of strategy texts from the browser', async ({ browser }) => {
	const author = await openStrategy(browser, 'author.hr@demo.local', 'hr-visa');
	await expect.poll(() => offlineCopies(author)).toEqual([expect.stringMatching(/^acquis:\d+:hr-visa$/)]);

	await author.getByRole('button', { name: 'Sign out' }).click();
	await expect(author).toHaveURL(/\/login$/);
	expect(await offlineCopies(author)).toEqual([]);
	await author.context().close();
});

/** An author of hr-visa, offline, with the caret at the end of its "1 Introduction" heading. */
async function offlineAtIntroduction(browser: Browser): Promise<Page> {
	const author = await openStrategy(browser, 'author.hr@demo.local', 'hr-visa');
	await expect(author.locator('.ProseMirror')).toHaveAttribute('contenteditable', 'true');
	await author.context().setOffline(true);
	await expect(author.getByRole('status').filter({ hasText: 'Offline' })).toBeVisible();
	await author.locator('.ProseMirror h2', { hasText: '1 Introduction' }).click();
	await author.keyboard.press('End');
	return author;
}

/**
 * Closes the page while offline, so that what it holds stays in this browser only, never sent,
 * and opens the strategies overview in a new page of the same browser, back online. (A page
 * asked to go elsewhere while offline stays where it is, and sends everything once online.)
 */
async function leaveWhileOffline(page: Page): Promise<Page> {
	const context = page.context();
	await page.close();
	await context.setOffline(false);
	const later = await context.newPage();
	await later.goto('/strategies');
	return later;
}

test('[D8] work only this browser holds is named before signing out, and kept for whoever stays signed in', async ({ browser }) => {
	const run = Date.now().toString(36);
	let author = await offlineAtIntroduction(browser);
	await author.keyboard.type(` (unsent ${run})`);
	author = await leaveWhileOffline(author);

	await author.getByRole('button', { name: 'Sign out' }).click();
	const dialog = author.getByRole('dialog', { name: 'Changes not yet on the server' });
	await expect(dialog.getByRole('link', { name: 'Croatia · Visa' })).toHaveAttribute('href', '/strategies/hr-visa');
	await dialog.getByRole('button', { name: 'Stay signed in' }).click();
	await expect(dialog).toBeHidden();
	expect(await offlineCopies(author)).toEqual([expect.stringMatching(/^acquis:\d+:hr-visa$/)]);

	await author.getByRole('button', { name: 'Sign out' }).click();
	await dialog.getByRole('button', { name: 'Sign out and remove them' }).click();
	await expect(author).toHaveURL(/\/login$/);
	expect(await offlineCopies(author)).toEqual([]);
	await author.context().close();
});

test('[D8] [S3] a deletion only this browser holds is work too: it is named before signing out', async ({ browser }) => {
	let author = await offlineAtIntroduction(browser);
	await author.keyboard.press('Backspace');
	author = await leaveWhileOffline(author);

	await author.getByRole('button', { name: 'Sign out' }).click();
	const dialog = author.getByRole('dialog', { name: 'Changes not yet on the server' });
	await expect(dialog.getByRole('link', { name: 'Croatia · Visa' })).toBeVisible();
	await dialog.getByRole('button', { name: 'Sign out and remove them' }).click();
	await expect(author).toHaveURL(/\/login$/);
	await author.context().close();
});
