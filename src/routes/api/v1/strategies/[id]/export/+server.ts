import { api } from '$lib/server/api';
import { idParam } from '$lib/server/params';
import { backend } from '$server/registry';
import { AppError } from '$server/errors';
import { EXPORT_FORMATS, type ExportFormatName } from '$server/exports';
import { m } from '$lib/paraglide/messages.js';
import type { RequestEvent } from './$types';

/** The current text or a snapshot as DOCX, print-ready HTML or Markdown (SPEC.md [G5]); any other format is 400. */
export const GET = api(async ({ params, url }: RequestEvent, actor) => {
	const format = url.searchParams.get('format') ?? '';
	if (!(EXPORT_FORMATS as readonly string[]).includes(format)) throw new AppError('bad_request', m.error_export_format());
	const snapshot = url.searchParams.get('snapshot');
	const file = await backend().exports.export(actor, params.id, format as ExportFormatName, snapshot ? idParam(snapshot, m.error_snapshot_not_found) : undefined);
	return new Response(file.body, {
		headers: {
			'content-type': file.type,
			// The print page is read in the browser (to "Save as PDF"); the others are downloaded.
			'content-disposition': `${format === 'html' ? 'inline' : 'attachment'}; filename="${file.filename}"`,
			'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'"
		}
	});
});
