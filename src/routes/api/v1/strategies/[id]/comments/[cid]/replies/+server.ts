import { api, readJson } from '$lib/server/api';
import { idParam } from '$lib/server/params';
import { backend } from '$server/registry';
import { commentReply } from '$lib/validation';
import { m } from '$lib/paraglide/messages.js';
import type { RequestEvent } from './$types';

export const POST = api(
	async ({ params, request }: RequestEvent, actor) =>
		backend().comments.reply(actor, params.id, idParam(params.cid, m.error_comment_not_found), await readJson(request, commentReply)),
	{ status: 201 }
);
