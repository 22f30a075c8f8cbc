import AxeBuilder from '@axe-core/playwright';
import { expect, type Browser, type Page } from '@playwright/test';
import { E2E_PASSWORD } from '../../playwright.config';

/** Signs in through the form, as a person would, and waits for the strategies overview. */
export async function signInAs(page: Page, email: string, password = E2E_PASSWORD, locale: string = 'en'): Promise<void> {
	await page.goto('/login');
	await expect(page.locator('html')).toHaveAttribute('lang', locale);
	await page.locator('#email').fill(email);
	await page.locator('#password').fill(password);
	await page.locator('main form button[type=submit]').click();
	await expect(page).toHaveURL(/\/strategies$/);
}

/** A signed-in person with a strategy open, in a browser context of their own, once the live editor has loaded. */
export async function openStrategy(browser: Browser, email: string, strategyId: string): Promise<Page> {
	const page = await (await browser.newContext()).newPage();
	await signInAs(page, email);
	await page.goto(`/strategies/${strategyId}`);
	await expect(page.locator('.ProseMirror')).toBeVisible();
	return page;
}

/** Serious and critical WCAG 2.1 A/AA violations on the page as it stands. */
export async function seriousViolations(page: Page): Promise<string[]> {
	const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
	return results.violations
		.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
		.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`);
}

/**
 * Puts the caret just before or just after a phrase, or at the start of the block below the
 * one that holds it, as a click there would, and waits until the editor itself holds it. Keys
 * that move the caret are left to the browser, and the editor learns where it went a moment
 * later: a remote change or a highlight redrawn meanwhile can put back the caret it last knew,
 * and Chromium, given a selection that starts at a highlight's edge, now and then keeps the
 * selection on ArrowRight (Enter then replaced the selected words).
 */
export async function placeCaret(page: Page, phrase: string, side: 'before' | 'after' | 'below') {
	const editor = page.locator('.ProseMirror');
	const held = () =>
		editor.evaluate(
			(root, [wanted, side]) => {
				const view = (root as HTMLElement & { editor: { view: import('@tiptap/pm/view').EditorView } }).editor.view;
				const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
				for (let node = walker.nextNode(); node; node = walker.nextNode()) {
					const at = node.textContent!.indexOf(wanted!);
					if (at < 0) continue;
					const [target, offset] =
						side === 'below' ? [node.parentElement!.closest('.ProseMirror > *')!.nextElementSibling!, 0] : [node, side === 'after' ? at + wanted!.length : at];
					const { selection } = view.state;
					if (view.hasFocus() && selection.empty && selection.from === view.posAtDOM(target, offset)) return true;
					view.focus();
					getSelection()!.collapse(target, offset);
					return false;
				}
				throw new Error(`"${wanted}" is not in the text`);
			},
			[phrase, side]
		);
	await expect.poll(held, { intervals: [50, 100, 250] }).toBe(true);
}

/** Selects a phrase in the editor, as a mouse or Shift+arrows would. */
export async function selectPhrase(page: Page, phrase: string) {
	await page.locator('.ProseMirror').evaluate((root, wanted) => {
		const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			const at = node.textContent!.indexOf(wanted);
			if (at < 0) continue;
			const range = document.createRange();
			range.setStart(node, at);
			range.setEnd(node, at + wanted.length);
			getSelection()!.removeAllRanges();
			getSelection()!.addRange(range);
			return;
		}
		throw new Error(`"${wanted}" is not in the text`);
	}, phrase);
}
