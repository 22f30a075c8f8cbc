import { NUMBERING_CSS } from '../../src/lib/editor/list-numbering';
import { documentToHTML } from '../document/render';
import { annexHeader, benchmarkName, coverFields, hasSignaturePage, quoted, signatureFields, type Field } from './sections';
import type { ExportInput } from './types';

/** The element that holds exactly the strategy body, so that extract.ts can find it again. */
export const TEXT_ELEMENT_ID = 'strategy-text';

const STYLE = `
@page { size: A4; margin: 20mm; }
html { font: 11pt/1.5 Georgia, Cambria, 'Times New Roman', serif; color: #111; background: #fff; }
body { max-width: 170mm; margin: 0 auto; padding: 1rem; }
@media print { body { max-width: none; padding: 0; } }
h1, h2, h3, h4 { line-height: 1.25; break-after: avoid; }
.cover h1 { font-size: 24pt; margin: 40mm 0 12mm; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.4em 1.5em; margin: 0; }
dt { font-weight: bold; }
dd { margin: 0; }
code { font-family: Consolas, 'Courier New', monospace; font-size: 0.9em; overflow-wrap: anywhere; }
#${TEXT_ELEMENT_ID}, .signatures, .annex { break-before: page; }
table { border-collapse: collapse; width: 100%; margin: 1em 0; }
th, td { border: 1px solid #808080; padding: 0.3em 0.5em; vertical-align: top; text-align: left; }
th { background: #e7e6e6; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
td > p:first-child, th > p:first-child { margin-top: 0; }
td > p:last-child, th > p:last-child { margin-bottom: 0; }
blockquote { margin: 1em 0 1em 1.5em; padding-left: 1em; border-left: 3px solid #999; }
a { color: #1a4f9c; }
.signature { border-bottom: 1px solid #808080; padding: 0.5em 0 1em; break-inside: avoid; }
.superseded { font-weight: bold; text-transform: uppercase; }
.orphaned { font-style: italic; }
${NUMBERING_CSS}
`;

function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function fields(list: Field[]): string {
	const value = ({ value, code }: Field) => (code ? `<code>${escapeHtml(value)}</code>` : escapeHtml(value));
	return `<dl>${list.map((field) => `<dt>${escapeHtml(field.label)}</dt><dd>${value(field)}</dd>`).join('')}</dl>`;
}

function signatures(input: ExportInput): string {
	const { labels } = input;
	const list = input.signatures.map(
		(signature) =>
			`<div class="signature">${fields(signatureFields(signature, labels))}${
				signature.superseded ? `<p class="superseded">${escapeHtml(labels.superseded)}</p>` : ''
			}</div>`
	);
	return `<section class="signatures"><h2>${escapeHtml(labels.signaturesTitle)}</h2>${
		list.length > 0 ? list.join('') : `<p>${escapeHtml(labels.noSignatures)}</p>`
	}</section>`;
}

function annex(input: ExportInput): string {
	const { labels } = input;
	const header = annexHeader(labels).map((label) => `<th scope="col">${escapeHtml(label)}</th>`);
	const rows = input.annotations.map((annotation) => {
		const orphaned = annotation.orphaned ? `<p class="orphaned">(${escapeHtml(labels.orphaned)})</p>` : '';
		const cells = [
			escapeHtml(benchmarkName(annotation)),
			escapeHtml(annotation.assessmentLabel),
			`<p lang="${escapeHtml(input.textLanguage)}">${escapeHtml(quoted(annotation.exact))}</p>${orphaned}`,
			escapeHtml(annotation.note)
		];
		return `<tr>${cells.map((cell) => `<td>${cell}</td>`).join('')}</tr>`;
	});
	const table = `<table><thead><tr>${header.join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
	return `<section class="annex"><h2>${escapeHtml(labels.annexTitle)}</h2>${table}</section>`;
}

/** A standalone, print-ready HTML page: cover, the strategy body (always English), signatures, annex. */
export function exportHtml(input: ExportInput): string {
	return `<!DOCTYPE html>
<html lang="${escapeHtml(input.lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(input.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<section class="cover"><h1>${escapeHtml(input.title)}</h1>${fields(coverFields(input))}</section>
<article id="${TEXT_ELEMENT_ID}" lang="${escapeHtml(input.textLanguage)}">${documentToHTML(input.json)}</article>
${hasSignaturePage(input) ? signatures(input) : ''}
${input.annotations.length > 0 ? annex(input) : ''}
</body>
</html>
`;
}
