import { api, readJson } from '$lib/server/api';
import { backend } from '$server/registry';
import { newComment } from '$lib/validation';
import type { RequestEvent } from './$types';

/** Comment threads; resolved threads only with `?resolved=include`. */
export const GET = api(({ params, url }: RequestEvent, actor) =>
	backend().comments.list(actor, params.id, { includeResolved: url.searchParams.get('resolved') === 'include' })
);

export const POST = api(
	async ({ params, request }: RequestEvent, actor) => backend().comments.create(actor, params.id, await readJson(request, newComment)),
	{ status: 201 }
);
