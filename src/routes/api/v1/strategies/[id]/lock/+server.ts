import { api, readJson } from '$lib/server/api';
import { backend } from '$server/registry';
import { lockRequest } from '$lib/validation';
import type { RequestEvent } from './$types';

/** The head locks the strategy for signing, after giving their password again (SPEC.md [G1]). */
export const POST = api(async (event: RequestEvent, actor) =>
	backend().signing.lock(actor, event.params.id, await readJson(event.request, lockRequest), event.getClientAddress())
);
