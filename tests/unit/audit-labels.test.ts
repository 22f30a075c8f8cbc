import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditActionLabel, auditDetails } from '../../src/lib/i18n/audit';
import { AUDIT_ACTIONS, type AuditAction } from '../../src/lib/vocabulary';
import { locales, overwriteGetLocale } from '../../src/lib/paraglide/runtime.js';
import type { AuditReferences } from '../../server/audit';

const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * Every action code in the source's audit writes (`….record({ …, action: … })`), read from the
 * files themselves so that a new write is seen however it was typed.
 */
function actionsWritten(): { codes: Set<string>; unreadable: string[] } {
	const codes = new Set<string>();
	const unreadable: string[] = [];
	for (const folder of ['server', 'src']) {
		for (const file of fs.readdirSync(path.join(ROOT, folder), { recursive: true, encoding: 'utf8' })) {
			if (!/\.(ts|svelte)$/.test(file) || file.includes('paraglide')) continue;
			const text = fs.readFileSync(path.join(ROOT, folder, file), 'utf8');
			for (const [, call] of text.matchAll(/\.record\(\{([\s\S]*?)\}\)/g)) {
				const action = /action:\s*([^,}]+)/.exec(call!)?.[1] ?? '';
				const literals = [...action.matchAll(/'([^']+)'/g)].map((literal) => literal[1]!);
				if (literals.length === 0) unreadable.push(`${folder}/${file}: ${call!.trim()}`);
				for (const code of literals) codes.add(code);
			}
		}
	}
	return { codes, unreadable };
}

/** What the server records for each action (server/*.ts, the admin routes). */
const WRITTEN: Record<AuditAction, Record<string, unknown>> = {
	'sign-in': { clientAddress: '10.0.0.7' },
	'sign-in-failed': { email: 'someone@mvr.gov.mk', clientAddress: '10.0.0.7' },
	'sign-in-throttled': { email: 'someone@mvr.gov.mk', clientAddress: '10.0.0.7' },
	'sign-out': {},
	'user-created': { user: 'nada.petrovska@mvr.gov.mk' },
	'user-deactivated': { user: 'nada.petrovska@mvr.gov.mk' },
	'user-reactivated': { user: 'nada.petrovska@mvr.gov.mk' },
	'password-set': { user: 'nada.petrovska@mvr.gov.mk', via: 'link' },
	'password-link-created': { user: 'nada.petrovska@mvr.gov.mk' },
	'role-granted': { user: 'nada.petrovska@mvr.gov.mk', role: 'expert', delegation: null, module: 'visa' },
	'role-revoked': { user: 'nada.petrovska@mvr.gov.mk', role: 'head', delegation: 'mk', module: null },
	'sessions-ended': { userId: 7, ended: 2 },
	'benchmark-created': { code: 'VIS-09' },
	'benchmark-updated': { code: 'VIS-10', was: 'VIS-09' },
	'benchmark-retired': { code: 'VIS-10' },
	'benchmark-restored': { code: 'VIS-10' },
	'snapshot-taken': { snapshotId: 12, name: 'After the Skopje working meeting', kind: 'manual' },
	'snapshot-restored': { snapshotId: 12, preRestoreId: 13 },
	'document-imported': { file: 'nacrt.docx', mode: 'append', blocks: 40 },
	'strategy-locked': { snapshotId: 14, contentHash: 'a'.repeat(64) },
	'strategy-signed': { contentHash: 'a'.repeat(64), snapshotId: 14 },
	'strategy-unlocked': { reason: 'The ministry sent late comments.', snapshotId: 14 },
	'text-language-changed': { from: 'en', to: 'mk' },
	'socket-write-refused': { status: 'signed' }
};

const REFERENCES: AuditReferences = {
	peopleByEmail: { 'nada.petrovska@mvr.gov.mk': 'Nada Petrovska' },
	peopleById: { 7: 'Nada Petrovska' },
	versions: { 'mk-visa/12': { name: 'After the Skopje working meeting', kind: 'manual' }, 'mk-visa/13': { name: 'Before restoring', kind: 'pre-restore' }, 'mk-visa/14': { name: 'Locked for signing', kind: 'lock' } }
};

describe('the audit record in words', () => {
	it('[G7] [L2] every action the server records has its own label in each language, never its code', () => {
		const { codes, unreadable } = actionsWritten();
		expect(unreadable).toEqual([]);
		expect(codes.size).toBeGreaterThan(20);
		expect([...codes].filter((code) => !(AUDIT_ACTIONS as readonly string[]).includes(code))).toEqual([]);
		for (const locale of locales) {
			overwriteGetLocale(() => locale);
			const labels = AUDIT_ACTIONS.map((action) => auditActionLabel(action));
			expect(labels.filter((label, index) => !label || label === AUDIT_ACTIONS[index] || labels.indexOf(label) !== index), locale).toEqual([]);
		}
	});

	it('[G7] [L1] each action’s details read as labelled words, the person by name, in every language; never JSON', () => {
		for (const locale of locales) {
			overwriteGetLocale(() => locale);
			for (const action of AUDIT_ACTIONS) {
				const details = auditDetails({ action, strategyId: 'mk-visa', details: WRITTEN[action] }, REFERENCES);
				const keys = Object.keys(WRITTEN[action]);
				expect(details.filter((detail) => keys.includes(detail.label)), `${locale} ${action}`).toEqual([]);
				const shown = JSON.stringify(details);
				expect(shown).not.toContain('nada.petrovska@');
				expect(shown).not.toContain('"#');
			}
		}
		overwriteGetLocale(() => 'en');
		expect(auditDetails({ action: 'role-granted', details: WRITTEN['role-granted'] }, REFERENCES, { visa: 'ICMPD' })).toEqual([
			{ label: 'User', text: 'Nada Petrovska' },
			{ label: 'Role', text: 'Expert · Visa (ICMPD)' }
		]);
		expect(auditDetails({ action: 'snapshot-restored', strategyId: 'mk-visa', details: WRITTEN['snapshot-restored'] }, REFERENCES)).toEqual([
			{ label: 'Version', version: { id: 12, href: '/strategies/mk-visa/history/12', name: 'After the Skopje working meeting', kind: 'manual' } },
			{ label: 'Previous text', version: { id: 13, href: '/strategies/mk-visa/history/13', name: 'Before restoring', kind: 'pre-restore' } }
		]);
	});

	it('[G7] fields the page has no words for, and codes it does not know, are shown compactly as recorded', () => {
		overwriteGetLocale(() => 'en');
		expect(auditActionLabel('comment-deleted')).toBe('comment-deleted');
		expect(auditDetails({ action: 'role-granted', details: { i: 5, role: 'chair', scope: { delegation: 'mk', module: null } } }, REFERENCES)).toEqual([
			{ label: 'i', text: '5', code: true },
			{ label: 'role', text: 'chair', code: true },
			{ label: 'scope', text: 'delegation: mk, module: —', code: true }
		]);
	});
});
