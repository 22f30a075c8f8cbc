import * as Y from 'yjs';
import { guardUpdate } from './update-guard';

type Struct = ReturnType<typeof Y.decodeUpdate>['structs'][number];

/**
 * Reads an update completely before anything stores it; throws on bytes that are not one.
 * The guard bounds the work first (yjs issue 687), then Yjs decodes structs and delete set.
 */
export function readUpdate(update: Uint8Array): Struct[] {
	guardUpdate(update);
	return Y.decodeUpdate(update).structs;
}

/**
 * Decides whether a well-formed update may be stored for one room's document [S6].
 *
 * Some updates that decode cleanly still make `Y.applyUpdate` throw, depending on what the
 * document holds (an item that overlaps what the server has, next to a garbage-collected
 * one, is one such). The server applies an update only after storing it, so one of those
 * would be stored and then break every load of the strategy. Nearly every real update just
 * continues each of its clients where the document (and the updates admitted before it,
 * still being stored) ends; those cannot reach such a path and are admitted at once. Any
 * other is first applied to a copy of the document, and refused if that throws.
 */
export class Admission {
	/** Where each client's structs end once the admitted, not yet applied updates are applied. */
	private readonly ends = new Map<number, number>();
	private readonly waiting: Uint8Array[] = [];
	/** Whether every waiting update was a plain continuation: then `ends` says all that matters. */
	private plain = true;

	constructor(private readonly doc: Y.Doc) {}

	/** Throws unless `update`, applied after the updates admitted before it, applies cleanly. */
	admit(update: Uint8Array, structs: readonly Struct[] = readUpdate(update)): void {
		const store = this.doc.store;
		const ends = this.plain && !store.pendingStructs && !store.pendingDs ? this.continuation(structs) : null;
		if (ends) {
			for (const [client, end] of ends) this.ends.set(client, end);
		} else {
			this.tryOnCopy(update);
			this.plain = false;
		}
		this.waiting.push(update);
	}

	/** Everything admitted so far is now applied to the document. */
	settled(): void {
		this.ends.clear();
		this.waiting.length = 0;
		this.plain = true;
	}

	/** The new end of each client's structs, or null unless every struct starts where its client ends. */
	private continuation(structs: readonly Struct[]): Map<number, number> | null {
		const ends = new Map<number, number>();
		for (const struct of structs) {
			if (struct instanceof Y.Skip) return null;
			const { client, clock } = struct.id;
			const end = ends.get(client) ?? this.ends.get(client) ?? Y.getState(this.doc.store, client);
			if (clock !== end) return null;
			ends.set(client, clock + struct.length);
		}
		return ends;
	}

	private tryOnCopy(update: Uint8Array): void {
		const copy = new Y.Doc();
		try {
			Y.applyUpdate(copy, Y.encodeStateAsUpdate(this.doc));
			for (const waiting of this.waiting) Y.applyUpdate(copy, waiting);
			Y.applyUpdate(copy, update);
		} catch (error) {
			throw new Error(`update refused: it cannot be applied to this document (${(error as Error).message})`);
		} finally {
			copy.destroy();
		}
	}
}
