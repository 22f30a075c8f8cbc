import { expect, test, type Page } from '@playwright/test';
import { E2E_PASSWORD } from '../../playwright.config';
import { openStrategy, selectPhrase, signInAs } from './helpers';

// Every control here is reached and used from the keyboard (locator.press focuses it, then presses),
// and every check is where the focus is afterwards: what a keyboard or screen-reader user notices.

/** Words put in the strategy page's live region, for a screen reader to read out. */
const saidAloud = (page: Page, words: string) => page.locator('[aria-live="polite"]').getByText(words, { exact: true });

test('[L5] the catalogue: Edit, Cancel and Save keep the focus on the benchmark, a retired one hands it to the next, a search keeps it', async ({ page }) => {
	await signInAs(page, 'admin@demo.local');
	await page.goto('/benchmarks');
	const card = (code: string) => page.locator('.catalogue > li').filter({ has: page.getByRole('heading', { name: new RegExp(`^${code} `) }) });
	const edit = card('MIG-10').getByRole('button', { name: 'Edit' });

	await edit.press('Enter');
	await expect(page.getByLabel('Code', { exact: true })).toBeFocused();
	await page.getByRole('button', { name: 'Cancel' }).press('Enter');
	await expect(edit).toBeFocused();

	await edit.press('Enter');
	await page.getByRole('button', { name: 'Save' }).press('Enter');
	await expect(page.getByRole('status').filter({ hasText: 'Benchmark saved.' })).toBeVisible();
	await expect(edit).toBeFocused();

	const create = page.getByRole('button', { name: 'New benchmark' });
	await create.press('Enter');
	await expect(page.getByLabel('Code', { exact: true })).toBeFocused();
	await page.getByRole('button', { name: 'Cancel' }).press('Enter');
	await expect(create).toBeFocused();

	// Retired benchmarks leave the list: the focus goes to the one that took its place.
	await card('MIG-10').getByRole('button', { name: 'Retire' }).press('Enter');
	await expect(card('MIG-10')).toHaveCount(0);
	await expect(card('MIG-11')).toBeFocused();

	await page.getByLabel('Show retired benchmarks').press('Space');
	const search = page.getByRole('button', { name: 'Search', exact: true });
	await search.press('Enter');
	await expect(page).toHaveURL(/retired=on/);
	await expect(card('MIG-10')).toBeVisible();
	await expect(search).toBeFocused();
	await card('MIG-10').getByRole('button', { name: 'Bring back' }).press('Enter');
	await expect(card('MIG-10').getByRole('button', { name: 'Retire' })).toBeFocused();
});

// cs-visa is locked, signed and restored by these tests alone; in order, since a locked text refuses a restore.
test.describe('a strategy changing state', () => {
	test.describe.configure({ mode: 'serial' });

	test('[L5] a snapshot taken and a version restored put the focus on the message that says so; a cancelled restore returns it', async ({ page }) => {
		const name = `Focus check ${Date.now().toString(36)}`;
		await signInAs(page, 'author.cs@demo.local');
		await page.goto('/strategies/cs-visa/history');
		await page.getByLabel('Name of the snapshot').fill(name);
		await page.getByRole('button', { name: 'Take a snapshot' }).press('Enter');
		await expect(page.getByRole('status').filter({ hasText: `Snapshot “${name}” taken.` })).toBeFocused();

		await page.getByRole('link', { name }).press('Enter');
		const restore = page.getByRole('button', { name: 'Restore this version' });
		await restore.press('Enter');
		const dialog = page.getByRole('dialog', { name: 'Restore this version' });
		await dialog.getByRole('button', { name: 'Cancel' }).press('Enter');
		await expect(restore).toBeFocused();
		await restore.press('Enter');
		await dialog.getByRole('button', { name: 'Restore', exact: true }).press('Enter');
		await expect(page).toHaveURL(/\/strategies\/cs-visa\?restored=/);
		await expect(page.getByRole('status').filter({ hasText: 'The version was restored.' })).toBeFocused();
	});

	test('[L5] locking, signing and unlocking put the focus on the message that says so; a cancelled dialog returns it to its button', async ({ browser }) => {
		const head = await openStrategy(browser, 'head.cs@demo.local', 'cs-visa');
		const lockButton = head.getByRole('button', { name: 'Lock for signing' });
		await lockButton.press('Enter');
		const lock = head.getByRole('dialog', { name: 'Lock for signing' });
		await expect(lock.getByLabel('Name of the version (optional)')).toBeFocused();
		await lock.getByRole('button', { name: 'Cancel' }).press('Enter');
		await expect(lockButton).toBeFocused();

		await lockButton.press('Enter');
		await lock.getByLabel('Your password, to confirm').fill(E2E_PASSWORD);
		await lock.getByRole('button', { name: 'Lock for signing' }).press('Enter');
		await expect(head.getByRole('status').filter({ hasText: 'The strategy is locked for signing.' })).toBeFocused();

		const signButton = head.getByRole('button', { name: 'Sign', exact: true });
		await signButton.press('Enter');
		await head.keyboard.press('Escape');
		await expect(signButton).toBeFocused();
		await signButton.press('Enter');
		const sign = head.getByRole('dialog', { name: 'Sign' });
		await sign.getByLabel('Your password, to confirm').fill(E2E_PASSWORD);
		await sign.getByRole('button', { name: 'Sign' }).press('Enter');
		await expect(head.getByRole('status').filter({ hasText: 'The strategy is signed.' })).toBeFocused();

		await head.getByRole('button', { name: 'Unlock' }).press('Enter');
		const unlock = head.getByRole('dialog', { name: 'Unlock' });
		await unlock.getByLabel('Reason for unlocking').fill('Checking where the focus goes.');
		await unlock.getByLabel('Your password, to confirm').fill(E2E_PASSWORD);
		await unlock.getByRole('button', { name: 'Unlock' }).press('Enter');
		await expect(head.getByRole('status').filter({ hasText: 'The strategy is unlocked' })).toBeFocused();
		await head.context().close();
	});
});

