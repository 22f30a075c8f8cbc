import type { JSONContent } from '@tiptap/core';
import { contentHash } from '../../server/document/canonical';
import type { ExportInput, ExportLabels } from '../../server/export/types';

const LABELS: ExportLabels = {
	delegation: 'Delegation',
	module: 'Module',
	version: 'Version',
	status: 'Status',
	contentHash: 'Content hash',
	exportedAt: 'Exported',
	signaturesTitle: 'Signatures',
	signedBy: 'Signed by',
	signedAt: 'Signed at',
	statement: 'Statement',
	superseded: 'Superseded',
	annexTitle: 'Annex: benchmark annotations',
	benchmark: 'Benchmark',
	assessment: 'Assessment',
	passage: 'Passage',
	note: 'Note',
	orphaned: 'passage no longer in the text',
	noSignatures: 'No signatures yet.',
	page: 'Page'
};

/** What an export of a draft needs besides its text, in English; `more` changes any of it. */
export function exportInput(json: JSONContent, more: Partial<ExportInput> = {}): ExportInput {
	return {
		json,
		title: 'National EU Alignment Strategy',
		delegationName: 'Albania',
		moduleName: 'Asylum',
		partner: 'UNHCR',
		versionLabel: 'Current text',
		statusLabel: 'Draft',
		signed: false,
		contentHash: contentHash(json),
		exportedAt: '27 Nov 2026, 09:14',
		signatures: [],
		annotations: [],
		labels: LABELS,
		lang: 'en',
		textLanguage: 'en',
		...more
	};
}
