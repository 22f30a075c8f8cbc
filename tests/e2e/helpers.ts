import { expect, type Page } from '@playwright/test';
import { E2E_PASSWORD } from '../../playwright.config';

/** Signs in through the form, as a person would, and waits for the strategies overview. */
export async function signInAs(page: Page, email: string, password = E2E_PASSWORD): Promise<void> {
	await page.goto('/login');
	await page.getByLabel('E-mail address').fill(email);
	await page.getByLabel('Password').fill(password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page).toHaveURL(/\/strategies$/);
}
