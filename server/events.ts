import { EventEmitter } from 'node:events';
import type { StrategyEvent } from '../src/lib/strategy-events';

/**
 * What one part of the back end tells the others without knowing them: a change of access
 * re-judges live connections, a change to a strategy reaches its open pages.
 */
export interface DomainEvents {
	/** A user's grants or active state changed: their sessions and live connections are judged again. */
	'access-changed': [userId: number];
	/** Some or all of a user's sessions ended (signed out, ended by an admin, expired). */
	'sessions-ended': [userId: number];
	/** A strategy's status changed (locked, signed, unlocked). */
	'strategy-status-changed': [strategyId: string];
	/** A strategy's text changed and then nothing more for the quiet period: time for an automatic snapshot. */
	'text-quiet': [strategyId: string];
	/** Something beside the text changed on a strategy; open pages hear of it over SSE. */
	'strategy-event': [strategyId: string, event: StrategyEvent];
}

export class EventBus extends EventEmitter<DomainEvents> {
	constructor() {
		super();
		// Every open page's event stream listens here; hundreds are normal, not a leak.
		this.setMaxListeners(0);
	}
}
