import { api, readJson } from '$lib/server/api';
import { backend } from '$server/registry';
import { toWebAnnotations } from '$server/web-annotation';
import { newAnnotation } from '$lib/validation';
import type { RequestEvent } from './$types';

/** The strategy's benchmark links with their passages as the text reads now; `?format=w3c` for W3C Web Annotation JSON-LD. */
export const GET = api(({ params, url }: RequestEvent, actor) => {
	const annotations = backend().annotations.list(actor, params.id);
	if (url.searchParams.get('format') !== 'w3c') return annotations;
	return new Response(JSON.stringify(toWebAnnotations(url.origin, params.id, annotations)), {
		headers: { 'content-type': 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"' }
	});
});

export const POST = api(
	async ({ params, request }: RequestEvent, actor) => backend().annotations.create(actor, params.id, await readJson(request, newAnnotation)),
	{ status: 201 }
);
