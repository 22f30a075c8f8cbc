import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { can, type Actor } from '$server/auth/policy';
import { AppError } from '$server/errors';
import { m } from '$lib/paraglide/messages.js';

/** The signed-in person, or a redirect to the sign-in page that comes back here afterwards. */
export function signedIn(event: Pick<RequestEvent, 'locals' | 'url'>): Actor {
	const actor = event.locals.actor;
	if (!actor) redirect(303, `/login?next=${encodeURIComponent(event.url.pathname + event.url.search)}`);
	return actor;
}

/** The signed-in administrator; anyone else gets 403 [P6]. */
export function administrator(event: Pick<RequestEvent, 'locals' | 'url'>): Actor {
	const actor = signedIn(event);
	if (!can(actor, 'manage-users', { kind: 'programme' })) error(403, m.error_admin_only());
	return actor;
}

/** Stands for this site while a `next` is resolved: whatever leaves it is another site. */
const HERE = 'http://acquis.invalid';

/**
 * Where to go after signing in: only a path on this site (open redirect). The path is read as
 * a browser reads it, which drops tabs and newlines and takes `\` for `/`: `/\t/evil.example`
 * is `//evil.example` to a browser, and a newline would break the Location header.
 */
export function safeNext(next: string | null): string {
	if (!next?.startsWith('/')) return '/strategies';
	const url = new URL(next, HERE);
	return url.origin === HERE ? url.pathname + url.search + url.hash : '/strategies';
}

/** Runs a page's domain calls: a refusal becomes the error page with its status and message. */
export function orErrorPage<T>(load: () => T): T {
	try {
		return load();
	} catch (caught) {
		if (caught instanceof AppError) error(caught.status, caught.message);
		throw caught;
	}
}

/** A refusal from the domain as a form failure the page shows; anything else is a real error. */
export function formFailure<T extends object = object>(caught: unknown, values: T = {} as T) {
	if (caught instanceof AppError) return fail(caught.status, { ...values, message: caught.message, code: caught.code });
	throw caught;
}
