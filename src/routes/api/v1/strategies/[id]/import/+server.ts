import { api } from '$lib/server/api';
import { uploadedFile } from '$lib/server/upload';
import { backend } from '$server/registry';
import type { RequestEvent } from './$types';

/**
 * Imports a Word draft (multipart: `file`, `mode` = replace | append) into a draft strategy
 * (SPEC.md [G5]); 409 when locked, 413 past the size limit, 422 when it is not a .docx.
 */
export const POST = api(async ({ params, request }: RequestEvent, actor) => {
	// Before the upload is read: a file from someone without the right is never parsed.
	backend().strategies.authorize(actor, 'import', params.id);
	const file = await uploadedFile(request);
	const mode = file.form.get('mode') === 'append' ? 'append' : 'replace';
	return backend().imports.importDocx(actor, params.id, file, mode);
});
