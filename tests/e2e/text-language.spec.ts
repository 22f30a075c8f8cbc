import { expect, test } from '@playwright/test';
import { openStrategy } from './helpers';

test('[L6] an author says the text is Macedonian, and every open page marks the text so at once', async ({ browser }) => {
	const author = await openStrategy(browser, 'author.mk@demo.local', 'mk-visa');
	const expert = await openStrategy(browser, 'expert.visa@demo.local', 'mk-visa');
	await expect(expert.locator('.ProseMirror')).toHaveAttribute('lang', 'en');
	// The expert may not change it, and is told what it is.
	await expect(expert.getByText('Language of the text: English')).toBeVisible();
	await expect(expert.getByLabel('Language of the text')).toHaveCount(0);

	await author.getByLabel('Language of the text').selectOption('mk');
	await author.getByRole('button', { name: 'Set', exact: true }).click();
	await expect(author.getByRole('status').filter({ hasText: 'Language of the text: Macedonian' })).toBeFocused();
	for (const page of [author, expert]) {
		await expect(page.locator('.ProseMirror')).toHaveAttribute('lang', 'mk');
		await expect(page.getByRole('button', { name: '1 Introduction' })).toHaveAttribute('lang', 'mk');
	}
	await expect(expert.getByText('Language of the text: Macedonian')).toBeVisible();
	// The interface around the text stays in the reader's language.
	await expect(expert.locator('html')).toHaveAttribute('lang', 'en');
	await expect(author.getByLabel('Language of the text')).toHaveValue('mk');
	await expect(author.locator('.ProseMirror')).toHaveAttribute('contenteditable', 'true');
	await author.context().close();
	await expert.context().close();
});
