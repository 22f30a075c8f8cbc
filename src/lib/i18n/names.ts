import { m } from '../paraglide/messages.js';
import type { Assessment, DelegationCode, ModuleCode, Role, StrategyStatus, TextLanguage } from '../vocabulary';

/**
 * The programme's fixed words in the current language. Delegation and module names live
 * in the database in English (the API returns those); people read these.
 */

const DELEGATIONS: Record<DelegationCode, () => string> = {
	al: m.delegation_al,
	ba: m.delegation_ba,
	hr: m.delegation_hr,
	cs: m.delegation_cs,
	mk: m.delegation_mk
};

const MODULES: Record<ModuleCode, () => string> = {
	migration: m.module_migration,
	asylum: m.module_asylum,
	visa: m.module_visa
};

const ROLES: Record<Role, () => string> = {
	admin: m.role_admin,
	author: m.role_author,
	head: m.role_head,
	expert: m.role_expert,
	observer: m.role_observer
};

const STATUSES: Record<StrategyStatus, () => string> = {
	draft: m.status_draft,
	locked: m.status_locked,
	signed: m.status_signed
};

/** A delegation added to the database after the programme's own five has no translated name: its code stands in. */
export const delegationName = (code: DelegationCode): string => (DELEGATIONS[code] as (() => string) | undefined)?.() ?? code.toUpperCase();
export const moduleName = (code: ModuleCode): string => MODULES[code]();
/** A strategy named by its delegation and module, as its breadcrumb reads: "Albania · Asylum". */
export const strategyName = (delegation: DelegationCode, module: ModuleCode): string => `${delegationName(delegation)} · ${moduleName(module)}`;
export const roleName = (role: Role): string => ROLES[role]();
export const statusLabel = (status: StrategyStatus): string => STATUSES[status]();
const LANGUAGES: Record<TextLanguage, () => string> = {
	en: m.text_language_en,
	fr: m.text_language_fr,
	de: m.text_language_de,
	sq: m.text_language_sq,
	bs: m.text_language_bs,
	hr: m.text_language_hr,
	mk: m.text_language_mk,
	'sr-Latn': m.text_language_sr_latn,
	'sr-Cyrl': m.text_language_sr_cyrl
};
/**
 * A language of the text in the reader's language ("Albanian", "albanski"). From the messages
 * (CLDR's names), not the browser's `Intl.DisplayNames`: Chromium here has no names in
 * Albanian or Macedonian and shows bare codes ("sq") in Bosnian.
 */
export const languageName = (language: TextLanguage): string => LANGUAGES[language]();

/** A grant in the reader's language: "Head of delegation · Albania", "Expert · Asylum (UNHCR)". */
export function grantLabel(grant: { role: Role; delegation: DelegationCode | null; module: ModuleCode | null }, partner?: string): string {
	const scope = [grant.delegation && delegationName(grant.delegation), grant.module && `${moduleName(grant.module)}${partner ? ` (${partner})` : ''}`]
		.filter(Boolean)
		.join(', ');
	const role = roleName(grant.role);
	if (scope) return m.role_in_scope({ role, scope });
	return grant.role === 'observer' ? m.role_in_scope({ role, scope: m.scope_whole_programme() }) : role;
}

const ASSESSMENTS: Record<Assessment, () => string> = {
	aligned: m.assessment_aligned,
	partial: m.assessment_partial,
	gap: m.assessment_gap,
	planned: m.assessment_planned
};

/** An assessment in words; null is a benchmark no passage addresses yet. */
export const assessmentLabel = (assessment: Assessment | null): string => (assessment ? ASSESSMENTS[assessment]() : m.assessment_none());

/**
 * A snapshot as people read it: the server names its own snapshots in English ("Automatic
 * snapshot", "Before restoring …"), so those read as their kind, in the reader's language.
 */
export const snapshotLabel = (snapshot: { name: string; kind: string }): string =>
	snapshot.kind === 'auto' ? m.snapshot_kind_auto() : snapshot.kind === 'pre-restore' ? m.snapshot_kind_pre_restore() : snapshot.name;
