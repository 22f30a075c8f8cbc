import { api } from '$lib/server/api';
import { idParam } from '$lib/server/params';
import { backend } from '$server/registry';
import { m } from '$lib/paraglide/messages.js';
import type { RequestEvent } from './$types';

export const POST = api(({ params }: RequestEvent, actor) =>
	backend().comments.setResolved(actor, params.id, idParam(params.cid, m.error_comment_not_found), true)
);
