import { api, readJson } from '$lib/server/api';
import { idParam } from '$lib/server/params';
import { backend } from '$server/registry';
import { commentChange } from '$lib/validation';
import { m } from '$lib/paraglide/messages.js';
import type { RequestEvent } from './$types';

/** Edits one's own comment (a thread's first comment or a reply), or moves a thread to another passage (`selector`). */
export const PATCH = api(async ({ params, request }: RequestEvent, actor) => {
	const id = idParam(params.cid, m.error_comment_not_found);
	backend().comments.edit(actor, params.id, id, await readJson(request, commentChange));
	return { id, edited: true };
});

export const DELETE = api(({ params }: RequestEvent, actor) => {
	const id = idParam(params.cid, m.error_comment_not_found);
	backend().comments.delete(actor, params.id, id);
	return { id, deleted: true };
});
