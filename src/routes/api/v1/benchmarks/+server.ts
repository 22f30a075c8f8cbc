import { api, readJson } from '$lib/server/api';
import { backend } from '$server/registry';
import { can } from '$server/auth/policy';
import { AppError } from '$server/errors';
import { benchmarkInput } from '$lib/validation';
import { MODULES, type ModuleCode } from '$lib/vocabulary';
import { m } from '$lib/paraglide/messages.js';
import type { RequestEvent } from './$types';

/** The catalogue, for everyone signed in: `?module=`, `?q=` (code, title, instrument, CELEX), `?retired=exclude`. */
export const GET = api(({ url }: RequestEvent) => {
	const module = url.searchParams.get('module');
	return backend().benchmarks.list({
		module: MODULES.includes(module as ModuleCode) ? (module as ModuleCode) : undefined,
		query: url.searchParams.get('q') ?? undefined,
		includeRetired: url.searchParams.get('retired') !== 'exclude'
	});
});

export const POST = api(
	async ({ request }: RequestEvent, actor) => {
		if (!can(actor, 'manage-catalogue', { kind: 'programme' })) throw new AppError('forbidden', m.error_admin_only());
		return backend().benchmarks.create(await readJson(request, benchmarkInput), actor.id);
	},
	{ status: 201 }
);
