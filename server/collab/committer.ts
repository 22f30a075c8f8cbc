import type { DocumentStore } from '../document/store';
import type { Logger } from '../log';
import type { AcceptedUpdate, Room, UpdateSink } from './room';
import { releaseHeldFrames } from './connection';
import { STORAGE_RETRY_MAX_MS, STORAGE_RETRY_MIN_MS } from '../../src/lib/limits';

/**
 * Group commit (SPEC.md [D4], [D5]): updates accepted within one turn of the event loop are
 * appended in one transaction, and only after it commits are they sent on and applied. One
 * fsync then covers a whole burst of typing from every room.
 *
 * When the database refuses a write, each room's updates are tried alone so that one room's
 * trouble does not stop the others; a room that still fails keeps its updates in memory,
 * pauses editing and is retried with backoff until the database takes them [D6].
 */
export class Committer implements UpdateSink {
	private queue: AcceptedUpdate[] = [];
	private scheduled = false;
	private retryTimer: NodeJS.Timeout | null = null;
	private retryDelay = STORAGE_RETRY_MIN_MS;
	/** Rooms whose updates the database refused; their updates wait in `Room.unsaved`. */
	private readonly failing = new Set<Room>();

	constructor(
		private readonly store: DocumentStore,
		private readonly log: Logger,
		private readonly onStored: (room: Room) => void
	) {}

	accept(update: AcceptedUpdate): void {
		if (this.failing.has(update.room)) return;
		this.queue.push(update);
		if (!this.scheduled) {
			this.scheduled = true;
			setImmediate(() => this.flush());
		}
	}

	/** Stores everything queued now; returns whether nothing is left unstored. */
	flush(): boolean {
		this.scheduled = false;
		const batch = this.queue;
		this.queue = [];
		if (batch.length > 0 && !this.write(batch)) {
			for (const room of new Set(batch.map((update) => update.room))) {
				const updates = batch.filter((update) => update.room === room);
				if (!this.write(updates)) this.fail(room);
			}
		}
		return this.failing.size === 0;
	}

	/** Whether a room has updates the database has not taken. */
	holdsUnsaved(room: Room): boolean {
		return this.failing.has(room) || room.unsaved.length > 0;
	}

	private write(updates: AcceptedUpdate[]): boolean {
		try {
			this.store.append(updates.map(({ room, seq, update }) => ({ strategyId: room.strategyId, seq, update })));
		} catch (error) {
			this.log.error({ event: 'storage-write-failed', updates: updates.length, message: (error as Error).message });
			return false;
		}
		const byRoom = new Map<Room, AcceptedUpdate[]>();
		for (const update of updates) {
			const stored = byRoom.get(update.room);
			if (stored) stored.push(update);
			else byRoom.set(update.room, [update]);
		}
		for (const [room, stored] of byRoom) room.sendStored(stored);
		// What was just stored leaves now, before the rooms' documents take it: applying it is
		// work nobody waits for, and sending first takes it off every receiver's wait.
		releaseHeldFrames();
		for (const [room, stored] of byRoom) {
			room.applyStored(stored);
			this.onStored(room);
		}
		return true;
	}

	private fail(room: Room): void {
		this.failing.add(room);
		room.storageFailed();
		this.scheduleRetry();
	}

	private scheduleRetry(): void {
		if (this.retryTimer) return;
		this.retryTimer = setTimeout(() => {
			this.retryTimer = null;
			this.retry();
		}, this.retryDelay);
	}

	/** Tries each failing room's held updates again, in order; a room that succeeds resumes. */
	retry(): void {
		for (const room of [...this.failing]) {
			if (room.unsaved.length > 0 && !this.write([...room.unsaved])) continue;
			this.failing.delete(room);
			this.log.info({ event: 'storage-recovered', strategyId: room.strategyId });
			room.storageRecovered();
		}
		if (this.failing.size > 0) {
			this.retryDelay = Math.min(this.retryDelay * 2, STORAGE_RETRY_MAX_MS);
			this.scheduleRetry();
		} else {
			this.retryDelay = STORAGE_RETRY_MIN_MS;
		}
	}

	stop(): void {
		if (this.retryTimer) clearTimeout(this.retryTimer);
		this.retryTimer = null;
	}
}
