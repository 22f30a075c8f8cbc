import fs from 'node:fs';
import path from 'node:path';

type Messages = Record<string, unknown>;

/** The `{placeholders}` a message uses, in any of its variants. */
function placeholders(message: unknown): string[] {
	const text = JSON.stringify(message);
	return [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!))].sort();
}

/**
 * Every problem that would make some language show a key or a broken sentence: a message
 * missing from a locale, one the base locale does not have, or placeholders that differ.
 * The build fails on any of them (vite.config.ts), and so does `npm test`.
 */
export function translationProblems(projectRoot: string): string[] {
	const settings = JSON.parse(fs.readFileSync(path.join(projectRoot, 'project.inlang', 'settings.json'), 'utf8')) as {
		baseLocale: string;
		locales: string[];
	};
	const read = (locale: string): Messages =>
		JSON.parse(fs.readFileSync(path.join(projectRoot, 'messages', `${locale}.json`), 'utf8')) as Messages;
	const base = read(settings.baseLocale);
	const keys = Object.keys(base).filter((key) => key !== '$schema');
	const problems: string[] = [];
	for (const locale of settings.locales.filter((l) => l !== settings.baseLocale)) {
		let messages: Messages;
		try {
			messages = read(locale);
		} catch (error) {
			problems.push(`${locale}: cannot read messages/${locale}.json (${(error as Error).message})`);
			continue;
		}
		for (const key of keys) {
			if (!(key in messages) || messages[key] === '') problems.push(`${locale}: missing "${key}"`);
			else if (placeholders(messages[key]).join() !== placeholders(base[key]).join()) {
				problems.push(`${locale}: "${key}" uses {${placeholders(messages[key]).join('}, {')}} instead of {${placeholders(base[key]).join('}, {')}}`);
			}
		}
		for (const key of Object.keys(messages)) {
			if (key !== '$schema' && !(key in base)) problems.push(`${locale}: "${key}" is not in ${settings.baseLocale}.json`);
		}
	}
	return problems;
}