test('[L5] comments: posting, editing, deleting and resolving keep the focus in the thread or move it to the next one', async ({ browser }) => {
	const run = Date.now().toString(36);
	const author = await openStrategy(browser, 'author.hr@demo.local', 'hr-asylum');
	await author.getByRole('tab', { name: /Comments/ }).press('Enter');
	const panel = author.getByRole('tabpanel');
	const composer = panel.getByLabel('Your comment (type @ to mention someone)').first();

	// Choosing the whole strategy again takes away the button just used: the focus goes to the comment box.
	await selectPhrase(author, '2.3 Statistics');
	await panel.getByRole('button', { name: 'Use the selected passage' }).press('Enter');
	await panel.getByRole('button', { name: 'Comment on the whole strategy instead' }).press('Enter');
	await expect(composer).toBeFocused();

	for (const which of ['First', 'Second']) {
		await composer.fill(`${which} focus check ${run}`);
		await panel.getByRole('button', { name: 'Post comment' }).press('Enter');
		await expect(panel.getByRole('listitem').filter({ hasText: `${which} focus check ${run}` })).toBeVisible();
		await expect(composer).toBeFocused();
		await expect(saidAloud(author, 'Comment posted.')).toBeAttached();
	}
	// By their ids: a thread being edited shows its words in a text box, not as text.
	const thread = async (words: string) => panel.locator(`#${await panel.getByRole('listitem').filter({ hasText: words }).getAttribute('id')}`);
	const first = await thread(`First focus check ${run}`);
	const second = await thread(`Second focus check ${run}`);

	const edit = first.getByRole('button', { name: 'Edit' });
	await edit.press('Enter');
	const box = first.getByLabel('Your comment (type @ to mention someone)');
	await expect(box).toBeFocused();
	await first.getByRole('button', { name: 'Cancel' }).press('Enter');
	await expect(edit).toBeFocused();
	await edit.press('Enter');
	await box.fill(`First focus check ${run}, edited`);
	await first.getByRole('button', { name: 'Save' }).press('Enter');
	await expect(first).toContainText('edited');
	await expect(edit).toBeFocused();
	await expect(saidAloud(author, 'Comment saved.')).toBeAttached();

	const reply = second.getByLabel('Reply (type @ to mention someone)');
	await reply.fill(`A reply ${run}`);
	await second.getByRole('button', { name: 'Reply', exact: true }).press('Enter');
	await expect(second).toContainText(`A reply ${run}`);
	await expect(reply).toBeFocused();
	await second.locator('.reply').getByRole('button', { name: 'Delete' }).press('Enter');
	await expect(second.locator('.reply').getByText('Comment deleted.')).toBeFocused();

	// A resolved thread leaves the list: the focus goes to the thread after it, and from the last one to the panel.
	await first.getByRole('button', { name: 'Resolve' }).press('Enter');
	await expect(first).toHaveCount(0);
	await expect(second).toBeFocused();
	await expect(saidAloud(author, 'Thread resolved.')).toBeAttached();
	await second.getByRole('button', { name: 'Resolve' }).press('Enter');
	await expect(second).toHaveCount(0);
	await expect(panel).toBeFocused();
	await author.context().close();
});

