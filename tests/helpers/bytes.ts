/** lib0's variable-length unsigned integer, written by hand so tests can build any byte sequence. */
export function varuint(value: number): number[] {
	const out: number[] = [];
	while (value > 0x7f) {
		out.push((value % 128) | 0x80);
		value = Math.floor(value / 128);
	}
	out.push(value);
	return out;
}
