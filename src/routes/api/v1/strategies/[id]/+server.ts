import { api } from '$lib/server/api';
import { backend } from '$server/registry';
import type { RequestEvent } from './$types';

/** A strategy with its lock and every signature it was given (superseded ones included). */
export const GET = api(({ params }: RequestEvent, actor) => {
	const { strategies, signing } = backend();
	const strategy = strategies.authorize(actor, 'read', params.id);
	return { ...strategy, lock: signing.lockOf(strategy.id), signatures: signing.signaturesOf(strategy.id) };
});
