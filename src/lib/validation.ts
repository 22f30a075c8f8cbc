import { z } from 'zod';
import {
	COMMENT_MAX_LENGTH,
	EMAIL_MAX_LENGTH,
	MAX_MENTIONS,
	NAME_MAX_LENGTH,
	NOTE_MAX_LENGTH,
	PASSWORD_MAX_LENGTH,
	PASSWORD_MIN_LENGTH,
	QUOTE_MAX_LENGTH,
	SNAPSHOT_NAME_MAX_LENGTH
} from './limits';
import { ASSESSMENTS, DELEGATION_CODES, MODULES, ROLES, TEXT_LANGUAGES } from './vocabulary';
import { m } from './paraglide/messages.js';

/**
 * One schema per form or request body, used by the page's form action and the JSON API
 * alike, so both refuse the same input with the same words. Messages are functions so they
 * are written in the language of the request that fails, not of the process that started.
 */

/**
 * Zod's own words for the checks a schema gives none of its own (too long, missing, wrong
 * type) are English and technical ("Too big: expected string to have <=200 characters"):
 * people read these instead, in their language (SPEC.md [L3]).
 */
z.config({
	customError: (issue) => {
		switch (issue.code) {
			case 'too_big':
				if (issue.origin === 'string') return m.validation_too_long({ max: String(issue.maximum) });
				if (issue.origin === 'array') return m.validation_too_many({ max: String(issue.maximum) });
				return m.validation_invalid_value();
			case 'too_small':
				if (issue.origin === 'string' && Number(issue.minimum) > 1) return m.validation_too_short({ min: String(issue.minimum) });
				return issue.origin === 'string' || issue.origin === 'array' ? m.validation_required() : m.validation_invalid_value();
			case 'invalid_type':
				return issue.input === undefined ? m.validation_required() : m.validation_wrong_type();
			default:
				return m.validation_invalid_value();
		}
	}
});

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

/** A W3C TextQuoteSelector: the passage's exact text, and text just before and after it to tell repeats apart. */
export const selector = z.object({
	exact: z.string().min(1).max(QUOTE_MAX_LENGTH),
	prefix: z.string().max(QUOTE_MAX_LENGTH).optional(),
	suffix: z.string().max(QUOTE_MAX_LENGTH).optional()
});

export const newAnnotation = z.object({
	benchmarkId: z.number().int().positive(),
	selector,
	assessment: z.enum(ASSESSMENTS),
	note: z.string().max(NOTE_MAX_LENGTH).optional()
});

export const annotationChange = z.object({
	benchmarkId: z.number().int().positive().optional(),
	selector: selector.optional(),
	assessment: z.enum(ASSESSMENTS).optional(),
	note: z.string().max(NOTE_MAX_LENGTH).optional()
});

const commentBody = z.string().trim().min(1).max(COMMENT_MAX_LENGTH);
const mentions = z.array(z.number().int().positive()).max(MAX_MENTIONS).optional();

export const newComment = z.object({ body: commentBody, selector: selector.optional(), mentions });
export const commentReply = z.object({ body: commentBody, mentions });
/** A comment's words (its author's), and for a thread, the passage it is about. */
export const commentChange = z.object({ body: commentBody.optional(), mentions, selector: selector.optional() });

export const benchmarkInput = z.object({
	code: z
		.string()
		.trim()
		.regex(/^[A-Z]{2,5}-\d{2,3}$/, { error: () => m.validation_benchmark_code() }),
	module: z.enum(MODULES),
	title: z.string().trim().min(1).max(NAME_MAX_LENGTH),
	instrument: z.string().trim().min(1).max(1_000),
	// Optional: not every benchmark is a piece of EU law with a CELEX number.
	celex: z.preprocess(
		(value) => (value === '' || value === undefined ? null : value),
		z
			.string()
			.trim()
			.regex(/^3\d{4}[A-Z]{1,2}\d{4}$/, { error: () => m.validation_celex() })
			.nullable()
	),
	aligned: z.string().trim().max(NOTE_MAX_LENGTH),
	indicators: z.array(z.string().trim().min(1).max(500)).max(20)
});

/** What may be changed about a strategy beside its text: the language it is written in (SPEC.md [L6]). */
export const strategyChange = z.object({ textLanguage: z.enum(TEXT_LANGUAGES) });

/** Lock, sign and unlock ask for the password again; a missing one is a 401 (SPEC.md [A8]), not a form error. */
export const lockRequest = z.object({
	password: z.string().max(PASSWORD_MAX_LENGTH).optional(),
	name: z
		.string()
		.transform((name) => name.replace(BIDI_CONTROLS, '').trim())
		.pipe(z.string().max(SNAPSHOT_NAME_MAX_LENGTH))
		.optional()
});
export const signRequest = z.object({ password: z.string().max(PASSWORD_MAX_LENGTH).optional(), statement: z.string().trim().max(NOTE_MAX_LENGTH).optional() });
export const unlockRequest = z.object({ password: z.string().max(PASSWORD_MAX_LENGTH).optional(), reason: z.string().max(NOTE_MAX_LENGTH).optional() });

/** Characters that reorder what follows them: "evil" shown as "live". A name never needs them. */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
/** What takes no room on screen: a name made only of these is an invisible, unclickable entry. */
const INVISIBLE = /[\s\u200B-\u200D\u2060\uFEFF]/g;

export const newSnapshot = z.object({
	name: z
		.string()
		.transform((name) => name.replace(BIDI_CONTROLS, '').trim())
		.pipe(
			z
				.string()
				.max(SNAPSHOT_NAME_MAX_LENGTH)
				.refine((name) => name.replace(INVISIBLE, '') !== '', { error: () => m.validation_snapshot_name() })
		)
});

/** Form data as a plain object of strings (files and repeated fields are not used by these forms). */
export function formObject(data: FormData): Record<string, string> {
	const object: Record<string, string> = {};
	for (const [key, value] of data) if (typeof value === 'string') object[key] = value;
	return object;
}
