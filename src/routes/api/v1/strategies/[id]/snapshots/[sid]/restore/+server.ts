import { api } from '$lib/server/api';
import { idParam } from '$lib/server/params';
import { backend } from '$server/registry';
import { m } from '$lib/paraglide/messages.js';
import type { RequestEvent } from './$types';

/** Restores a snapshot as a new change to the live text, after a pre-restore snapshot (SPEC.md [V4]); 409 when locked. */
export const POST = api(({ params }: RequestEvent, actor) =>
	backend().snapshots.restore(actor, params.id, idParam(params.sid, m.error_snapshot_not_found))
);
