import { api } from '$lib/server/api';
import { backend } from '$server/registry';
import { AppError } from '$server/errors';
import { CONTENT_FORMATS, documentToJSON, renderDocument, type ContentFormat } from '$server/document/render';
import { m } from '$lib/paraglide/messages.js';
import type { RequestEvent } from './$types';

/** The current text, rendered on the server with the shared extensions: `?format=json|html|markdown|text`. */
export const GET = api(({ params, url }: RequestEvent, actor) => {
	const format = url.searchParams.get('format') ?? 'json';
	if (!(CONTENT_FORMATS as readonly string[]).includes(format)) {
		throw new AppError('bad_request', m.error_unknown_format({ formats: CONTENT_FORMATS.join(', ') }));
	}
	const { strategies, collab } = backend();
	const strategy = strategies.authorize(actor, 'read', params.id);
	const json = collab.read(strategy.id, documentToJSON);
	if (!json) throw new AppError('not_found', m.error_strategy_not_found());
	const { body, type } = renderDocument(json, format as ContentFormat);
	return new Response(body, { headers: { 'content-type': type } });
});
