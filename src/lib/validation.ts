import { z } from 'zod';
import { EMAIL_MAX_LENGTH, NAME_MAX_LENGTH, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './limits';
import { DELEGATION_CODES, MODULES, ROLES } from './vocabulary';

/**
 * One schema per form or request body, used by the page's form action and the JSON API alike,
 * so both refuse the same input with the same words.
 */

const email = z
	.string()
	.trim()
	.toLowerCase()
	.max(EMAIL_MAX_LENGTH)
	.pipe(z.email({ message: 'Enter an e-mail address such as name@ministry.gov.al.' }));

export const signInForm = z.object({
	email: z.string().trim().min(1, 'Enter your e-mail address.').max(EMAIL_MAX_LENGTH),
	// Only the upper bound here: an existing password is checked, not judged.
	password: z.string().min(1, 'Enter your password.').max(PASSWORD_MAX_LENGTH, 'That password is too long.')
});

export const newPassword = z
	.string()
	.refine((value) => [...value].length >= PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`)
	.refine((value) => [...value].length <= PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters.`);

export const setPasswordForm = z
	.object({ password: newPassword, confirm: z.string() })
	.refine((form) => form.password === form.confirm, { message: 'The two passwords differ.', path: ['confirm'] });

export const newUserForm = z.object({
	email,
	name: z.string().trim().min(1, 'Enter the person’s name.').max(NAME_MAX_LENGTH)
});

const optionalCode = <T extends readonly [string, ...string[]]>(values: T) =>
	z.preprocess((value) => (value === '' || value === undefined ? null : value), z.enum(values).nullable());

export const grantForm = z.object({
	role: z.enum(ROLES, { message: 'Choose a role.' }),
	delegation: optionalCode(DELEGATION_CODES),
	module: optionalCode(MODULES)
});

/** Form data as a plain object of strings (files and repeated fields are not used by these forms). */
export function formObject(data: FormData): Record<string, string> {
	const object: Record<string, string> = {};
	for (const [key, value] of data) if (typeof value === 'string') object[key] = value;
	return object;
}
