import type { JSONContent } from '@tiptap/core';
import type { Strategies } from './strategies';
import type { Snapshots } from './snapshots';
import type { Signing } from './signing';
import type { Annotations } from './annotations';
import type { Programme } from './programme';
import type { LiveText } from './document/rewrite';
import type { Actor } from './auth/policy';
import { contentHash } from './document/canonical';
import { documentToJSON } from './document/render';
import { exportDocx } from './export/docx';
import { exportHtml } from './export/html';
import { exportMarkdown } from './export/markdown';
import { detectFormat, extractStrategyText } from './export/extract';
import type { WordReader } from './export/word-reader';
import { wordRefusal } from './imports';
import type { ExportInput, ExportLabels } from './export/types';
import { assessmentLabel, delegationName, moduleName, statusLabel } from '../src/lib/i18n/names';
import { formatDateTime } from '../src/lib/i18n/format';
import { getLocale } from '../src/lib/paraglide/runtime.js';
import { m } from '../src/lib/paraglide/messages.js';

export const EXPORT_FORMATS = ['docx', 'html', 'markdown'] as const;
export type ExportFormatName = (typeof EXPORT_FORMATS)[number];

const MEDIA_TYPES: Record<ExportFormatName, string> = {
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	html: 'text/html; charset=utf-8',
	markdown: 'text/markdown; charset=utf-8'
};

const EXTENSIONS: Record<ExportFormatName, string> = { docx: 'docx', html: 'html', markdown: 'md' };

/** The fixed texts of an export, in the language of the request (SPEC.md [L1]). */
function labels(): ExportLabels {
	return {
		delegation: m.field_delegation(),
		module: m.field_module(),
		version: m.export_version(),
		status: m.export_status(),
		contentHash: m.export_content_hash(),
		exportedAt: m.export_exported_at(),
		signaturesTitle: m.signing_heading(),
		signedBy: m.export_signed_by(),
		signedAt: m.export_signed_at(),
		statement: m.sign_statement_label(),
		superseded: m.signature_superseded(),
		annexTitle: m.export_annex_title(),
		benchmark: m.column_benchmark(),
		assessment: m.field_assessment(),
		passage: m.export_passage(),
		note: m.field_note(),
		orphaned: m.orphaned_label(),
		noSignatures: m.export_no_signatures(),
		page: m.export_page()
	};
}

/**
 * Strategies out and back in (SPEC.md [G5], [G6]): exports of the current text or a snapshot as
 * DOCX, print-ready HTML and Markdown, and the check that an exported file's text hashes to a
 * signed version.
 */
export class Exports {
	constructor(
		private readonly strategies: Strategies,
		private readonly text: LiveText,
		private readonly snapshots: Snapshots,
		private readonly signing: Signing,
		private readonly annotations: Annotations,
		private readonly programme: Programme,
		private readonly words: WordReader
	) {}

	private input(actor: Actor, strategyId: string, snapshotId?: number): ExportInput {
		const strategy = this.strategies.authorize(actor, 'read', strategyId);
		let json: JSONContent;
		let versionLabel: string;
		let signedVersion: number | null;
		let status: string;
		let textLanguage = strategy.textLanguage;
		if (snapshotId !== undefined) {
			const { snapshot, json: snapshotJson } = this.snapshots.get(actor, strategy.id, snapshotId);
			json = snapshotJson;
			versionLabel = snapshot.kind === 'auto' ? m.snapshot_kind_auto() : snapshot.name;
			signedVersion = snapshot.id;
			status = `${m.export_snapshot_of({ when: formatDateTime(snapshot.createdAt) })}`;
			textLanguage = snapshot.textLanguage;
		} else {
			json = this.text.read(strategy.id, documentToJSON)!;
			versionLabel = m.current_text();
			signedVersion = this.signing.lockOf(strategy.id)?.snapshotId ?? null;
			status = statusLabel(strategy.status);
		}
		const signatures = this.signing.signaturesOf(strategy.id).filter((signature) => signature.snapshotId === signedVersion);
		const annotations = snapshotId === undefined ? this.annotations.list(actor, strategy.id) : [];
		return {
			json,
			title: strategy.title,
			delegationName: delegationName(strategy.delegation.code),
			moduleName: moduleName(strategy.module),
			partner: this.programme.modules().find((module) => module.code === strategy.module)?.partner ?? '',
			versionLabel,
			statusLabel: status,
			signed: signatures.some((signature) => !signature.superseded),
			contentHash: contentHash(json),
			exportedAt: formatDateTime(Date.now()),
			signatures: signatures.map((signature) => ({
				name: signature.user.name,
				signedAt: formatDateTime(signature.signedAt),
				statement: signature.statement ?? null,
				contentHash: signature.contentHash,
				superseded: signature.superseded
			})),
			annotations: annotations.map((annotation) => ({
				code: annotation.benchmark.code,
				title: annotation.benchmark.title,
				assessmentLabel: assessmentLabel(annotation.assessment),
				exact: annotation.selector.exact,
				note: annotation.note,
				orphaned: annotation.orphaned
			})),
			labels: labels(),
			lang: getLocale(),
			textLanguage
		};
	}

	async export(actor: Actor, strategyId: string, format: ExportFormatName, snapshotId?: number): Promise<{ body: Blob | string; type: string; filename: string }> {
		const input = this.input(actor, strategyId, snapshotId);
		const body = format === 'docx' ? new Blob([new Uint8Array(await exportDocx(input))]) : format === 'html' ? exportHtml(input) : exportMarkdown(input);
		const filename = `${strategyId}${snapshotId === undefined ? '' : `-version-${snapshotId}`}.${EXTENSIONS[format]}`;
		return { body, type: MEDIA_TYPES[format], filename };
	}

	/**
	 * Whether an exported file's strategy text hashes to a version of this strategy that was
	 * locked or signed [G6]; anyone who can read the strategy may check.
	 */
	async verify(actor: Actor, strategyId: string, bytes: Uint8Array): Promise<{ contentHash: string; signatures: { name: string; signedAt: string; superseded: boolean }[]; matchesLock: boolean }> {
		const strategy = this.strategies.authorize(actor, 'read', strategyId);
		let json: JSONContent;
		try {
			json = detectFormat(bytes) === 'docx' ? await this.words.exportedText(bytes) : await extractStrategyText(bytes);
		} catch (error) {
			throw wordRefusal(error, m.error_verify_unreadable);
		}
		const hash = contentHash(json);
		return {
			contentHash: hash,
			signatures: this.signing
				.signaturesOf(strategy.id)
				.filter((signature) => signature.contentHash === hash)
				.map((signature) => ({ name: signature.user.name, signedAt: signature.signedAt, superseded: signature.superseded })),
			matchesLock: this.signing.lockOf(strategy.id)?.contentHash === hash
		};
	}
}
