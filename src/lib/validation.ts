import { z } from 'zod';
import { EMAIL_MAX_LENGTH, NAME_MAX_LENGTH, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './limits';
import { DELEGATION_CODES, MODULES, ROLES } from './vocabulary';
import { m } from './paraglide/messages.js';

/**
 * One schema per form or request body, used by the page's form action and the JSON API
 * alike, so both refuse the same input with the same words. Messages are functions so they
 * are written in the language of the request that fails, not of the process that started.
 */

const email = z
	.string()
	.trim()
	.toLowerCase()
	.max(EMAIL_MAX_LENGTH, { error: () => m.validation_email_format() })
	.pipe(z.email({ error: () => m.validation_email_format() }));

export const signInForm = z.object({
	email: z
		.string({ error: () => m.validation_enter_email() })
		.trim()
		.min(1, { error: () => m.validation_enter_email() })
		.max(EMAIL_MAX_LENGTH, { error: () => m.validation_email_format() }),
	// Only the upper bound here: an existing password is checked, not judged.
	password: z
		.string({ error: () => m.validation_enter_password() })
		.min(1, { error: () => m.validation_enter_password() })
		.max(PASSWORD_MAX_LENGTH, { error: () => m.validation_password_too_long() })
});

export const newPassword = z
	.string()
	.refine((value) => [...value].length >= PASSWORD_MIN_LENGTH, { error: () => m.validation_password_min({ min: PASSWORD_MIN_LENGTH }) })
	.refine((value) => [...value].length <= PASSWORD_MAX_LENGTH, { error: () => m.validation_password_max({ max: PASSWORD_MAX_LENGTH }) });

export const setPasswordForm = z
	.object({ password: newPassword, confirm: z.string() })
	.refine((form) => form.password === form.confirm, { error: () => m.validation_passwords_differ(), path: ['confirm'] });

export const newUserForm = z.object({
	email,
	name: z
		.string()
		.trim()
		.min(1, { error: () => m.validation_name_required() })
		.max(NAME_MAX_LENGTH, { error: () => m.validation_invalid_value() })
});

const optionalCode = <T extends readonly [string, ...string[]]>(values: T) =>
	z.preprocess(
		(value) => (value === '' || value === undefined ? null : value),
		z.enum(values, { error: () => m.validation_invalid_value() }).nullable()
	);

export const grantForm = z.object({
	role: z.enum(ROLES, { error: () => m.validation_choose_role() }),
	delegation: optionalCode(DELEGATION_CODES),
	module: optionalCode(MODULES)
});

/** Form data as a plain object of strings (files and repeated fields are not used by these forms). */
export function formObject(data: FormData): Record<string, string> {
	const object: Record<string, string> = {};
	for (const [key, value] of data) if (typeof value === 'string') object[key] = value;
	return object;
}
