import { getContext, setContext } from 'svelte';
import type { TextLanguage } from '$lib/vocabulary';

const KEY = Symbol('the language of the strategy text');

/** Lets every part of a strategy's page mark words of its text with the language it is written in (SPEC.md [L6]). */
export function provideTextLanguage(language: () => TextLanguage): void {
	setContext(KEY, language);
}

/** The language of the strategy's text, for `lang` on the words quoted from it. */
export function textLanguage(): () => TextLanguage {
	return getContext<(() => TextLanguage) | undefined>(KEY) ?? (() => 'en');
}
