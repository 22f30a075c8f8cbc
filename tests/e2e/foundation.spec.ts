import { expect, test } from '@playwright/test';
import { signInAs } from './helpers';

test.describe('signing in and seeing one’s strategies', () => {
	test('[P1] an author of Albania sees the three Albanian strategies and reads one', async ({ page }) => {
		await signInAs(page, 'author.al@demo.local');
		await expect(page.getByRole('heading', { level: 2 })).toHaveText(['Albania']);
		const cards = page.getByRole('link', { name: /National EU Alignment Strategy/ });
		await expect(cards).toHaveText([
			'National EU Alignment Strategy — Migration (Albania)',
			'National EU Alignment Strategy — Asylum (Albania)',
			'National EU Alignment Strategy — Visa (Albania)'
		]);
		await page.getByRole('link', { name: 'National EU Alignment Strategy — Asylum (Albania)' }).click();
		// The page's own title is hidden for screen readers; the reader sees the title in the text.
		const text = page.getByRole('textbox', { name: 'Strategy text' });
		await expect(text.getByRole('heading', { level: 1, name: 'National EU Alignment Strategy — Asylum (Albania)' })).toBeVisible();
		await expect(text.getByRole('heading', { name: '5 Implementation action plan' })).toBeVisible();
		await expect(text.getByRole('columnheader', { name: 'Responsible institution' })).toBeVisible();
	});

	test('[P1] the author is refused another delegation’s strategy', async ({ page }) => {
		await signInAs(page, 'author.al@demo.local');
		const response = await page.goto('/strategies/hr-asylum');
		expect(response?.status()).toBe(403);
		await expect(page.getByRole('heading', { name: 'Not allowed' })).toBeVisible();
		await expect(page.getByText('Asylum (Croatia)')).toHaveCount(0);
	});

	test('[P1] an expert sees their module in all five delegations', async ({ page }) => {
		await signInAs(page, 'expert.asylum@demo.local');
		await expect(page.getByRole('heading', { level: 2 })).toHaveCount(5);
		await expect(page.getByRole('link', { name: /National EU Alignment Strategy — Asylum/ })).toHaveCount(5);
		await expect(page.getByRole('link', { name: /Migration|Visa/ })).toHaveCount(0);
	});

	test('[P1] the observer sees all fifteen strategies and no administration', async ({ page }) => {
		await signInAs(page, 'observer@demo.local');
		await expect(page.getByRole('link', { name: /National EU Alignment Strategy/ })).toHaveCount(15);
		await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' })).toHaveCount(0);
		expect((await page.goto('/admin/users'))?.status()).toBe(403);
	});

	test('[A4] a wrong password is refused on the page and the e-mail stays filled in', async ({ page }) => {
		await page.goto('/login');
		await page.getByLabel('E-mail address').fill('head.cs@demo.local');
		await page.getByLabel('Password').fill('not the right password');
		await page.getByRole('button', { name: 'Sign in' }).click();
		await expect(page.getByRole('alert')).toHaveText('The e-mail address or the password is not right.');
		await expect(page.getByLabel('E-mail address')).toHaveValue('head.cs@demo.local');
		await expect(page).toHaveURL(/\/login$/);
	});

	test('[A3] signing out returns to the sign-in page and the strategies are closed', async ({ page }) => {
		await signInAs(page, 'head.mk@demo.local');
		await page.getByRole('button', { name: 'Sign out' }).click();
		await expect(page).toHaveURL(/\/login$/);
		await page.goto('/strategies');
		await expect(page).toHaveURL(/\/login\?next=%2Fstrategies$/);
	});
});

test.describe('administration', () => {
	test('[P6] an admin creates an account; the person sets a password by the link and sees their strategies', async ({ page, browser }) => {
		await signInAs(page, 'admin@demo.local');
		await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).click();
		await page.getByLabel('Name').fill('Lejla Begić');
		await page.getByLabel('E-mail address').fill('lejla.begic@msb.gov.ba');
		await page.getByLabel('Role').selectOption('head');
		await page.getByLabel('Delegation').selectOption('ba');
		await page.getByRole('button', { name: 'Create and get a password link' }).click();
		const link = await page.getByLabel('Set-password link').inputValue();
		expect(link).toMatch(/\/set-password\//);
		await expect(page.getByRole('link', { name: 'Lejla Begić' })).toBeVisible();

		const newcomer = await browser.newPage();
		await newcomer.goto(link);
		await newcomer.getByLabel('New password').fill('sarajevo spring 2005');
		await newcomer.getByLabel('Repeat the password').fill('sarajevo spring 2005');
		await newcomer.getByRole('button', { name: 'Set password' }).click();
		await expect(newcomer.getByRole('status')).toContainText('Your password is set');
		await signInAs(newcomer, 'lejla.begic@msb.gov.ba', 'sarajevo spring 2005');
		await expect(newcomer.getByRole('link', { name: /National EU Alignment Strategy/ })).toHaveCount(3);
		await expect(newcomer.getByText('Head of delegation · Bosnia and Herzegovina')).toBeVisible();
		await newcomer.close();
	});
});
