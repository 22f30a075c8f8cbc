import type { ExportInput, ExportLabels } from './types';

/** One labelled fact; `code` values (hashes) are shown in a monospaced font. */
export interface Field {
	label: string;
	value: string;
	code?: boolean;
}

type Signature = ExportInput['signatures'][number];
type Annotation = ExportInput['annotations'][number];

/** The cover's facts, in the order every format shows them. */
export function coverFields(input: ExportInput): Field[] {
	const { labels } = input;
	return [
		{ label: labels.delegation, value: input.delegationName },
		{ label: labels.module, value: input.partner ? `${input.moduleName} (${input.partner})` : input.moduleName },
		{ label: labels.version, value: input.versionLabel },
		{ label: labels.status, value: input.statusLabel },
		{ label: labels.contentHash, value: input.contentHash, code: true },
		{ label: labels.exportedAt, value: input.exportedAt }
	];
}

/** A signed text gets its signature page even when no signature is listed, to say so. */
export function hasSignaturePage(input: ExportInput): boolean {
	return input.signed || input.signatures.length > 0;
}

export function signatureFields(signature: Signature, labels: ExportLabels): Field[] {
	return [
		{ label: labels.signedBy, value: signature.name },
		{ label: labels.signedAt, value: signature.signedAt },
		...(signature.statement ? [{ label: labels.statement, value: signature.statement }] : []),
		{ label: labels.contentHash, value: signature.contentHash, code: true }
	];
}

export function annexHeader(labels: ExportLabels): string[] {
	return [labels.benchmark, labels.assessment, labels.passage, labels.note];
}

export function benchmarkName(annotation: Annotation): string {
	return `${annotation.code} — ${annotation.title}`;
}

export function quoted(passage: string): string {
	return `“${passage}”`;
}
