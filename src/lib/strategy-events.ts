/**
 * What a strategy's Server-Sent Events stream says (`GET /api/v1/strategies/:id/events`).
 * Events name what changed, never its content: a page fetches what it may read through the
 * API, so the stream cannot tell anyone more than the API would.
 */
export type StrategyEvent =
	| { type: 'annotations'; id: number }
	| { type: 'comments'; threadId: number }
	| { type: 'snapshots'; id: number }
	| { type: 'status'; status: string }
	/** Something the strategy's page shows about it changed (the language of its text). */
	| { type: 'details' };
