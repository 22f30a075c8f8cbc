import * as Y from 'yjs';
import { guardUpdate } from './update-guard';
import { MAX_OUT_OF_ORDER_RANGES } from '../../src/lib/limits';

type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

/**
 * Reads an update completely before anything stores it; throws on bytes that are not one.
 * The guard bounds the work first (yjs issue 687), then Yjs decodes structs and delete set.
 */
export function readUpdate(update: Uint8Array): DecodedUpdate {
	guardUpdate(update);
	return Y.decodeUpdate(update);
}

/**
 * Whether an update would change nothing: every struct is one the document has, and
 * everything it deletes is deleted already. A client answers every sync step 1 (the room's
 * "stored" acknowledgement among them) with such an update, carrying its whole delete set;
 * storing each would grow the log and cost a commit for nothing.
 */
export function addsNothing(doc: Y.Doc, { structs, ds }: DecodedUpdate): boolean {
	for (const struct of structs) {
		if (!(struct instanceof Y.Skip) && struct.id.clock + struct.length > Y.getState(doc.store, struct.id.client)) return false;
	}
	for (const [client, deletions] of ds.clients) {
		const held = doc.store.clients.get(client);
		const state = Y.getState(doc.store, client);
		for (const { clock, len } of deletions) {
			if (!held || clock + len > state) return false;
			for (let index = Y.findIndexSS(held, clock); index < held.length && held[index]!.id.clock < clock + len; index++) {
				if (!held[index]!.deleted) return false;
			}
		}
	}
	return true;
}

/**
 * Decides whether a well-formed update may be stored for one room's document [S6].
 *
 * Some updates that decode cleanly still make `Y.applyUpdate` throw, depending on what the
 * document holds: a struct that overlaps clocks the document already has, next to a
 * garbage-collected one, is one such. The server applies an update only after storing it, so
 * one of those would be stored and then break every load of the strategy.
 *
 * Yjs only takes that path for a struct that overlaps clocks of its client already held. So
 * each admitted struct's clock range is remembered until the document holds it. An update
 * whose structs continue their clients, fill a gap or leave one (Yjs parks those until the
 * gap is filled), or only repeat what the document has (Yjs skips those), is admitted. One
 * that partly overlaps what is held is not: the room drops it and asks its sender for what
 * the document lacks (sync step 1), and the answer starts exactly where the document ends.
 * A real client meets this only when it types while it resynchronises.
 */
export class Admission {
	/** Clock ranges admitted per client that the document may not hold yet. */
	private readonly ranges = new Map<number, [start: number, end: number][]>();

	constructor(private readonly doc: Y.Doc) {}

	/** Whether `update`, after the updates admitted before it, may be stored; throws on a flood of gaps. */
	admit(update: Uint8Array, { structs }: DecodedUpdate = readUpdate(update)): boolean {
		const added: [client: number, start: number, end: number, resumes: boolean][] = [];
		// Per client, where the structs that continue the document without a gap end: a resync
		// answer is one such run, often of many structs (one per stretch of text typed apart).
		const runs = new Map<number, number>();
		for (const struct of structs) {
			if (struct instanceof Y.Skip) continue;
			const { client, clock } = struct.id;
			const end = clock + struct.length;
			const state = Y.getState(this.doc.store, client);
			if (end <= state) continue;
			if (clock < state) return false;
			const resumes = clock === (runs.get(client) ?? state);
			if (resumes) runs.set(client, end);
			added.push([client, clock, end, resumes]);
		}
		for (const [client, start, end, resumes] of added) {
			const held = this.held(client, Y.getState(this.doc.store, client));
			const overlapped = held.filter(([from, stop]) => start < stop && from < end);
			// A run that covers every waiting range it touches is a resync answer: Yjs integrates
			// it and then skips the waiting copies. Refusing it would ask the writer for the same
			// answer again, for ever.
			if (overlapped.length > 0 && !(resumes && overlapped.every(([, stop]) => stop <= runs.get(client)!))) return false;
			if (held.length >= MAX_OUT_OF_ORDER_RANGES) throw new Error('update refused: too many updates out of order');
		}
		for (const [client, start, end] of added) this.ranges.get(client)!.push([start, end]);
		return true;
	}

	/** The client's admitted ranges the document does not hold yet (those below `state` it does). */
	private held(client: number, state: number): [number, number][] {
		let ranges = this.ranges.get(client);
		if (!ranges) {
			ranges = [];
			this.ranges.set(client, ranges);
		} else if (ranges.some(([, end]) => end <= state)) {
			ranges = ranges.filter(([, end]) => end > state);
			this.ranges.set(client, ranges);
		}
		return ranges;
	}
}
