import { api } from '$lib/server/api';
import { uploadedFile } from '$lib/server/upload';
import { backend } from '$server/registry';
import type { RequestEvent } from './$types';

/** Checks whether an exported file (multipart `file`) hashes to a signed or locked version (SPEC.md [G6]). */
export const POST = api(async ({ params, request }: RequestEvent, actor) => {
	// Before the upload is read: a file from someone without the right is never parsed.
	backend().strategies.authorize(actor, 'read', params.id);
	const file = await uploadedFile(request);
	return backend().exports.verify(actor, params.id, file.bytes);
});