test('[L5] benchmark links: the dialog, Edit, Cancel and Save keep the focus on their buttons, a deleted link hands it to the next', async ({ browser }) => {
	const run = Date.now().toString(36);
	const author = await openStrategy(browser, 'author.hr@demo.local', 'hr-asylum');
	const linkButton = author.getByRole('button', { name: 'Link to benchmark' });
	const panel = author.getByRole('tabpanel');
	for (const [phrase, code] of [
		['2.1 Legal framework', 'ASY-03'],
		['2.2 Institutional framework', 'ASY-04']
	] as const) {
		await selectPhrase(author, phrase);
		await linkButton.press('Enter');
		const dialog = author.getByRole('dialog', { name: 'Link the passage to a benchmark' });
		await dialog.getByLabel('Search benchmarks').fill(code);
		await dialog.getByRole('radio', { name: new RegExp(code) }).press('Space');
		await dialog.getByLabel('Note').fill(`Focus check ${run}`);
		await dialog.getByRole('button', { name: 'Link', exact: true }).press('Enter');
		await expect(dialog).toBeHidden();
		await expect(linkButton).toBeFocused();
		await expect(saidAloud(author, 'Benchmark link saved.')).toBeAttached();
		await expect(panel.getByRole('listitem').filter({ hasText: code })).toContainText(run);
	}
	// Only this test links hr-asylum's text, and it deletes its links again.
	const entry = (code: string) => panel.getByRole('listitem').filter({ hasText: code });

	const edit = entry('ASY-03').getByRole('button', { name: 'Edit' });
	await edit.press('Enter');
	await expect(entry('ASY-03').getByLabel('Assessment')).toBeFocused();
	await entry('ASY-03').getByRole('button', { name: 'Cancel' }).press('Enter');
	await expect(edit).toBeFocused();
	await edit.press('Enter');
	await entry('ASY-03').getByLabel('Assessment').selectOption({ label: 'Aligned' });
	await entry('ASY-03').getByRole('button', { name: 'Save' }).press('Enter');
	await expect(entry('ASY-03')).toContainText('Aligned');
	await expect(edit).toBeFocused();
	await expect(saidAloud(author, 'Benchmark link saved.')).toBeAttached();

	await entry('ASY-03').getByRole('button', { name: 'Delete' }).press('Enter');
	await expect(entry('ASY-03')).toHaveCount(0);
	await expect(entry('ASY-04')).toBeFocused();
	await expect(saidAloud(author, 'Benchmark link deleted.')).toBeAttached();
	await entry('ASY-04').getByRole('button', { name: 'Delete' }).press('Enter');
	await expect(entry('ASY-04')).toHaveCount(0);
	await expect(panel).toBeFocused();
	await author.context().close();
});

test('[L5] an administrator’s changes to an account put the focus on the message that says what happened', async ({ page }) => {
	const run = Date.now().toString(36);
	await signInAs(page, 'admin@demo.local');
	await page.goto('/admin/users');
	await page.getByLabel('Name', { exact: true }).fill(`Focus Check ${run}`);
	await page.getByLabel('E-mail address').fill(`focus.${run}@example.org`);
	await page.getByRole('button', { name: 'Create and get a password link' }).press('Enter');
	await expect(page.getByRole('status').filter({ hasText: `Account created for focus.${run}@example.org` })).toBeFocused();

	await page.getByRole('link', { name: `Focus Check ${run}` }).press('Enter');
	await expect(page.getByRole('heading', { level: 1, name: `Focus Check ${run}` })).toBeVisible();
	await page.getByLabel('Role', { exact: true }).selectOption('observer');
	await page.getByRole('button', { name: 'Add role' }).press('Enter');
	await expect(page.getByRole('status').filter({ hasText: 'Role granted.' })).toBeFocused();
	// The button pressed goes with the role.
	await page.getByRole('button', { name: /^Remove the role/ }).press('Enter');
	await expect(page.getByRole('status').filter({ hasText: 'Role removed.' })).toBeFocused();
	await page.getByRole('button', { name: 'Create a set-password link' }).press('Enter');
	await expect(page.getByRole('status').filter({ hasText: 'New one-time link' })).toBeFocused();
	await page.getByRole('button', { name: 'Deactivate account' }).press('Enter');
	await expect(page.getByRole('status').filter({ hasText: 'Account deactivated' })).toBeFocused();
	await page.getByRole('button', { name: 'Reactivate account' }).press('Enter');
	await expect(page.getByRole('status').filter({ hasText: 'Account reactivated.' })).toBeFocused();
});

test('[L5] a form sent before the page’s scripts have started puts the focus on its message as soon as they start', async ({ page }) => {
	const run = Date.now().toString(36);
	await signInAs(page, 'admin@demo.local');
	// The page's scripts are held back, as on a slow network, so Enter sends the form as plain HTML.
	let release!: () => void;
	const released = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/_app/immutable/**', async (route) => {
		await released;
		await route.continue();
	});
	await page.goto('/admin/users', { waitUntil: 'commit' });
	await page.getByLabel('Name', { exact: true }).fill(`Early Sender ${run}`);
	await page.getByLabel('E-mail address').fill(`early.${run}@example.org`);
	await page.getByRole('button', { name: 'Create and get a password link' }).press('Enter');
	await expect(page).toHaveURL(/\?\/create$/);
	const outcome = page.getByRole('status').filter({ hasText: `Account created for early.${run}@example.org` });
	await expect(outcome).toBeVisible();
	release();
	await expect(outcome).toBeFocused();
});

