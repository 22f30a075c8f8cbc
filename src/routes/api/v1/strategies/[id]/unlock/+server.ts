import { api, readJson } from '$lib/server/api';
import { backend } from '$server/registry';
import { unlockRequest } from '$lib/validation';
import type { RequestEvent } from './$types';

/** The head unlocks, with a reason and their password; signatures stay on record, superseded (SPEC.md [G3]). */
export const POST = api(async (event: RequestEvent, actor) => {
	const { signing, strategies } = backend();
	await signing.unlock(actor, event.params.id, await readJson(event.request, unlockRequest), event.getClientAddress());
	return strategies.find(event.params.id);
});
