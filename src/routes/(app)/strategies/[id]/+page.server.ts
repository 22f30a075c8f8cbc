import { error } from '@sveltejs/kit';
import { backend } from '$server/registry';
import { AppError } from '$server/errors';
import { documentToHTML, documentToJSON } from '$server/document/render';
import { signedIn } from '$lib/server/access';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const actor = signedIn(event);
	try {
		const strategy = backend().strategies.authorize(actor, 'read', event.params.id);
		const doc = backend().collab.document(strategy.id);
		return { strategy, html: doc ? documentToHTML(documentToJSON(doc)) : '' };
	} catch (caught) {
		if (caught instanceof AppError) error(caught.status, caught.message);
		throw caught;
	}
};
