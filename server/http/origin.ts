import type { IncomingHttpHeaders } from 'node:http';
import type { Config } from '../config';

/**
 * The origin this server answers as, for a raw Node request: ORIGIN when set, else the
 * protocol from the trusted proxy header (or http) and the Host header. The same rule
 * adapter-node applies to pages, so the socket and the pages agree.
 */
export function requestOrigin(headers: IncomingHttpHeaders, config: Pick<Config, 'origin' | 'protocolHeader'>): string {
	if (config.origin) return new URL(config.origin).origin;
	const forwarded = config.protocolHeader ? headers[config.protocolHeader] : undefined;
	const protocol = (Array.isArray(forwarded) ? forwarded[0] : forwarded) ?? 'http';
	return `${protocol}://${headers.host ?? 'localhost'}`;
}

/**
 * Whether a browser tells us a request comes from another site. Browsers send `Origin` on
 * every cross-origin request and on every POST; `Sec-Fetch-Site` adds a second opinion.
 * A request with neither comes from a program that holds its own cookie, which cannot be
 * forged by a web page, so it passes (SPEC.md [W2]). The socket is stricter: see [S2].
 */
export function isForeignRequest(headers: Headers | Record<string, string | string[] | undefined>, ownOrigin: string): boolean {
	const get = (name: string) => {
		const value = headers instanceof Headers ? headers.get(name) : headers[name];
		return Array.isArray(value) ? value[0] : (value ?? null);
	};
	const origin = get('origin');
	const site = get('sec-fetch-site');
	return (origin !== null && origin !== ownOrigin) || site === 'cross-site' || site === 'same-site';
}
