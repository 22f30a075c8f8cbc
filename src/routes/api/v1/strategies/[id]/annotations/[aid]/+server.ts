import { api, readJson } from '$lib/server/api';
import { idParam } from '$lib/server/params';
import { backend } from '$server/registry';
import { annotationChange } from '$lib/validation';
import { m } from '$lib/paraglide/messages.js';
import type { RequestEvent } from './$types';

export const PATCH = api(async ({ params, request }: RequestEvent, actor) =>
	backend().annotations.update(actor, params.id, idParam(params.aid, m.error_annotation_not_found), await readJson(request, annotationChange))
);

export const DELETE = api(({ params }: RequestEvent, actor) => {
	const id = idParam(params.aid, m.error_annotation_not_found);
	backend().annotations.delete(actor, params.id, id);
	return { id, deleted: true };
});
