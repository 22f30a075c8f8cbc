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

	await head.getByRole('button', { name: 'Sign', exact: true }).click();
	const sign = head.getByRole('dialog', { name: 'Sign' });
	await sign.getByLabel('Statement (optional)').fill('Signed at the Final Consultation Event, Vienna, 29–30 September 2005');
	await sign.getByLabel('Your password, to confirm').fill(E2E_PASSWORD);
	await sign.getByRole('button', { name: 'Sign' }).click();
	await expect(head.getByRole('status').filter({ hasText: 'The strategy is signed.' })).toBeVisible();
	await expect(head.getByRole('region', { name: 'Lock and signatures' })).toContainText('Dragan Petrović');
	await expect(head.getByText('Signed', { exact: true }).first()).toBeVisible();

	const [download] = await Promise.all([head.waitForEvent('download'), head.getByRole('link', { name: 'Word' }).click()]);
	expect(download.suggestedFilename()).toBe('cs-migration.docx');
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
