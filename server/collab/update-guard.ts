/**
 * A bounded structural check of a Yjs V1 update, run before Yjs itself reads it (SPEC.md [S6]).
 *
 * Yjs trusts the counts, lengths and references an update declares (yjs/yjs issue 687):
 * `applyUpdate` turns a struct count into `new Array(count)` before it reads one struct, seven
 * bytes name a subdocument that costs a whole Y.Doc to decode, overlapping delete ranges make
 * it walk the same structs once per range, and an item that points at itself decodes cleanly,
 * then throws inside `applyUpdate`, after the update is stored. This walks the encoding once,
 * by the rules real encoders follow, and throws on anything else:
 *
 * - every count must fit in the bytes left (at the smallest size of one entry), and every
 *   loop reads at least one byte per turn, so the work is linear in the update's length;
 * - structs and delete ranges are never empty, clocks stay exact (below 2^53), a client has
 *   at most one struct section and one delete section, and its delete ranges are ascending
 *   and disjoint;
 * - an item refers only to structs before it of its own client (or to other clients);
 * - content is one of the kinds Yjs writes, strings are well-formed UTF-8 (so a text's clock
 *   length is known exactly), nested values are at most MAX_VALUE_DEPTH deep;
 * - nothing follows the delete set.
 *
 * It allocates nothing per struct, so it costs a small fraction of Yjs's own decoding, which
 * still runs after it as the full check.
 */

const MAX_CLOCK = Number.MAX_SAFE_INTEGER;
/** Node attributes are flat; generous for any value an editor stores, far below the stack's reach. */
const MAX_VALUE_DEPTH = 64;
/** lib0 writes a number below 2^53 in at most 8 bytes. */
const MAX_VARINT_BYTES = 8;

const ORIGIN = 0x80;
const RIGHT_ORIGIN = 0x40;
const PARENT_SUB = 0x20;
const CONTENT = 0x1f;

const GC = 0;
const DELETED = 1;
const JSON_VALUES = 2;
const BINARY = 3;
const STRING = 4;
const EMBED = 5;
const FORMAT = 6;
const TYPE = 7;
const ANY = 8;
const SUBDOCUMENT = 9;
const SKIP = 10;

const TYPE_XML_ELEMENT = 3;
const TYPE_XML_HOOK = 5;
const TYPE_LAST = 6;

class UpdateReader {
	pos = 0;
	constructor(private readonly bytes: Uint8Array) {}

	get left(): number {
		return this.bytes.length - this.pos;
	}

	fail(reason: string): never {
		throw new Error(`update refused: ${reason}`);
	}

	byte(): number {
		if (this.pos >= this.bytes.length) this.fail('truncated');
		return this.bytes[this.pos++]!;
	}

	uint(): number {
		const bytes = this.bytes;
		let pos = this.pos;
		const end = Math.min(bytes.length, pos + MAX_VARINT_BYTES);
		let value = 0;
		let scale = 1;
		while (pos < end) {
			const byte = bytes[pos++]!;
			value += (byte & 0x7f) * scale;
			if (byte < 0x80) {
				this.pos = pos;
				if (value > MAX_CLOCK) this.fail('number out of range');
				return value;
			}
			scale *= 128;
		}
		return this.fail(pos === bytes.length ? 'truncated' : 'number too long');
	}

	/** lib0's signed varint: six bits and a sign in the first byte, seven bits in the others. */
	int(): void {
		let byte = this.byte();
		for (let i = 1; byte >= 0x80; i++) {
			if (i === MAX_VARINT_BYTES) this.fail('number too long');
			byte = this.byte();
		}
	}

	/** A count of entries at least `entryBytes` long each: it must fit in what is left. */
	count(entryBytes: number): number {
		const count = this.uint();
		if (count * entryBytes > this.left) this.fail('count larger than the update');
		return count;
	}

	skip(size: number): void {
		if (size > this.left) this.fail('truncated');
		this.pos += size;
	}

	/** A length-prefixed string, checked as UTF-8; returns its length in UTF-16 units, as Yjs counts text. */
	text(): number {
		const size = this.uint();
		if (size > this.left) this.fail('truncated');
		const bytes = this.bytes;
		const end = this.pos + size;
		let units = 0;
		let i = this.pos;
		while (i < end) {
			const lead = bytes[i]!;
			if (lead < 0x80) {
				const start = i;
				do i++;
				while (i < end && bytes[i]! < 0x80);
				units += i - start;
				continue;
			}
			// The second byte's range excludes overlong forms, surrogates and code points past U+10FFFF.
			let length: number;
			let low = 0x80;
			let high = 0xbf;
			if (lead >= 0xc2 && lead <= 0xdf) length = 2;
			else if (lead >= 0xe0 && lead <= 0xef) {
				length = 3;
				if (lead === 0xe0) low = 0xa0;
				else if (lead === 0xed) high = 0x9f;
			} else if (lead >= 0xf0 && lead <= 0xf4) {
				length = 4;
				if (lead === 0xf0) low = 0x90;
				else if (lead === 0xf4) high = 0x8f;
			} else return this.fail('string is not UTF-8');
			if (i + length > end) this.fail('string is not UTF-8');
			const second = bytes[i + 1]!;
			if (second < low || second > high) this.fail('string is not UTF-8');
			for (let k = 2; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) this.fail('string is not UTF-8');
			i += length;
			units += length === 4 ? 2 : 1;
		}
		this.pos = end;
		return units;
	}

