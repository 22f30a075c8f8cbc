import { AppError } from '$server/errors';
import { IMPORT_MAX_BYTES } from '$lib/limits';
import { m } from '$lib/paraglide/messages.js';

/** The file of a multipart upload, refused at once (413) when larger than the import limit. */
export async function uploadedFile(request: Request, field = 'file'): Promise<{ name: string; bytes: Uint8Array; form: FormData }> {
	const declared = Number(request.headers.get('content-length') ?? 0);
	if (declared > IMPORT_MAX_BYTES + 100_000) {
		throw new AppError('payload_too_large', m.error_import_too_large({ size: Math.round(IMPORT_MAX_BYTES / 1_000_000) }));
	}
	let form: FormData;
	try {
		form = await request.formData();
	} catch {
		throw new AppError('bad_request', m.error_import_no_file());
	}
	const file = form.get(field);
	if (!(file instanceof File) || file.size === 0) throw new AppError('invalid', m.error_import_no_file());
	if (file.size > IMPORT_MAX_BYTES) throw new AppError('payload_too_large', m.error_import_too_large({ size: Math.round(IMPORT_MAX_BYTES / 1_000_000) }));
	return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()), form };
}
