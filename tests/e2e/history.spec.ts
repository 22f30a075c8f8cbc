import { expect, test, type Page } from '@playwright/test';
import { openStrategy, placeCaret, seriousViolations } from './helpers';


test('[V4] take a named snapshot, edit, compare, restore, and see the text return in a second browser', async ({ browser }) => {
	const run = Date.now().toString(36);
	const author = await openStrategy(browser, 'author.al@demo.local', 'al-migration');
	const head = await openStrategy(browser, 'head.al@demo.local', 'al-migration');

	await author.getByRole('link', { name: 'History and versions' }).click();
	await author.getByLabel('Name of the snapshot').fill(`After the Tirana working meeting ${run}`);
	await author.getByRole('button', { name: 'Take a snapshot' }).click();
	await expect(author.getByRole('status')).toContainText(`Snapshot “After the Tirana working meeting ${run}” taken.`);
	// The snapshot just taken is the one to compare, even when it is the strategy's first.
	await author.getByRole('button', { name: 'Compare', exact: true }).click();
	await expect(author.getByRole('heading', { name: 'Compare versions' })).toBeVisible();
	await expect(author.getByRole('status').first()).toContainText('Sections changed: 0; words added: 0; removed: 0.');
	await author.goBack();

	// The head adds to the introduction's heading.
	await expect(head.locator('.ProseMirror')).toHaveAttribute('contenteditable', 'true');
	const heading = head.locator('.ProseMirror h2', { hasText: '1 Introduction' });
	await heading.click();
	await head.keyboard.press('End');
	await head.keyboard.type(` and scope ${run}`);
	await expect(head.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();

	await author.reload();
	await author.getByRole('link', { name: `After the Tirana working meeting ${run}` }).click();
	await expect(author).toHaveURL(/\/history\/\d+$/);
	await author.getByRole('link', { name: 'Compare with the current text' }).click();
	await expect(author.getByRole('heading', { name: 'Compare versions' })).toBeVisible();
	await expect(author.getByRole('status').first()).toContainText('Sections changed: 1; words added: 3; removed: 0.');
	await expect(author.locator('ins', { hasText: `and scope ${run}` })).toBeVisible();
	await author.getByRole('button', { name: 'Next change' }).click();
	await expect(author.locator('.block.changed').first()).toBeFocused();

	await author.getByRole('link', { name: 'History', exact: true }).click();
	await author.getByRole('link', { name: `After the Tirana working meeting ${run}` }).click();
	await expect(author).toHaveURL(/\/history\/\d+$/);
	await author.getByRole('button', { name: 'Restore this version' }).click();
	await author.getByRole('dialog').getByRole('button', { name: 'Restore' }).click();
	await expect(author).toHaveURL(/\/strategies\/al-migration\?restored=/);
	await expect(author.getByRole('status').filter({ hasText: 'The version was restored.' })).toBeVisible();

	// The second browser sees the text return, without reloading.
	await expect(head.locator('.ProseMirror h2', { hasText: '1 Introduction' })).toHaveText('1 Introduction');
	await author.goto('/strategies/al-migration/history');
	// The copy that undoes the restore stands in the timeline, not folded with automatic snapshots.
	await expect(author.locator('.timeline').getByText('Before a restore')).toBeVisible();
	await author.context().close();
	await head.context().close();
});

test('[V5] a word made bold and a line break added are changes the compare page shows and names, on a phone-sized screen, without sideways scrolling', async ({ browser }) => {
	const run = Date.now().toString(36);
	const author = await openStrategy(browser, 'author.mk@demo.local', 'mk-asylum');
	await author.getByRole('link', { name: 'History and versions' }).click();
	await author.getByLabel('Name of the snapshot').fill(`Before emphasis ${run}`);
	await author.getByRole('button', { name: 'Take a snapshot' }).click();
	await expect(author.getByRole('status')).toContainText(`Snapshot “Before emphasis ${run}” taken.`);
	await author.goBack();

	await expect(author.locator('.ProseMirror')).toHaveAttribute('contenteditable', 'true');
	const paragraph = author.locator('.ProseMirror > p', { hasText: 'sheltered more than 300,000 refugees' });
	await paragraph.dblclick({ position: { x: 4, y: 8 } });
	await author.keyboard.press('Control+b');
	await expect(paragraph.locator('strong')).toHaveText('North');
	await placeCaret(author, 'sheltered more than', 'before');
	await author.keyboard.press('Shift+Enter');
	await expect(paragraph.locator('br')).toHaveCount(1);
	await expect(author.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();

	await author.setViewportSize({ width: 360, height: 800 });
	await author.getByRole('link', { name: 'History and versions' }).click();
	await author.getByRole('link', { name: `Before emphasis ${run}` }).click();
	await author.getByRole('link', { name: 'Compare with the current text' }).click();
	await expect(author.getByRole('status').first()).toContainText('Formatting changes: 1.');
	await expect(author.locator('.restyled strong')).toHaveText('North');
	await expect(author.locator('.note')).toHaveText('(Formatting changed. Before: no formatting; now: bold)');
	await expect(author.locator('.block.changed', { hasText: 'sheltered more than' }).locator('ins')).toHaveText(/^Added: ?↵line break$/);
	await author.getByRole('button', { name: 'Next change' }).click();
	await expect(author.locator('.block.changed', { hasText: 'sheltered more than' })).toBeFocused();
	expect(await author.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
	expect(await seriousViolations(author)).toEqual([]);
	await author.context().close();
});
