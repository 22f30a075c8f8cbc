import { expect, test, type Page } from '@playwright/test';
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import { E2E_PASSWORD } from '../../playwright.config';
import { openStrategy } from './helpers';


test('[G1] a head locks, the author’s open editor turns read-only at once, the head signs and downloads the Word file', async ({ browser }) => {
	const author = await openStrategy(browser, 'author.cs@demo.local', 'cs-migration');
	const head = await openStrategy(browser, 'head.cs@demo.local', 'cs-migration');
	await expect(author.locator('.ProseMirror')).toHaveAttribute('contenteditable', 'true');

	await head.getByRole('button', { name: 'Lock for signing' }).click();
	const lock = head.getByRole('dialog', { name: 'Lock for signing' });
	await lock.getByLabel('Name of the version (optional)').fill('Final text for the Vienna consultation');
	await lock.getByLabel('Your password, to confirm').fill('wrong password entirely');
	await lock.getByRole('button', { name: 'Lock for signing' }).click();
	await expect(lock.getByRole('alert')).toContainText('password');
	await lock.getByLabel('Your password, to confirm').fill(E2E_PASSWORD);
	await lock.getByRole('button', { name: 'Lock for signing' }).click();
	await expect(head.getByRole('status').filter({ hasText: 'The strategy is locked for signing.' })).toBeVisible();

	// The author's page was never reloaded.
	await expect(author.locator('.ProseMirror')).toHaveAttribute('contenteditable', 'false');
	await expect(author.getByRole('note')).toContainText('Locked for signing by Dragan Petrović');
	await expect(author.locator('.meta').getByText('Locked for signing', { exact: true })).toBeVisible();

	await head.getByRole('button', { name: 'Sign', exact: true }).click();
	const sign = head.getByRole('dialog', { name: 'Sign' });
	await sign.getByLabel('Statement (optional)').fill('Signed at the Final Consultation Event, Vienna, 29–30 September 2005');
	await sign.getByLabel('Your password, to confirm').fill(E2E_PASSWORD);
	await sign.getByRole('button', { name: 'Sign' }).click();
	await expect(head.getByRole('status').filter({ hasText: 'The strategy is signed.' })).toBeVisible();
	await expect(head.getByRole('region', { name: 'Lock and signatures' })).toContainText('Dragan Petrović');
	await expect(head.getByText('Signed', { exact: true }).first()).toBeVisible();
	// The author's open page hears of the signature too.
	await expect(author.getByRole('region', { name: 'Lock and signatures' })).toContainText('Dragan Petrović');
	await expect(author.locator('.meta').getByText('Signed', { exact: true })).toBeVisible();

	const [download] = await Promise.all([head.waitForEvent('download'), head.getByRole('link', { name: 'Word' }).click()]);
	expect(download.suggestedFilename()).toBe('cs-migration.docx');
	await author.context().close();
	await head.context().close();
});

test('[G4] words typed offline before a lock are refused, the author is told, and they reach the text when it is unlocked', async ({ browser }) => {
	const author = await openStrategy(browser, 'author.ba@demo.local', 'ba-asylum');
	const head = await openStrategy(browser, 'head.ba@demo.local', 'ba-asylum');
	const asHead = (path: string, data: object) =>
		head.request.post(`/api/v1/strategies/ba-asylum/${path}`, { data: { password: E2E_PASSWORD, ...data }, headers: { origin: new URL(head.url()).origin } });
	await expect(author.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();

	await author.context().setOffline(true);
	await expect(author.getByRole('status').filter({ hasText: 'Offline' })).toBeVisible();
	await author.locator('.ProseMirror p').first().click();
	await author.keyboard.press('End');
	await author.keyboard.type(' Typed on the train before the lock.');
	expect((await asHead('lock', {})).status()).toBe(200);
	await author.context().setOffline(false);

	await expect(author.getByRole('status').filter({ hasText: 'not saved' })).toBeVisible();
	await expect(author.locator('.ProseMirror')).toHaveAttribute('contenteditable', 'false');
	await expect(head.getByRole('note')).toContainText('Locked for signing');
	await expect(head.locator('.ProseMirror')).not.toContainText('Typed on the train');

	expect((await asHead('unlock', { reason: 'Late comments from the ministry.' })).status()).toBe(200);
	await expect(head.locator('.ProseMirror')).toContainText('Typed on the train before the lock.');
	await expect(author.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();
	await author.context().close();
	await head.context().close();
});

test('[G5] an author imports a Word draft into a strategy and a second browser sees it', async ({ browser }, testInfo) => {
	const draft = new Document({
		sections: [{ children: [new Paragraph({ text: 'Imported from Skopje', heading: HeadingLevel.HEADING_2 }), new Paragraph('A paragraph from the Word draft.')] }]
	});
	const file = testInfo.outputPath('draft.docx');
	const { writeFile } = await import('node:fs/promises');
	await writeFile(file, await Packer.toBuffer(draft));

	const author = await openStrategy(browser, 'author.mk@demo.local', 'mk-migration');
	const head = await openStrategy(browser, 'head.mk@demo.local', 'mk-migration');
	await author.getByRole('button', { name: 'Import a Word draft' }).click();
	const dialog = author.getByRole('dialog', { name: 'Import a Word draft' });
	await dialog.getByLabel('Word document (.docx)').setInputFiles(file);
	await dialog.getByLabel('Add the document at the end').check();
	await dialog.getByRole('button', { name: 'Import' }).click();
	await expect(author.getByRole('status').filter({ hasText: '“draft.docx” imported' })).toBeVisible();
	await expect(head.locator('.ProseMirror h2', { hasText: 'Imported from Skopje' })).toBeVisible();
	await expect(head.locator('.ProseMirror')).toContainText('A paragraph from the Word draft.');
	await author.context().close();
	await head.context().close();
});
