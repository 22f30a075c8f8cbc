import { tick } from 'svelte';
import type { SubmitFunction } from '@sveltejs/kit';

/** An element, or a CSS selector looked up once the page is redrawn (when the element does not exist yet). */
export type FocusTarget = HTMLElement | string | null | undefined;

/**
 * Puts the focus on the first of `targets` that is in the page once Svelte has drawn the latest change.
 *
 * For when the control a person just used goes away: an editor closes, an item leaves its list, a
 * button gives way to another. The browser then drops the focus on <body>, and a keyboard or
 * screen-reader user has to start again from the top of the page (SPEC.md [L5]).
 */
export async function moveFocus(...targets: FocusTarget[]): Promise<void> {
	await tick();
	for (const target of targets) {
		const element = typeof target === 'string' ? document.querySelector<HTMLElement>(target) : target;
		if (element?.isConnected) {
			element.focus();
			return;
		}
	}
}

/**
 * `use:enhance` for a form whose result is a message on the page, `<p id="outcome" tabindex="-1">`:
 * the focus goes to that message, which reads it out, or stays on the button that sent the form
 * when there is none (a refusal is an alert, read out by itself). SvelteKit's `applyAction` would
 * put it on <body> after every success, as after a navigation. `onsuccess` runs first, e.g. to
 * close the dialog the form is in.
 */
export function focusOutcome(onsuccess?: () => void): SubmitFunction {
	return ({ submitter }) =>
		async ({ update, result }) => {
			await update();
			if (result.type !== 'success' && result.type !== 'failure') return;
			if (result.type === 'success') onsuccess?.();
			await moveFocus('#outcome', submitter);
		};
}
