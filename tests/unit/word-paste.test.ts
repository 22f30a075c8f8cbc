// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { listsFromWord } from '../../src/lib/editor/word-paste';

/** A list paragraph as Word writes it: its list and level in its style, its marker and spacing in a span Word skips. */
function item(level: number, list: number, marker: string, text: string): string {
	return (
		`<p class=MsoListParagraphCxSpMiddle style='margin-left:${level * 36}.0pt;text-indent:-18.0pt;mso-list:l0 level${level} lfo${list}'>` +
		`<![if !supportLists]><span style='font-family:Symbol'><span style='mso-list:Ignore'>${marker}` +
		`<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]>${text}<o:p></o:p></p>\n`
	);
}

/**
 * The pasted blocks in short: `ul(a ol[3](b))` is a bullet list whose item "a" holds a list
 * numbered from 3; `ol<a>` is lettered a., b., c.; `ol<a)>` a), b), c); `ol<()>` (1), (2), (3).
 */
function outline(html: string): string {
	const describe = (element: Element): string => {
		if (element.tagName === 'UL' || element.tagName === 'OL') {
			const start = element.getAttribute('start');
			const punctuation = { paren: ')', parens: '()' }[/-(parens?);?$/.exec(element.getAttribute('style') ?? '')?.[1] ?? ''] ?? '';
			const numbering = `${element.getAttribute('type') ?? ''}${punctuation}`;
			return `${element.tagName.toLowerCase()}${numbering ? `<${numbering}>` : ''}${start ? `[${start}]` : ''}(${[...element.children].map(describe).join(' ')})`;
		}
		if (element.tagName === 'LI') return [...element.children].map(describe).join(' ');
		return element.textContent!.replace(/\s+/g, ' ').trim();
	};
	return [...new DOMParser().parseFromString(html, 'text/html').body.children].map(describe).join(' ');
}

describe('listsFromWord', () => {
	it('[G8] Word list paragraphs become lists nested by level, without their markers', () => {
		const html = item(1, 1, '·', 'a') + item(2, 1, 'o', 'b') + item(3, 1, '§', 'c') + item(1, 1, '·', 'd');
		expect(outline(listsFromWord(html))).toBe('ul(a ul(b ul(c)) d)');
	});

	it('[G8] a paragraph, or another of Word’s lists, between list paragraphs starts a new list', () => {
		const html = item(1, 1, '·', 'a') + '<p class=MsoNormal>between</p>' + item(1, 1, '·', 'b') + item(1, 2, '·', 'c');
		expect(outline(listsFromWord(html))).toBe('ul(a) between ul(b) ul(c)');
	});

	it('[G8] numbers and letters make numbered lists that start where their marker does and number and punctuate as it does; bullets, letters among them, stay bullets', () => {
		const starts = ['1.', '3.', '1.2.', '(4)', '2)', 'c)', '(b)', 'iv.', '(iv)', 'v.', 'I.', 'II)', 'B.'].map((marker, index) => item(1, index + 1, marker, marker));
		expect(outline(listsFromWord(starts.join('')))).toBe(
			'ol(1.) ol[3](3.) ol[2](1.2.) ol<()>[4]((4)) ol<)>[2](2)) ol<a)>[3](c)) ol<a()>[2]((b)) ol<i>[4](iv.) ol<i()>[4]((iv)) ol<i>[5](v.) ol<I>(I.) ol<I)>[2](II)) ol<A>[2](B.)'
		);

		const bullets = ['o', 'q', 'Ø', '-', '–', '•', 'ü'].map((marker, index) => item(1, index + 1, marker, marker));
		expect(outline(listsFromWord(bullets.join('')))).toBe('ul(o) ul(q) ul(Ø) ul(-) ul(–) ul(•) ul(ü)');
	});

	it('[G8] the marker goes whether Word wrote its comments as <![if …]> or <!--[if …]-->, or lost them', () => {
		const word = item(1, 1, '1.', 'first');
		const commented = word.replace('<![if !supportLists]>', '<!--[if !supportLists]-->').replace('<![endif]>', '<!--[endif]-->');
		const bare = word.replace('<![if !supportLists]>', '').replace('<![endif]>', '');
		for (const html of [word, commented, bare]) expect(outline(listsFromWord(html))).toBe('ol(first)');
	});

	it('[G8] list paragraphs in table cells become lists inside their cells', () => {
		const html = `<table><tr><td>${item(1, 1, '·', 'a')}${item(1, 1, '·', 'b')}</td><td>${item(1, 2, '1.', 'c')}</td></tr></table>`;
		const cells = new DOMParser().parseFromString(listsFromWord(html), 'text/html').querySelectorAll('td');
		expect([...cells].map((cell) => cell.innerHTML.replace(/<p[^>]*>|<\/p>|<o:p><\/o:p>|\s+/g, ''))).toEqual(['<ul><li>a</li><li>b</li></ul>', '<ol><li>c</li></ol>']);
	});

	it('[G8] [S6] levels past Word’s nine nest no deeper than the ninth', () => {
		const html = Array.from({ length: 12 }, (_, index) => item(index + 1, 1, '·', `level ${index + 1}`)).join('');
		expect(outline(listsFromWord(html))).toBe(
			'ul(level 1 ul(level 2 ul(level 3 ul(level 4 ul(level 5 ul(level 6 ul(level 7 ul(level 8 ul(level 9 level 10 level 11 level 12)))))))))'
		);
	});

	it('[G8] what is not from Word comes back as it was', () => {
		const html = '<ul><li>a</li></ul><p style="color:red">b</p>';
		expect(listsFromWord(html)).toBe(html);
	});

	it('[G8] Word’s numbered headings keep their number as text, with one space after it instead of Word’s spacing', () => {
		const heading = (level: number, marker: string, text: string) =>
			`<h${level} style='mso-list:l0 level${level} lfo1'><![if !supportLists]><span style='mso-list:Ignore'>${marker}` +
			`<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span><![endif]>${text}</h${level}>`;
		const pasted = listsFromWord(heading(1, '1.', 'Introduction') + heading(2, '6.1', 'Measures for 2006') + item(1, 2, '·', 'a'));
		expect(outline(pasted)).toBe('1. Introduction 6.1 Measures for 2006 ul(a)');
		const document = new DOMParser().parseFromString(pasted, 'text/html');
		expect([...document.querySelectorAll('h1, h2')].map((h) => h.textContent)).toEqual(['1. Introduction', '6.1 Measures for 2006']);
	});
});
