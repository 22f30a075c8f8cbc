import { AppError } from '$server/errors';
import { m } from '$lib/paraglide/messages.js';

/** A numeric id from the path; anything else is simply not found. */
export function idParam(value: string, notFound: () => string = m.error_no_endpoint): number {
	const id = Number(value);
	if (!/^\d{1,12}$/.test(value) || !Number.isSafeInteger(id) || id <= 0) throw new AppError('not_found', notFound());
	return id;
}
