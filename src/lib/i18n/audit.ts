import { m } from '../paraglide/messages.js';
import { DELEGATION_CODES, MODULES, ROLES, STRATEGY_STATUSES, TEXT_LANGUAGES, type AuditAction, type ModuleCode } from '../vocabulary';
import { grantLabel, languageName, statusLabel } from './names';
import type { AuditRecord, AuditReferences } from '$server/audit';

const ACTIONS: Record<AuditAction, () => string> = {
	'sign-in': m.audit_action_sign_in,
	'sign-in-failed': m.audit_action_sign_in_failed,
	'sign-in-throttled': m.audit_action_sign_in_throttled,
	'sign-out': m.audit_action_sign_out,
	'user-created': m.audit_action_user_created,
	'user-deactivated': m.audit_action_user_deactivated,
	'user-reactivated': m.audit_action_user_reactivated,
	'password-set': m.audit_action_password_set,
	'password-link-created': m.audit_action_password_link_created,
	'role-granted': m.audit_action_role_granted,
	'role-revoked': m.audit_action_role_revoked,
	'sessions-ended': m.audit_action_sessions_ended,
	'benchmark-created': m.audit_action_benchmark_created,
	'benchmark-updated': m.audit_action_benchmark_updated,
	'benchmark-retired': m.audit_action_benchmark_retired,
	'benchmark-restored': m.audit_action_benchmark_restored,
	'snapshot-taken': m.audit_action_snapshot_taken,
	'snapshot-restored': m.audit_action_snapshot_restored,
	'document-imported': m.audit_action_document_imported,
	'strategy-locked': m.audit_action_strategy_locked,
	'strategy-signed': m.audit_action_strategy_signed,
	'strategy-unlocked': m.audit_action_strategy_unlocked,
	'text-language-changed': m.audit_action_text_language_changed,
	'socket-write-refused': m.audit_action_socket_write_refused
};

const isOneOf = <T extends string>(list: readonly T[], value: unknown): value is T => list.includes(value as T);

/** An action in the reader's words; a code this version does not know is shown as it was recorded. */
export const auditActionLabel = (action: string): string => (Object.hasOwn(ACTIONS, action) ? ACTIONS[action as AuditAction]() : action);

/** A version an entry names, linked to its page when the page knows where it is. */
export interface AuditVersion {
	id: number;
	href?: string;
	name?: string;
	kind?: string;
}

/**
 * One detail of an entry as the page writes it, after its label: words, an identifier to be
 * shown as recorded (an address, a hash, a file name: `code`), or a version.
 */
export type AuditDetail = { label: string } & ({ text: string; code?: boolean } | { version: AuditVersion });

/** A value the page has no words for, written compactly rather than as JSON. */
function compact(value: unknown): string {
	if (value === null || value === undefined) return '—';
	if (Array.isArray(value)) return value.map(compact).join(', ');
	if (typeof value === 'object') return Object.entries(value).map(([key, inner]) => `${key}: ${compact(inner)}`).join(', ');
	return String(value);
}

/**
 * The details of an entry in the reader's language (SPEC.md [G7], [L1]): each field the server
 * records, under its label, people by name when the references know them, versions by name
 * with a link. Fields this version has no words for (or of an unexpected shape) follow as
 * "key: value".
 */
