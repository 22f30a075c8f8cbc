import { locales, type Locale } from '$lib/paraglide/runtime.js';

/**
 * Serbian is written in two scripts and browsers seldom say which: a tag that names the script
 * gets it; otherwise Montenegro's (`sr-ME`) gets Latin and every other Serbian Cyrillic, the
 * script of Serbia's official use.
 */
function serbian(subtags: string[]): Locale {
	if (subtags.includes('latn')) return 'sr-Latn';
	if (subtags.includes('cyrl')) return 'sr-Cyrl';
	return subtags.includes('me') ? 'sr-Latn' : 'sr-Cyrl';
}

/**
 * The interface language a browser's `Accept-Language` asks for (SPEC.md [L1]): its languages
 * in order of preference, each matched by full tag, then by language. Paraglide's own
 * negotiation matches `sr-RS` to neither Serbian.
 */
export function localeFromAcceptLanguage(header: string | null): Locale | undefined {
	if (!header) return undefined;
	const wanted = header
		.split(',')
		.map((entry, order) => {
			const [tag = '', ...parameters] = entry.split(';').map((part) => part.trim());
			const quality = parameters.find((parameter) => parameter.startsWith('q='));
			return { tag: tag.toLowerCase(), q: quality ? Number(quality.slice(2)) : 1, order };
		})
		.filter(({ tag, q }) => tag !== '' && tag !== '*' && q > 0)
		.sort((a, b) => b.q - a.q || a.order - b.order);
	for (const { tag } of wanted) {
		const subtags = tag.split('-');
		if (subtags[0] === 'sr') return serbian(subtags);
		const match = locales.find((locale) => locale.toLowerCase() === tag) ?? locales.find((locale) => locale.toLowerCase() === subtags[0]);
		if (match) return match;
	}
	return undefined;
}