	/** The struct sections: per client, its structs from a starting clock. */
	structs(): void {
		// A section is at least its struct count, client and clock.
		const sections = this.count(3);
		const clients = new Set<number>();
		for (let i = 0; i < sections; i++) {
			// A struct is at least an info byte and one more (a length, a reference, a parent).
			const structs = this.count(2);
			const client = this.uint();
			if (clients.has(client)) this.fail('a client has two struct sections');
			clients.add(client);
			let clock = this.uint();
			for (let j = 0; j < structs; j++) {
				const length = this.struct(client, clock);
				if (length < 1) this.fail('empty struct');
				clock += length;
				if (clock > MAX_CLOCK) this.fail('clock out of range');
			}
		}
	}

	/** One struct at `clock`; returns its length in clock units. */
	struct(client: number, clock: number): number {
		const info = this.byte();
		const kind = info & CONTENT;
		if (kind === GC || kind === SKIP) {
			if (info !== kind) this.fail('flags on a gap');
			return this.uint();
		}
		if (info & ORIGIN) this.reference(client, clock);
		if (info & RIGHT_ORIGIN) this.reference(client, clock);
		if ((info & (ORIGIN | RIGHT_ORIGIN)) === 0) {
			const parentIsRoot = this.uint();
			if (parentIsRoot === 1) this.text();
			else if (parentIsRoot === 0) this.reference(client, clock);
			else this.fail('unknown parent kind');
			if (info & PARENT_SUB) this.text();
		}
		return this.content(kind);
	}

	/**
	 * An id an item refers to. Yjs waits for other clients' structs it lacks, but looks up its
	 * own client's at once: one at or after the item itself makes `applyUpdate` throw.
	 */
	reference(client: number, clock: number): void {
		const refClient = this.uint();
		const refClock = this.uint();
		if (refClient === client && refClock >= clock) this.fail('an item refers to itself or later');
	}

	content(kind: number): number {
		switch (kind) {
			case DELETED:
				return this.uint();
			case JSON_VALUES: {
				const values = this.count(1);
				for (let i = 0; i < values; i++) this.text();
				return values;
			}
			case BINARY:
				this.skip(this.uint());
				return 1;
			case STRING:
				return this.text();
			case EMBED:
				this.text();
				return 1;
			case FORMAT:
				this.text();
				this.text();
				return 1;
			case TYPE: {
				const type = this.uint();
				if (type > TYPE_LAST) this.fail('unknown shared type');
				if (type === TYPE_XML_ELEMENT || type === TYPE_XML_HOOK) this.text();
				return 1;
			}
			case ANY: {
				const values = this.count(1);
				for (let i = 0; i < values; i++) this.value(0);
				return values;
			}
			case SUBDOCUMENT:
				// Acquis documents never hold one, and each costs Yjs a whole Y.Doc to read:
				// a message of them is a memory bomb (yjs issue 687).
				return this.fail('subdocument');
			default:
				return this.fail(`unknown content ${kind}`);
		}
	}

	/** One lib0 "any" value. */
	value(depth: number): void {
		if (depth > MAX_VALUE_DEPTH) this.fail('value nested too deep');
		const type = this.byte();
		switch (type) {
			case 127: // undefined
			case 126: // null
			case 121: // false
			case 120: // true
				return;
			case 125:
				return this.int();
			case 124: // float32
				return this.skip(4);
			case 123: // float64
			case 122: // bigint64
				return this.skip(8);
			case 119:
				this.text();
				return;
			case 118: {
				const entries = this.count(2);
				for (let i = 0; i < entries; i++) {
					this.text();
					this.value(depth + 1);
				}
				return;
			}
			case 117: {
				const items = this.count(1);
				for (let i = 0; i < items; i++) this.value(depth + 1);
				return;
			}
			case 116:
				return this.skip(this.uint());
			default:
				return this.fail(`unknown value type ${type}`);
		}
	}

	/** Per client, ranges of deleted clocks: Yjs walks the structs of every range it is given. */
	deleteSet(): void {
		const sections = this.count(2);
		const clients = new Set<number>();
		for (let i = 0; i < sections; i++) {
			const client = this.uint();
			if (clients.has(client)) this.fail('a client has two delete sections');
			clients.add(client);
			const ranges = this.count(2);
			let end = 0;
			for (let j = 0; j < ranges; j++) {
				const clock = this.uint();
				const length = this.uint();
				if (length < 1) this.fail('empty delete range');
				// Overlapping ranges would make Yjs walk the same structs once per range (yjs issue 687).
				if (clock < end) this.fail('delete ranges overlap or are out of order');
				end = clock + length;
				if (end > MAX_CLOCK) this.fail('clock out of range');
			}
		}
	}
}

/** Throws (with a short reason) unless `update` is a well-formed V1 update of bounded cost. */
export function guardUpdate(update: Uint8Array): void {
	const reader = new UpdateReader(update);
	reader.structs();
	reader.deleteSet();
	if (reader.left !== 0) reader.fail('bytes after the delete set');
}
