import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * One JSON line per event on stdout. Secrets never reach a log line: the redaction list
 * is a second net under the rule that no code logs a password, token or cookie at all.
 */
export function createLogger(level: string): Logger {
	return pino({
		level,
		base: undefined,
		redact: {
			paths: [
				'password',
				'*.password',
				'token',
				'*.token',
				'cookie',
				'*.cookie',
				'headers.cookie',
				'*.headers.cookie'
			],
			censor: '[redacted]'
		}
	});
}
