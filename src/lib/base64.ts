type WithFromBase64 = typeof Uint8Array & { fromBase64?: (base64: string) => Uint8Array };

/**
 * Bytes from base64: the browser's own decoder where it has one, which on a book-length text
 * is some fifty milliseconds faster than decoding in JavaScript.
 */
export function bytesFromBase64(base64: string): Uint8Array {
	const native = (Uint8Array as WithFromBase64).fromBase64;
	if (native) return native(base64);
	const binary = atob(base64);
	const bytes = new Uint8Array(binary.length);
	for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
	return bytes;
}
