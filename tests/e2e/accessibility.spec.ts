import { expect, test } from '@playwright/test';
import { seriousViolations, signInAs } from './helpers';
import mk from '../../messages/mk.json' with { type: 'json' };

for (const locale of ['en', 'mk'] as const) {
	test.describe(`every page passes axe in ${locale}`, () => {
		test.use({ locale });
		// Each of these runs axe on many pages in turn.
		test.describe.configure({ timeout: 90_000 });

		test(`[L4] public pages (${locale})`, async ({ page }) => {
			await page.goto('/login');
			await expect(page.locator('html')).toHaveAttribute('lang', locale);
			expect(await seriousViolations(page)).toEqual([]);
			
			await page.goto('/set-password/aaaaaaaaaaaaaaaaaaaaaaaa.bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb');
			expect(await seriousViolations(page)).toEqual([]);
		});

		test(`[L4] strategy pages (${locale})`, async ({ page }) => {
			await signInAs(page, 'head.al@demo.local', undefined, locale);
			expect(await seriousViolations(page)).toEqual([]);
			await page.goto('/strategies/al-migration');
			await expect(page.locator('.ProseMirror')).toBeVisible();
			expect(await seriousViolations(page)).toEqual([]);
			for (const tab of await page.getByRole('tab').all()) {
				await tab.click();
				expect(await seriousViolations(page)).toEqual([]);
			}
			await page.goto('/strategies/hr-migration');
			expect(await seriousViolations(page)).toEqual([]);
			await page.goto('/strategies/al-migration/history');
			await page.locator('#snapshot-name').fill('Axe check');
			await page.locator('main form button[type=submit]').first().click();
			await expect(page.getByRole('status')).toBeVisible();
			expect(await seriousViolations(page)).toEqual([]);
			await page.locator('.timeline a.name').first().click();
			expect(await seriousViolations(page)).toEqual([]);
			await page.goto(`${page.url().replace(/\/history\/\d+$/, '')}/history/compare?from=${page.url().split('/').pop()}&to=current`);
			expect(await seriousViolations(page)).toEqual([]);
			await page.goto('/benchmarks');
			expect(await seriousViolations(page)).toEqual([]);
			await page.goto('/matrix');
			expect(await seriousViolations(page)).toEqual([]);
		});

		test(`[L4] administration pages (${locale})`, async ({ page }) => {
			await signInAs(page, 'admin@demo.local', undefined, locale);
			await page.goto('/admin/users');
			expect(await seriousViolations(page)).toEqual([]);
			await page.locator('a[href^="/admin/users/"]').first().click();
			await expect(page).toHaveURL(/\/admin\/users\/\d+$/);
			expect(await seriousViolations(page)).toEqual([]);
			await page.goto('/admin/sessions');
			expect(await seriousViolations(page)).toEqual([]);
			await page.goto('/audit');
			expect(await seriousViolations(page)).toEqual([]);
			await page.goto('/strategies/hr-visa/verify');
			expect(await seriousViolations(page)).toEqual([]);
		});
	});
}

test.describe('keyboard only', () => {
	test.use({ locale: 'mk' });

	test('[L4] a Macedonian author signs in, opens a strategy and changes the language with the keyboard alone', async ({ page }) => {
		await page.goto('/login');
		await page.keyboard.press('Tab');
		await expect(page.getByRole('link', { name: mk.skip_to_content })).toBeFocused();
		await page.locator('#email').focus();
		await page.keyboard.type('author.mk@demo.local');
		await page.keyboard.press('Tab');
		await page.keyboard.type('correct horse battery staple 2005');
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(/\/strategies$/);
		await expect(page.getByRole('heading', { level: 2, name: mk.delegation_mk })).toBeVisible();

		const strategy = page.getByRole('link', { name: 'National EU Alignment Strategy — Asylum (North Macedonia)' });
		await strategy.focus();
		await expect(strategy).toBeFocused();
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(/\/strategies\/mk-asylum$/);

		await page.locator('summary').filter({ hasText: 'Македонски' }).focus();
		await page.keyboard.press('Enter');
		const english = page.getByRole('button', { name: 'English' });
		await english.focus();
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(/\/strategies\/mk-asylum$/);
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toContainText('North Macedonia');
	});
});
