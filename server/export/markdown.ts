import type { JSONContent } from '@tiptap/core';
import { documentToMarkdown } from '../document/render';
import { withoutUnsafeLinks } from './links';
import { annexHeader, benchmarkName, coverFields, hasSignaturePage, quoted, signatureFields, type Field } from './sections';
import type { ExportInput } from './types';

/** The lines around the strategy body, so that extract.ts can find exactly the text again. */
export const TEXT_START_MARKER = '<!-- acquis:text:start -->';
export const TEXT_END_MARKER = '<!-- acquis:text:end -->';

/** Stands for a backslash while the body is serialized: a Unicode noncharacter, which no real text contains. */
const ESCAPE = '\uFDD0';

/** What CommonMark reads at the start of a line as a list item, heading, rule or underline (the serializer escapes '>' itself). */
function escapeLineStart(text: string): string {
	return text
		.replace(/^\s+/, '')
		.replace(/^\d{1,9}(?=[.)](\s|$))/, `$&${ESCAPE}`)
		.replace(/^[#+=-](?=\s|$|[#+=-])/, `${ESCAPE}$&`);
}

function escapeInline(nodes: JSONContent[], block: 'paragraph' | 'heading', inCell: boolean): JSONContent[] {
	let atLineStart = block === 'paragraph';
	return nodes.flatMap((node) => {
		if (node.type === 'hardBreak') {
			atLineStart = true;
			return [node];
		}
		if (node.type !== 'text' || !node.text) return [node];
		let text = atLineStart ? escapeLineStart(node.text) : node.text;
		atLineStart &&= text === '';
		text = text.replace(/\+(?=\+)|(?<=\+)\+/g, `${ESCAPE}+`);
		if (block === 'heading') text = text.replace(/(?<=^|\s)#+\s*$/, `${ESCAPE}$&`);
		if (inCell) text = text.replace(/\|/g, `${ESCAPE}|`);
		return text ? [{ ...node, text }] : [];
	});
}

/**
 * The Markdown serializer leaves some text as it is that a Markdown reader takes for syntax:
 * a line that starts like a list item or heading ("2006. A year", "- x", "# x"), "++"
 * (underline), a heading that ends in " #", and "|" in a table cell. Marking them for
 * escaping keeps the text intact.
 */
function escapeText(node: JSONContent, inCell = false): JSONContent {
	if (!node.content) return node;
	if (node.type === 'paragraph' || node.type === 'heading') {
		return { ...node, content: escapeInline(node.content, node.type, inCell) };
	}
	const cell = inCell || node.type === 'tableCell' || node.type === 'tableHeader';
	return { ...node, content: node.content.map((child) => escapeText(child, cell)) };
}

function strategyMarkdown(json: JSONContent): string {
	return documentToMarkdown(escapeText(withoutUnsafeLinks(json))).replaceAll(ESCAPE, '\\').trim();
}

/** Text we insert ourselves, on one line, with every character that could start Markdown syntax escaped. */
function escapeMarkdown(text: string): string {
	return text
		.replace(/\s+/g, ' ')
		.trim()
		.replace(/[\\`*_[\]<>|~&#]/g, '\\$&');
}

function fields(list: Field[]): string {
	const value = ({ value, code }: Field) => (code && /^\w*$/.test(value) ? `\`${value}\`` : escapeMarkdown(value));
	return list.map((field) => `**${escapeMarkdown(field.label)}:** ${value(field)}`).join('  \n');
}

function signatures(input: ExportInput): string {
	const { labels } = input;
	const list = input.signatures.map(
		(signature) =>
			fields(signatureFields(signature, labels)) +
			(signature.superseded ? `  \n**${escapeMarkdown(labels.superseded)}**` : '')
	);
	return [`## ${escapeMarkdown(labels.signaturesTitle)}`, ...(list.length > 0 ? list : [escapeMarkdown(labels.noSignatures)])].join(
		'\n\n'
	);
}

function row(cells: string[]): string {
	return `| ${cells.join(' | ')} |`;
}

function annex(input: ExportInput): string {
	const { labels } = input;
	const rows = input.annotations.map((annotation) =>
		row([
			escapeMarkdown(benchmarkName(annotation)),
			escapeMarkdown(annotation.assessmentLabel),
			escapeMarkdown(quoted(annotation.exact)) + (annotation.orphaned ? ` _(${escapeMarkdown(labels.orphaned)})_` : ''),
			escapeMarkdown(annotation.note)
		])
	);
	const header = annexHeader(labels).map(escapeMarkdown);
	return [
		`## ${escapeMarkdown(labels.annexTitle)}`,
		[row(header), row(header.map(() => '---')), ...rows].join('\n')
	].join('\n\n');
}

/** Markdown: a cover, the strategy body between two marker comments, signatures, annex. */
export function exportMarkdown(input: ExportInput): string {
	const parts = [
		`# ${escapeMarkdown(input.title)}`,
		fields(coverFields(input)),
		TEXT_START_MARKER,
		strategyMarkdown(input.json),
		TEXT_END_MARKER,
		...(hasSignaturePage(input) ? [signatures(input)] : []),
		...(input.annotations.length > 0 ? [annex(input)] : [])
	];
	return `${parts.join('\n\n')}\n`;
}
