import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { translationProblems } from '../../src/lib/i18n/completeness';

const ROOT = path.resolve(import.meta.dirname, '../..');

function project(messages: Record<string, Record<string, unknown>>): string {
	const root = fs.mkdtempSync(path.join(os.tmpdir(), 'acquis-i18n-'));
	fs.mkdirSync(path.join(root, 'project.inlang'));
	fs.mkdirSync(path.join(root, 'messages'));
	fs.writeFileSync(
		path.join(root, 'project.inlang', 'settings.json'),
		JSON.stringify({ baseLocale: 'en', locales: Object.keys(messages) })
	);
	for (const [locale, content] of Object.entries(messages)) {
		fs.writeFileSync(path.join(root, 'messages', `${locale}.json`), JSON.stringify(content));
	}
	return root;
}

describe('translations', () => {
	it('[L2] every language has every message with the same placeholders', () => {
		expect(translationProblems(ROOT)).toEqual([]);
	});

	it('[L2] a missing message, an extra one or a changed placeholder is reported (and fails the build)', () => {
		const root = project({
			en: { greet: 'Hello {name}', bye: 'Bye' },
			mk: { greet: 'Здраво {ime}', extra: 'x' }
		});
		expect(translationProblems(root)).toEqual([
			'mk: "greet" uses {ime} instead of {name}',
			'mk: missing "bye"',
			'mk: "extra" is not in en.json'
		]);
	});

	it('[L2] no language file is a copy of English', () => {
		const english = fs.readFileSync(path.join(ROOT, 'messages', 'en.json'), 'utf8');
		for (const locale of ['sq', 'bs', 'hr', 'mk', 'sr-Latn', 'sr-Cyrl']) {
			expect(fs.readFileSync(path.join(ROOT, 'messages', `${locale}.json`), 'utf8')).not.toBe(english);
		}
	});
});
