import { expect, test, type Page } from '@playwright/test';
import { openStrategy, placeCaret, selectPhrase, seriousViolations } from './helpers';

test('[N1] an expert links a passage to a benchmark; the author’s open page shows it without a reload', async ({ browser }) => {
	const author = await openStrategy(browser, 'author.cs@demo.local', 'cs-asylum');
	const expert = await openStrategy(browser, 'expert.asylum@demo.local', 'cs-asylum');

	await selectPhrase(expert, '2.1 Legal framework');
	await expert.getByRole('button', { name: 'Link to benchmark' }).click();
	const dialog = expert.getByRole('dialog', { name: 'Link the passage to a benchmark' });
	await dialog.getByLabel('Search benchmarks').fill('ASY-07');
	await dialog.getByRole('radio', { name: /ASY-07/ }).check();
	await dialog.getByRole('radio', { name: 'Gap' }).check();
	await dialog.getByLabel('Note').fill('Subsidiary protection is missing from the law.');
	await dialog.getByRole('button', { name: 'Link', exact: true }).click();
	await expect(dialog).toBeHidden();

	// The author never reloads: the highlight and the panel entry arrive over the event stream.
	const highlight = author.locator('.ProseMirror .passage-gap', { hasText: '2.1 Legal framework' });
	await expect(highlight).toBeVisible();
	await expect(highlight).toHaveAttribute('title', /ASY-07 · Gap/);
	const entry = author.getByRole('tabpanel').getByRole('listitem').filter({ hasText: 'ASY-07' });
	await expect(entry).toContainText('Subsidiary protection is missing from the law.');
	await expect(entry).toContainText('Thomas Keller');
	// The author types just before the passage and just after it: the highlight keeps exactly its words.
	await placeCaret(author, '2.1 Legal framework', 'before');
	await author.keyboard.type('Draft: ');
	await placeCaret(author, '2.1 Legal framework', 'after');
	await author.keyboard.type(' (revised)');
	await expect(author.locator('.ProseMirror h3', { hasText: 'Draft: 2.1 Legal framework (revised)' })).toBeVisible();
	await expect(highlight).toHaveText('2.1 Legal framework');
	await author.getByRole('tab', { name: /Coverage/ }).click();
	await expect(author.getByRole('tabpanel')).toContainText('1 of 10 benchmarks addressed');
	await author.context().close();
	await expert.context().close();
});

test('[N1] Enter inside a linked passage keeps the whole passage, across the break, for everyone; undo brings it back whole', async ({ browser }) => {
	const author = await openStrategy(browser, 'author.hr@demo.local', 'hr-migration');
	const head = await openStrategy(browser, 'head.hr@demo.local', 'hr-migration');
	const phrase = 'Emigration has slowed, the return of refugees continues';

	await selectPhrase(author, phrase);
	await author.getByRole('button', { name: 'Link to benchmark' }).click();
	const dialog = author.getByRole('dialog', { name: 'Link the passage to a benchmark' });
	await dialog.getByLabel('Search benchmarks').fill('MIG-02');
	await dialog.getByRole('radio', { name: /MIG-02/ }).check();
	await dialog.getByRole('radio', { name: 'Planned' }).check();
	await dialog.getByRole('button', { name: 'Link', exact: true }).click();
	await expect(dialog).toBeHidden();
	const pieces = (page: Page) => page.locator('.ProseMirror .passage-planned');
	await expect(pieces(head)).toHaveText([phrase]);

	await placeCaret(author, 'Emigration has slowed,', 'after');
	await author.keyboard.press('Enter');
	for (const page of [author, head]) {
		await expect(page.locator('.ProseMirror p', { hasText: 'the return of refugees continues' })).not.toContainText('Emigration');
		await expect(pieces(page)).toHaveText(['Emigration has slowed,', 'the return of refugees continues']);
	}

	await author.keyboard.press('ControlOrMeta+z');
	for (const page of [author, head]) {
		await expect(page.locator('.ProseMirror p', { hasText: phrase })).toHaveCount(1);
		await expect(pieces(page)).toHaveText([phrase]);
	}
	await author.context().close();
	await head.context().close();
});

