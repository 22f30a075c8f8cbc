import { api } from '$lib/server/api';
import { idParam } from '$lib/server/params';
import { backend } from '$server/registry';
import { AppError } from '$server/errors';
import { CONTENT_FORMATS, renderDocument, type ContentFormat } from '$server/document/render';
import { m } from '$lib/paraglide/messages.js';
import type { RequestEvent } from './$types';

/** A snapshot's metadata and its text, `?format=json|html|markdown|text` as for the current content. */
export const GET = api(({ params, url }: RequestEvent, actor) => {
	const format = url.searchParams.get('format') ?? 'json';
	if (!(CONTENT_FORMATS as readonly string[]).includes(format)) {
		throw new AppError('bad_request', m.error_unknown_format({ formats: CONTENT_FORMATS.join(', ') }));
	}
	const { snapshot, json } = backend().snapshots.get(actor, params.id, idParam(params.sid, m.error_snapshot_not_found));
	return { ...snapshot, format, content: format === 'json' ? json : renderDocument(json, format as ContentFormat).body };
});
