import { api } from '$lib/server/api';
import { backend } from '$server/registry';
import type { RequestEvent } from './$types';

/** Every benchmark of the strategy's module with its current assessment ("not addressed": null) and passages. */
export const GET = api(({ params }: RequestEvent, actor) => backend().coverage.ofStrategy(actor, params.id));
