import { error } from '@sveltejs/kit';
import { backend } from '$server/registry';
import { AppError } from '$server/errors';
import { hasRole } from '$server/auth/policy';
import { documentToHTML, documentToJSON } from '$server/document/render';
import { strategyScope } from '$server/strategies';
import { signedIn } from '$lib/server/access';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const actor = signedIn(event);
	try {
		const strategy = backend().strategies.authorize(actor, 'read', event.params.id);
		const doc = backend().collab.readDocument(strategy.id);
		const scope = strategyScope(strategy).strategy;
		return {
			strategy,
			html: doc ? documentToHTML(documentToJSON(doc)) : '',
			me: { id: actor.id, name: actor.name },
			// What the person's roles allow on a draft; the socket and the API decide again on every write.
			mayEdit: hasRole(actor, 'edit', scope),
			mayComment: hasRole(actor, 'comment', scope),
			mayAnnotate: hasRole(actor, 'annotate', scope)
		};
	} catch (caught) {
		if (caught instanceof AppError) error(caught.status, caught.message);
		throw caught;
	}
};
