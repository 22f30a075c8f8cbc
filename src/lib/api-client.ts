import { getLocale } from '$lib/paraglide/runtime.js';

/** A refusal from the API, with its stable code and a message in the reader's language. */
export class ApiError extends Error {
	constructor(
		readonly status: number,
		readonly code: string,
		message: string
	) {
		super(message);
	}
}

/** Calls the JSON API from the page; errors come back in the interface language (Accept-Language). */
export async function apiFetch<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
	const response = await fetch(`/api/v1${path}`, {
		method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
		headers: { 'accept-language': getLocale(), ...(init.body !== undefined && { 'content-type': 'application/json' }) },
		body: init.body === undefined ? undefined : JSON.stringify(init.body)
	});
	const payload = (await response.json().catch(() => null)) as { error?: { code: string; message: string } } | null;
	if (!response.ok) throw new ApiError(response.status, payload?.error?.code ?? 'error', payload?.error?.message ?? response.statusText);
	return payload as T;
}
