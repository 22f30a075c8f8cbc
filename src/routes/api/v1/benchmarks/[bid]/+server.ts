import { z } from 'zod';
import { api, readJson } from '$lib/server/api';
import { idParam } from '$lib/server/params';
import { backend } from '$server/registry';
import { can } from '$server/auth/policy';
import { AppError } from '$server/errors';
import { benchmarkInput } from '$lib/validation';
import { m } from '$lib/paraglide/messages.js';
import type { RequestEvent } from './$types';

export const GET = api(({ params }: RequestEvent) => backend().benchmarks.get(idParam(params.bid, m.error_benchmark_not_found)));

/** Admins edit a benchmark or retire it (`{retired: true}`); retired benchmarks keep their annotations. */
export const PATCH = api(async ({ params, request }: RequestEvent, actor) => {
	if (!can(actor, 'manage-catalogue', { kind: 'programme' })) throw new AppError('forbidden', m.error_admin_only());
	const id = idParam(params.bid, m.error_benchmark_not_found);
	const body = await readJson(request, benchmarkInput.partial().extend({ retired: z.boolean().optional() }));
	const { benchmarks } = backend();
	const { retired, ...fields } = body;
	if (Object.keys(fields).length > 0) benchmarks.update(id, { ...benchmarks.get(id), ...fields }, actor.id);
	if (retired !== undefined) benchmarks.setRetired(id, retired, actor.id);
	return benchmarks.get(id);
});
