import { api, readJson } from '$lib/server/api';
import { backend } from '$server/registry';
import { newSnapshot } from '$lib/validation';
import type { RequestEvent } from './$types';

/** The strategy's snapshots, newest first (metadata only). */
export const GET = api(({ params }: RequestEvent, actor) => backend().snapshots.list(actor, params.id));

/** Takes a named snapshot of the current text: authors and heads (SPEC.md [V1]). */
export const POST = api(
	async ({ params, request }: RequestEvent, actor) => backend().snapshots.take(actor, params.id, (await readJson(request, newSnapshot)).name),
	{ status: 201 }
);
