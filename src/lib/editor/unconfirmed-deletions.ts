import * as Y from 'yjs';

/** Yjs exports the delete set's functions but not its type. */
type DeleteSet = Y.Transaction['deleteSet'];

interface DeletedRange {
	client: number;
	clock: number;
	len: number;
}

/**
 * Deletions made in this browser that the server has not yet shown it holds. A deletion moves
 * no Yjs clock, so comparing state vectors (how "saved" is judged for everything else) cannot
 * see one: the server's delete set, which comes with every sync step 2, can.
 */
export class UnconfirmedDeletions {
	private ranges: DeletedRange[] = [];

	get pending(): boolean {
		return this.ranges.length > 0;
	}

	/** Deletions a local transaction made (its `deleteSet`). */
	add(deleteSet: DeleteSet): void {
		for (const [client, items] of deleteSet.clients) for (const { clock, len } of items) this.ranges.push({ client, clock, len });
	}

	/** Forgets the deletions the server's delete set (from a sync step 2 it sent) holds. */
	confirm(serverDeletes: DeleteSet): void {
		this.ranges = this.ranges.filter(({ client, clock, len }) => {
			for (let i = clock; i < clock + len; i++) if (!Y.isDeleted(serverDeletes, Y.createID(client, i))) return true;
			return false;
		});
	}
}
