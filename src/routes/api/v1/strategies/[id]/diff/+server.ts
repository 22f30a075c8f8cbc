import { api } from '$lib/server/api';
import { idParam } from '$lib/server/params';
import { backend } from '$server/registry';
import { AppError } from '$server/errors';
import { m } from '$lib/paraglide/messages.js';
import type { RequestEvent } from './$types';

function version(value: string | null): number | 'current' {
	if (value === 'current') return 'current';
	if (!value) throw new AppError('bad_request', m.error_version_required());
	return idParam(value, m.error_snapshot_not_found);
}

/** Compares two versions, word by word inside blocks: `?from=<sid>&to=<sid|current>` (SPEC.md [V5]). */
export const GET = api(({ params, url }: RequestEvent, actor) =>
	backend().snapshots.diff(actor, params.id, version(url.searchParams.get('from')), version(url.searchParams.get('to')))
);
