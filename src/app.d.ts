import type { Actor } from '$server/auth/policy';
import type { Session } from '$server/auth/sessions';

declare global {
	namespace App {
		interface Locals {
			/** The signed-in person, or null. Set by hooks.server.ts from the session cookie, nothing else sets it. */
			actor: Actor | null;
			session: Session | null;
		}
		interface Error {
			message: string;
			code?: string;
		}
	}
}

export {};