test('[N3] a comment thread on a passage is replied to and resolved', async ({ browser }) => {
	const expert = await openStrategy(browser, 'expert.visa@demo.local', 'hr-visa');
	const head = await openStrategy(browser, 'head.hr@demo.local', 'hr-visa');

	await expert.getByRole('tab', { name: /Comments/ }).click();
	await selectPhrase(expert, '3 EU standards and benchmarks');
	await expert.getByRole('button', { name: 'Use the selected passage' }).click();
	await expect(expert.getByText('On: “3 EU standards and benchmarks”')).toBeVisible();
	await expert.getByLabel('Your comment (type @ to mention someone)').fill('Please add Regulation 2252/2004 on biometric passports.');
	await expert.getByRole('button', { name: 'Post comment' }).click();

	await head.getByRole('tab', { name: /Comments/ }).click();
	const thread = head.getByRole('tabpanel').getByRole('listitem').filter({ hasText: 'biometric passports' });
	await expect(thread).toBeVisible();
	await expect(head.locator('.ProseMirror .passage-comment', { hasText: '3 EU standards and benchmarks' })).toBeVisible();
	await thread.getByLabel('Reply (type @ to mention someone)').fill('Added under objective 2. @Katarina');
	await expect(thread.getByRole('option', { name: 'Katarina Weiss' })).toBeVisible();
	expect(await seriousViolations(head)).toEqual([]);
	await head.keyboard.press('Enter');
	await thread.getByRole('button', { name: 'Reply' }).click();
	await expect(thread).toContainText('Added under objective 2. @Katarina Weiss');
	await expect(thread.locator('mark.mention')).toHaveText('@Katarina Weiss');

	const seenByExpert = expert.getByRole('tabpanel').getByRole('listitem').filter({ hasText: 'biometric passports' });
	await expect(seenByExpert).toContainText('Added under objective 2.');
	await seenByExpert.getByRole('button', { name: 'Resolve' }).click();
	await expect(head.getByRole('tabpanel').getByRole('listitem').filter({ hasText: 'biometric passports' })).toBeHidden();
	await head.getByLabel('Show resolved threads').check();
	await expect(head.getByRole('tabpanel').getByRole('listitem').filter({ hasText: 'biometric passports' })).toContainText('Resolved');
	await expert.context().close();
	await head.context().close();
});

test('[N3] a thread whose passage was deleted is tied to a new passage from the side panel, and everyone sees it there', async ({ browser }) => {
	const run = Date.now().toString(36);
	const author = await openStrategy(browser, 'author.hr@demo.local', 'hr-migration');
	const head = await openStrategy(browser, 'head.hr@demo.local', 'hr-migration');

	await author.getByRole('tab', { name: /Comments/ }).click();
	await selectPhrase(author, '2.3 Statistics');
	await author.getByRole('button', { name: 'Use the selected passage' }).click();
	await author.getByLabel('Your comment (type @ to mention someone)').fill(`Update the figures for 2005 (${run}).`);
	await author.getByRole('button', { name: 'Post comment' }).click();
	const thread = author.getByRole('tabpanel').getByRole('listitem').filter({ hasText: run });
	await expect(thread.getByRole('button', { name: /2\.3 Statistics/ })).toBeVisible();

	// The heading is deleted: the thread loses its passage, and says so.
	await selectPhrase(author, '2.3 Statistics');
	await author.keyboard.press('Backspace');
	await expect(thread).toContainText('Text deleted: “2.3 Statistics”');
	const move = thread.getByRole('button', { name: 'Re-anchor to the selection' });
	await move.click();
	await expect(author.getByRole('alert')).toContainText('Select a passage in the text first.');

	await selectPhrase(author, '2.2 Institutional framework');
	await move.click();
	await expect(thread.getByRole('button', { name: /2\.2 Institutional framework/ })).toBeVisible();
	await expect(thread).toBeFocused();
	await expect(author.locator('.ProseMirror .passage-comment', { hasText: '2.2 Institutional framework' })).toBeVisible();
	await expect(head.locator('.ProseMirror .passage-comment', { hasText: '2.2 Institutional framework' })).toBeVisible();
	await author.context().close();
	await head.context().close();
});
