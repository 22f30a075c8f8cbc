import { fail } from '@sveltejs/kit';
import { backend } from '$server/registry';
import { hasRole } from '$server/auth/policy';
import { documentBeginning, documentToHTML, documentToJSON } from '$server/document/render';
import { PAGE_PREVIEW_CHARACTERS } from '$lib/limits';
import { strategyScope } from '$server/strategies';
import { formFailure, orErrorPage, signedIn } from '$lib/server/access';
import { formObject, lockRequest, signRequest, strategyChange, unlockRequest } from '$lib/validation';
import { languageName } from '$lib/i18n/names';
import { uploadedFile } from '$lib/server/upload';
import { m } from '$lib/paraglide/messages.js';
import type { z } from 'zod';
import type { Actor } from '$server/auth/policy';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = (event) => {
	const actor = signedIn(event);
	return orErrorPage(() => {
		const { strategies, collab, signing } = backend();
		const strategy = strategies.authorize(actor, 'read', event.params.id);
		const text = collab.read(strategy.id, (doc, wholeText) => ({ json: documentToJSON(doc), state: wholeText() }));
		const scope = strategyScope(strategy).strategy;
		const lock = signing.lockOf(strategy.id);
		const signatures = signing.signaturesOf(strategy.id);
		const isHead = hasRole(actor, 'lock', scope);
		return {
			strategy,
			html: text ? documentToHTML(documentBeginning(text.json, PAGE_PREVIEW_CHARACTERS)) : '',
			// The text itself, so the editor opens on it without waiting for its socket (which then only catches up).
			state: text ? Buffer.from(text.state).toString('base64') : null,
			me: { id: actor.id, name: actor.name },
			// What the person's roles allow on a draft; the socket and the API decide again on every write.
			mayEdit: hasRole(actor, 'edit', scope),
			mayComment: hasRole(actor, 'comment', scope),
			mayAnnotate: hasRole(actor, 'annotate', scope),
			lock,
			signatures,
			mayLock: isHead && strategy.status === 'draft',
			maySign: isHead && lock !== null && !signatures.some((s) => !s.superseded && s.user.email === actor.email && s.snapshotId === lock.snapshotId),
			mayUnlock: isHead && strategy.status !== 'draft',
			mayImport: hasRole(actor, 'import', scope) && strategy.status === 'draft',
			maySetLanguage: hasRole(actor, 'edit', scope) && strategy.status === 'draft'
		};
	});
};

/**
 * A lock, sign or unlock form: the password asked again (SPEC.md [A8]), the domain call, and its
 * outcome shown in the dialog it came from.
 */
function signingAction<S extends z.ZodType>(
	action: 'lock' | 'sign' | 'unlock',
	schema: S,
	run: (actor: Actor, input: z.infer<S>, event: RequestEvent) => Promise<unknown>,
	done: () => string
) {
	return async (event: RequestEvent) => {
		const actor = signedIn(event);
		const parsed = schema.safeParse(formObject(await event.request.formData()));
		if (!parsed.success) return fail(422, { action, message: parsed.error.issues[0]?.message ?? m.validation_invalid_value() });
		try {
			await run(actor, parsed.data, event);
			return { action, done: done() };
		} catch (caught) {
			return formFailure(caught, { action });
		}
	};
}

export const actions: Actions = {
	lock: signingAction('lock', lockRequest, (actor, input, event) => backend().signing.lock(actor, event.params.id!, input, event.getClientAddress()), m.locked_done),
	sign: signingAction('sign', signRequest, (actor, input, event) => backend().signing.sign(actor, event.params.id!, input, event.getClientAddress()), m.signed_done),
	unlock: signingAction(
		'unlock',
		unlockRequest,
		(actor, input, event) => backend().signing.unlock(actor, event.params.id!, input, event.getClientAddress()),
		m.unlocked_done
	),
	language: async (event) => {
		const actor = signedIn(event);
		const parsed = strategyChange.safeParse(formObject(await event.request.formData()));
		if (!parsed.success) return fail(422, { action: 'language', message: parsed.error.issues[0]?.message ?? m.validation_invalid_value() });
		try {
			const { textLanguage } = backend().strategies.setTextLanguage(actor, event.params.id, parsed.data.textLanguage);
			return { action: 'language', done: `${m.text_language()}: ${languageName(textLanguage)}` };
		} catch (caught) {
			return formFailure(caught, { action: 'language' });
		}
	},
	import: async (event) => {
		const actor = signedIn(event);
		try {
			const file = await uploadedFile(event.request);
			const mode = file.form.get('mode') === 'append' ? 'append' : 'replace';
			const { blocks } = await backend().imports.importDocx(actor, event.params.id, file, mode);
			return { action: 'import', done: m.import_done({ name: file.name, blocks }) };
		} catch (caught) {
			return formFailure(caught, { action: 'import' });
		}
	}
};
