import type { JSONContent } from '@tiptap/core';

/** Fixed texts, already in the reader's language (the caller passes them). */
export interface ExportLabels {
	delegation: string;
	module: string;
	version: string;
	status: string;
	contentHash: string;
	exportedAt: string;
	signaturesTitle: string;
	signedBy: string;
	signedAt: string;
	statement: string;
	superseded: string;
	annexTitle: string;
	benchmark: string;
	assessment: string;
	passage: string;
	note: string;
	orphaned: string;
	noSignatures: string;
	page: string;
}

export interface ExportInput {
	json: JSONContent;
	title: string;
	delegationName: string;
	moduleName: string;
	partner: string;
	/** E.g. "Current text" or a snapshot's name. */
	versionLabel: string;
	/** E.g. "Signed". */
	statusLabel: string;
	signed: boolean;
	/** Hex SHA-256 of canonicalText(json). */
	contentHash: string;
	/** Already formatted for display. */
	exportedAt: string;
	signatures: { name: string; signedAt: string; statement: string | null; contentHash: string; superseded: boolean }[];
	annotations: {
		code: string;
		title: string;
		assessmentLabel: string;
		exact: string;
		note: string;
		orphaned: boolean;
	}[];
	labels: ExportLabels;
	/** BCP 47 tag of the labels, for HTML lang. */
	lang: string;
	/** BCP 47 tag of the language the strategy's text is written in (SPEC.md [L6]). */
	textLanguage: string;
}
