import { api, readJson } from '$lib/server/api';
import { strategyChange } from '$lib/validation';
import { backend } from '$server/registry';
import type { Strategy } from '$server/strategies';
import type { RequestEvent } from './$types';

/** A strategy with its lock and every signature it was given (superseded ones included). */
function withSignatures(strategy: Strategy) {
	const { signing } = backend();
	return { ...strategy, lock: signing.lockOf(strategy.id), signatures: signing.signaturesOf(strategy.id) };
}

export const GET = api(({ params }: RequestEvent, actor) => withSignatures(backend().strategies.authorize(actor, 'read', params.id)));

/** Sets the language of the strategy's text: authors and heads, in a draft (SPEC.md [L6]). */
export const PATCH = api(async ({ params, request }: RequestEvent, actor) =>
	withSignatures(backend().strategies.setTextLanguage(actor, params.id, (await readJson(request, strategyChange)).textLanguage))
);
