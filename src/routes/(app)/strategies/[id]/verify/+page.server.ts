import { backend } from '$server/registry';
import { formFailure, orErrorPage, signedIn } from '$lib/server/access';
import { uploadedFile } from '$lib/server/upload';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const actor = signedIn(event);
	return orErrorPage(() => {
		return { strategy: backend().strategies.authorize(actor, 'read', event.params.id) };
	});
};

/** Anyone who can read the strategy checks whether an exported file's text is a signed version (SPEC.md [G6]). */
export const actions: Actions = {
	default: async (event) => {
		const actor = signedIn(event);
		try {
			const file = await uploadedFile(event.request);
			return { name: file.name, ...(await backend().exports.verify(actor, event.params.id, file.bytes)) };
		} catch (caught) {
			return formFailure(caught);
		}
	}
};
