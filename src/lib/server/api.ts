import { json, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { AppError } from '$server/errors';
import { backend } from '$server/registry';
import type { Actor } from '$server/auth/policy';
import { JSON_BODY_MAX_BYTES } from '$lib/limits';
import { m } from '$lib/paraglide/messages.js';

/** The JSON error shape of the API: `{"error":{"code","message"}}` with the matching status. */
export function errorResponse(error: unknown): Response {
	if (error instanceof AppError) {
		const headers: Record<string, string> = {};
		const retryAfter = error.details?.retryAfterSeconds;
		if (typeof retryAfter === 'number') headers['retry-after'] = String(retryAfter);
		// The rest of an oversized body is never read: the connection cannot carry another request.
		if (error.status === 413) headers['connection'] = 'close';
		return json({ error: { code: error.code, message: error.message, ...(error.details && { details: error.details }) } }, { status: error.status, headers });
	}
	backend().log.error({ event: 'unexpected-error', err: error });
	return json({ error: { code: 'internal', message: m.error_internal() } }, { status: 500 });
}

/**
 * Wraps an API handler: the caller must be signed in (401), errors become the JSON error
 * shape, a plain value becomes a JSON body with `status` (201 for creates).
 */
export function api<E extends RequestEvent>(
	handler: (event: E, actor: Actor) => unknown,
	{ status = 200 }: { status?: number } = {}
): (event: E) => Promise<Response> {
	return async (event) => {
		try {
			const actor = event.locals.actor;
			if (!actor) throw new AppError('unauthenticated', m.error_sign_in_required());
			const result = await handler(event, actor);
			return result instanceof Response ? result : json(result, { status });
		} catch (error) {
			return errorResponse(error);
		}
	};
}

async function readLimited(request: Request, limit: number): Promise<string> {
	const declared = Number(request.headers.get('content-length') ?? 0);
	if (declared > limit) throw tooLarge(limit);
	if (!request.body) return '';
	const reader = request.body.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		size += value.byteLength;
		if (size > limit) {
			// Neither awaited nor cancelled: waiting hangs on a chunked body, and cancelling resets the
			// connection, so the sender may never read its 413. Node discards the rest once it is answered.
			reader.releaseLock();
			throw tooLarge(limit);
		}
		chunks.push(value);
	}
	return new TextDecoder().decode(Buffer.concat(chunks));
}

function tooLarge(limit: number): AppError {
	return new AppError('payload_too_large', m.error_body_too_large({ size: Math.round(limit / 1000) }));
}

/** Turns a schema failure into a 422 that names the first field at fault. */
export function invalid(error: z.ZodError): AppError {
	const issue = error.issues[0];
	const field = issue?.path.join('.') || 'body';
	return new AppError('invalid', m.error_field({ field, problem: issue?.message ?? m.validation_invalid_value() }), {
		issues: error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))
	});
}

/** Reads a JSON body: 413 past the limit, 400 when it is not JSON, 422 when it does not fit `schema`. */
export async function readJson<T extends z.ZodType>(request: Request, schema: T): Promise<z.infer<T>> {
	const type = request.headers.get('content-type') ?? '';
	if (!/^application\/json\b/i.test(type)) {
		throw new AppError('bad_request', m.error_json_content_type());
	}
	const text = await readLimited(request, JSON_BODY_MAX_BYTES);
	let body: unknown;
	try {
		body = JSON.parse(text);
	} catch {
		throw new AppError('invalid_json', m.error_not_json());
	}
	const parsed = schema.safeParse(body);
	if (!parsed.success) throw invalid(parsed.error);
	return parsed.data;
}
