import { api } from '$lib/server/api';
import { backend } from '$server/registry';
import type { RequestEvent } from './$types';

/** Everyone who may read the strategy: the people a comment may @mention. */
export const GET = api(({ params }: RequestEvent, actor) => {
	const { strategies, comments } = backend();
	return comments.people(strategies.authorize(actor, 'read', params.id));
});
