import { api } from '$lib/server/api';
import { backend } from '$server/registry';
import type { RequestEvent } from './$types';

export const GET = api(({ params }: RequestEvent, actor) => {
	const strategy = backend().strategies.authorize(actor, 'read', params.id);
	return { ...strategy, signatures: [] };
});
