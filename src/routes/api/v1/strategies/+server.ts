import { api } from '$lib/server/api';
import { backend } from '$server/registry';
import type { RequestEvent } from './$types';

export const GET = api((_event: RequestEvent, actor) => backend().strategies.readableBy(actor));
