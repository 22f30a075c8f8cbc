import { api } from '$lib/server/api';
import { backend } from '$server/registry';
import { can } from '$server/auth/policy';
import { strategyScope } from '$server/strategies';
import { EVENTS_KEEPALIVE_MS } from '$lib/limits';
import type { StrategyEvent } from '$lib/strategy-events';
import type { RequestEvent } from './$types';

/**
 * The strategy's Server-Sent Events: what changed beside the text (annotations, comments,
 * status), as `data: {"type": …}` lines. The stream ends the moment the person may no longer
 * read the strategy or their session ends (SPEC.md [N3]).
 */
export const GET = api(({ params, request, locals }: RequestEvent, actor) => {
	const { strategies, sessions, bus } = backend();
	const strategy = strategies.authorize(actor, 'read', params.id);
	const sessionId = locals.session!.id;
	let cleanup = () => {};
	let closed = false;
	const stream = new ReadableStream<Uint8Array>({
		start(controller) {
			const encoder = new TextEncoder();
			const send = (text: string) => {
				try {
					controller.enqueue(encoder.encode(text));
				} catch {
					cleanup();
				}
			};
			const onEvent = (strategyId: string, event: StrategyEvent) => {
				if (strategyId === strategy.id) send(`data: ${JSON.stringify(event)}\n\n`);
			};
			const onAccess = (userId: number) => {
				if (userId !== actor.id) return;
				const now = sessions.stillValid(sessionId);
				const current = strategies.find(strategy.id);
				if (!now || !current || !can(now, 'read', strategyScope(current))) {
					// One change can arrive twice (deactivating someone also ends their sessions): close once.
					if (closed) return;
					closed = true;
					cleanup();
					controller.close();
				}
			};
			const keepalive = setInterval(() => send(': keepalive\n\n'), EVENTS_KEEPALIVE_MS);
			bus.on('strategy-event', onEvent);
			bus.on('access-changed', onAccess);
			bus.on('sessions-ended', onAccess);
			cleanup = () => {
				clearInterval(keepalive);
				bus.off('strategy-event', onEvent);
				bus.off('access-changed', onAccess);
				bus.off('sessions-ended', onAccess);
			};
			request.signal.addEventListener('abort', () => cleanup());
			send(`retry: 2000\n: connected\n\n`);
		},
		cancel() {
			cleanup();
		}
	});
	return new Response(stream, {
		headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', 'x-accel-buffering': 'no' }
	});
});