export function auditDetails(
	record: Pick<AuditRecord, 'action' | 'strategyId' | 'details'>,
	references: AuditReferences,
	partners: Partial<Record<ModuleCode, string>> = {}
): AuditDetail[] {
	const rest: Record<string, unknown> = { ...record.details };
	const take = <T>(key: string, fits: (value: unknown) => value is T): T | undefined => {
		const value = rest[key];
		if (!fits(value)) return undefined;
		delete rest[key];
		return value;
	};
	const isString = (value: unknown): value is string => typeof value === 'string';
	const isNumber = (value: unknown): value is number => typeof value === 'number';
	const fields: AuditDetail[] = [];
	const version = (id: number, named?: { name: string; kind: string }): AuditVersion => ({
		id,
		...(record.strategyId && { href: `/strategies/${record.strategyId}/history/${id}` }),
		...(named ?? references.versions[`${record.strategyId}/${id}`])
	});

	const email = take('user', isString);
	if (email !== undefined) fields.push({ label: m.audit_detail_user(), text: references.peopleByEmail[email] ?? email });
	const userId = take('userId', isNumber);
	if (userId !== undefined) fields.push({ label: m.audit_detail_user(), text: references.peopleById[userId] ?? `#${userId}` });

	const { role, delegation, module } = rest;
	if (isOneOf(ROLES, role) && (delegation === null || isOneOf(DELEGATION_CODES, delegation)) && (module === null || isOneOf(MODULES, module))) {
		for (const key of ['role', 'delegation', 'module']) delete rest[key];
		fields.push({ label: m.field_role(), text: grantLabel({ role, delegation, module }, module ? partners[module] : undefined) });
	}

	const typed = take('email', isString);
	if (typed !== undefined) fields.push({ label: m.field_email(), text: typed, code: true });
	const address = take('clientAddress', isString);
	if (address !== undefined) fields.push({ label: m.audit_detail_ip(), text: address, code: true });
	if (take('via', (value): value is 'link' => value === 'link')) fields.push({ label: m.audit_detail_how(), text: m.password_link_label() });
	const session = take('sessionId', isString);
	if (session !== undefined) fields.push({ label: m.audit_detail_session(), text: session, code: true });
	const ended = take('ended', isNumber);
	if (ended !== undefined) fields.push({ label: m.audit_detail_sessions(), text: String(ended) });

	const code = take('code', isString);
	if (code !== undefined) fields.push({ label: m.column_benchmark(), text: code, code: true });
	const was = take('was', isString);
	// An edit that kept the code records it twice; only a changed code is worth a line.
	if (was !== undefined && was !== code) fields.push({ label: m.audit_detail_code_before(), text: was, code: true });

	const snapshotId = take('snapshotId', isNumber);
	if (snapshotId !== undefined) {
		// A snapshot's own entry carries its name and kind; the others name it by id only.
		const { name, kind } = rest;
		const own = record.action === 'snapshot-taken' && isString(name) && isString(kind);
		if (own) for (const key of ['name', 'kind']) delete rest[key];
		fields.push({ label: m.export_version(), version: version(snapshotId, own ? { name, kind } : undefined) });
	}
	const preRestoreId = take('preRestoreId', isNumber);
	if (preRestoreId !== undefined) fields.push({ label: m.audit_detail_previous_text(), version: version(preRestoreId) });
	const hash = take('contentHash', isString);
	if (hash !== undefined) fields.push({ label: m.export_content_hash(), text: hash, code: true });
	const reason = take('reason', isString);
	if (reason !== undefined) fields.push({ label: m.audit_detail_reason(), text: reason });

	const file = take('file', isString);
	if (file !== undefined) fields.push({ label: m.audit_detail_file(), text: file, code: true });
	const mode = take('mode', (value): value is 'replace' | 'append' => value === 'replace' || value === 'append');
	if (mode !== undefined) fields.push({ label: m.audit_detail_how(), text: mode === 'replace' ? m.audit_import_replace() : m.audit_import_append() });
	const blocks = take('blocks', isNumber);
	if (blocks !== undefined) fields.push({ label: m.audit_detail_blocks(), text: String(blocks) });
	const status = take('status', (value) => isOneOf(STRATEGY_STATUSES, value));
	if (status !== undefined) fields.push({ label: m.export_status(), text: statusLabel(status) });

	const language = take('to', (value) => isOneOf(TEXT_LANGUAGES, value));
	if (language !== undefined) fields.push({ label: m.text_language(), text: languageName(language) });
	const before = take('from', (value) => isOneOf(TEXT_LANGUAGES, value));
	if (before !== undefined) fields.push({ label: m.audit_detail_language_before(), text: languageName(before) });

	for (const [key, value] of Object.entries(rest)) fields.push({ label: key, text: compact(value), code: true });
	return fields;
}
