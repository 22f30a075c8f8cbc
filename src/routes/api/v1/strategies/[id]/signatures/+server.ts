import { api, readJson } from '$lib/server/api';
import { backend } from '$server/registry';
import { signRequest } from '$lib/validation';
import type { RequestEvent } from './$types';

/** The head signs the locked version, after giving their password again (SPEC.md [G2]). */
export const POST = api(
	async (event: RequestEvent, actor) => backend().signing.sign(actor, event.params.id, await readJson(event.request, signRequest), event.getClientAddress()),
	{ status: 201 }
);

export const GET = api(({ params }: RequestEvent, actor) => {
	const { strategies, signing } = backend();
	return signing.signaturesOf(strategies.authorize(actor, 'read', params.id).id);
});
