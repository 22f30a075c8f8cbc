import { fail } from '@sveltejs/kit';
import { backend } from '$server/registry';
import { can } from '$server/auth/policy';
import { administrator, formFailure, signedIn } from '$lib/server/access';
import { benchmarkInput, formObject } from '$lib/validation';
import { MODULES, type ModuleCode } from '$lib/vocabulary';
import { m } from '$lib/paraglide/messages.js';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const actor = signedIn(event);
	const module = event.url.searchParams.get('module');
	const query = event.url.searchParams.get('q') ?? '';
	const includeRetired = event.url.searchParams.has('retired');
	return {
		benchmarks: backend().benchmarks.list({
			module: MODULES.includes(module as ModuleCode) ? (module as ModuleCode) : undefined,
			query,
			includeRetired
		}),
		filter: { module: module ?? '', query, includeRetired },
		modules: backend().programme.modules(),
		mayManage: can(actor, 'manage-catalogue', { kind: 'programme' })
	};
};

/** The catalogue form: one line per indicator. */
function parse(form: Record<string, string>) {
	return benchmarkInput.safeParse({
		...form,
		indicators: (form.indicators ?? '')
			.split('\n')
			.map((line) => line.trim())
			.filter(Boolean)
	});
}

export const actions: Actions = {
	save: async (event) => {
		const actor = administrator(event);
		const form = formObject(await event.request.formData());
		const parsed = parse(form);
		if (!parsed.success) return fail(422, { message: parsed.error.issues[0]?.message ?? m.validation_invalid_value(), id: form.id });
		try {
			const { benchmarks } = backend();
			if (form.id) benchmarks.update(Number(form.id), parsed.data, actor.id);
			else benchmarks.create(parsed.data, actor.id);
			return { done: m.benchmark_saved() };
		} catch (caught) {
			return formFailure(caught, { id: form.id });
		}
	},
	retire: async (event) => {
		const actor = administrator(event);
		const form = formObject(await event.request.formData());
		try {
			backend().benchmarks.setRetired(Number(form.id), form.retired === 'true', actor.id);
			return { done: m.benchmark_saved() };
		} catch (caught) {
			return formFailure(caught);
		}
	}
};
