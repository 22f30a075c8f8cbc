import { invalidateAll } from '$app/navigation';
import { apiFetch } from '$lib/api-client';
import type { Annotation } from '$server/annotations';
import type { CommentThread, Person } from '$server/comments';
import type { BenchmarkCoverage } from '$server/coverage';
import type { StrategyEvent } from '$lib/strategy-events';

export type { Annotation, CommentThread, Person, BenchmarkCoverage };

/**
 * What is said about a strategy beside its text: benchmark annotations, comment threads and
 * coverage, loaded from the API and refreshed when the strategy's event stream says they
 * changed, so every open page sees others' work within a second. A change of status reloads
 * the page's data.
 */
export class StrategyNotes {
	annotations = $state<Annotation[]>([]);
	threads = $state<CommentThread[]>([]);
	coverage = $state<BenchmarkCoverage[]>([]);
	people = $state<Person[]>([]);
	showResolved = $state(false);
	private events: EventSource | null = null;

	constructor(readonly strategyId: string) {}

	async start(): Promise<void> {
		this.events = new EventSource(`/api/v1/strategies/${this.strategyId}/events`);
		let reopened = false;
		// Back after a break (the network, a sleeping laptop): what changed meanwhile was not heard.
		this.events.onopen = () => {
			if (reopened) void Promise.all([this.loadAnnotations(), this.loadThreads(), this.reloadPage()]).catch(() => {});
			reopened = true;
		};
		this.events.onmessage = (message) => {
			const event = JSON.parse(message.data as string) as StrategyEvent;
			if (event.type === 'annotations') void this.loadAnnotations();
			else if (event.type === 'comments') void this.loadThreads();
			// Locked, signed or unlocked elsewhere, or its text's language set: the page's data changes with it.
			else if (event.type === 'status' || event.type === 'details') void this.reloadPage();
		};
		await Promise.all([this.loadAnnotations(), this.loadThreads(), this.loadPeople()]);
	}

	async loadAnnotations(): Promise<void> {
		const [annotations, coverage] = await Promise.all([
			apiFetch<Annotation[]>(`/strategies/${this.strategyId}/annotations`),
			apiFetch<BenchmarkCoverage[]>(`/strategies/${this.strategyId}/coverage`)
		]);
		this.annotations = annotations;
		this.coverage = coverage;
	}

	async loadThreads(): Promise<void> {
		this.threads = await apiFetch<CommentThread[]>(`/strategies/${this.strategyId}/comments${this.showResolved ? '?resolved=include' : ''}`);
	}

	private async loadPeople(): Promise<void> {
		this.people = await apiFetch<Person[]>(`/strategies/${this.strategyId}/people`);
	}

	/**
	 * Reloads the page's data, only once the server answers: a reload that fails (offline) would
	 * replace the page, and the editor with its unsent words, by an error page.
	 */
	private async reloadPage(): Promise<void> {
		try {
			await apiFetch(`/strategies/${this.strategyId}`);
		} catch {
			return;
		}
		await invalidateAll();
	}

	stop(): void {
		this.events?.close();
	}
}
