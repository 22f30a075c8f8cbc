import { backend } from '$server/registry';
import { AUDIT_PAGE } from '$server/audit';
import { orErrorPage, signedIn } from '$lib/server/access';
import { auditFilter } from '$lib/server/audit-filter';
import type { PageServerLoad } from './$types';

/** The audit record with its filters: admins see everything, heads their delegation (SPEC.md [P8]). */
export const load: PageServerLoad = (event) => {
	const actor = signedIn(event);
	return orErrorPage(() => {
		const { audit, strategies, users, programme } = backend();
		const filter = auditFilter(event.url.searchParams);
		const records = audit.list(actor, filter);
		return {
			records,
			references: audit.references(records),
			partners: Object.fromEntries(programme.modules().map(({ code, partner }) => [code, partner])),
			truncated: records.length === AUDIT_PAGE,
			filter: Object.fromEntries(event.url.searchParams),
			strategies: strategies.readableBy(actor).map(({ id, delegation, module }) => ({ id, delegation: delegation.code, module })),
			people: users.list().map(({ id, name }) => ({ id, name }))
		};
	});
};
