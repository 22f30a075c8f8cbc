/**
 * A refusal the user should understand: a stable `code` for programs, an HTTP status, and a
 * message for people. Domain functions throw it; the HTTP and socket edges translate it.
 */
export class AppError extends Error {
	readonly status: number;

	constructor(
		readonly code: AppErrorCode,
		message: string,
		readonly details?: Record<string, unknown>
	) {
		super(message);
		this.name = 'AppError';
		this.status = STATUS_OF[code];
	}
}

const STATUS_OF = {
	bad_request: 400,
	invalid_json: 400,
	unauthenticated: 401,
	wrong_password: 401,
	forbidden: 403,
	foreign_origin: 403,
	not_found: 404,
	method_not_allowed: 405,
	conflict: 409,
	strategy_locked: 409,
	not_locked: 409,
	email_taken: 409,
	payload_too_large: 413,
	invalid: 422,
	password_too_short: 422,
	password_too_long: 422,
	link_expired: 422,
	too_many_attempts: 429,
	busy: 503
} as const satisfies Record<string, 400 | 401 | 403 | 404 | 405 | 409 | 413 | 422 | 429 | 503>;

export type AppErrorCode = keyof typeof STATUS_OF;
