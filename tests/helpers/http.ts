import { DEMO_PASSWORD } from './server';

/** A program's sign-in: `POST /login`, and the session cookie it sets (`name=value`). */
export async function signIn(baseUrl: string, email: string, password = DEMO_PASSWORD): Promise<string> {
	const response = await fetch(`${baseUrl}/login`, {
		method: 'POST',
		body: new URLSearchParams({ email, password }),
		redirect: 'manual'
	});
	if (response.status !== 303) throw new Error(`sign-in as ${email} answered ${response.status}: ${await response.text()}`);
	return sessionCookieOf(response)!;
}

export function sessionCookieOf(response: Response): string | undefined {
	const header = response.headers.getSetCookie().find((cookie) => /^(__Host-)?session=/.test(cookie));
	return header?.split(';')[0];
}

/** A JSON API call with a session cookie; the body, when given, is sent as JSON. */
export async function api(
	baseUrl: string,
	cookie: string | undefined,
	path: string,
	init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}
): Promise<{ status: number; body: any; headers: Headers }> {
	const response = await fetch(`${baseUrl}/api/v1${path}`, {
		method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
		headers: {
			...(cookie && { cookie }),
			...(init.body !== undefined && { 'content-type': 'application/json' }),
			...init.headers
		},
		body: init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body),
		redirect: 'manual'
	});
	const text = await response.text();
	let body: unknown = text;
	try {
		body = JSON.parse(text);
	} catch {
		// Not JSON: the test sees the text.
	}
	return { status: response.status, body, headers: response.headers };
}

/** A form post as a browser on this site sends it (Origin set, Accept HTML). */
export async function postForm(
	baseUrl: string,
	cookie: string | undefined,
	path: string,
	fields: Record<string, string>,
	headers: Record<string, string> = {}
): Promise<Response> {
	return fetch(`${baseUrl}${path}`, {
		method: 'POST',
		headers: {
			origin: baseUrl,
			accept: 'text/html',
			...(cookie && { cookie }),
			...headers
		},
		body: new URLSearchParams(fields),
		redirect: 'manual'
	});
}

/** Reads a Server-Sent Events stream, collecting its `data:` events. */
export function subscribe(baseUrl: string, cookie: string, strategyId: string) {
	const events: unknown[] = [];
	const controller = new AbortController();
	let status = 0;
	let ended = false;
	const done = fetch(`${baseUrl}/api/v1/strategies/${strategyId}/events`, { headers: { cookie }, signal: controller.signal })
		.then(async (response) => {
			status = response.status;
			if (!response.body) return;
			const decoder = new TextDecoder();
			let buffer = '';
			for await (const chunk of response.body) {
				buffer += decoder.decode(chunk as Uint8Array, { stream: true });
				let split;
				while ((split = buffer.indexOf('\n\n')) >= 0) {
					const block = buffer.slice(0, split);
					buffer = buffer.slice(split + 2);
					const data = block.split('\n').find((line) => line.startsWith('data: '));
					if (data) events.push(JSON.parse(data.slice(6)));
				}
			}
		})
		.catch(() => {})
		.finally(() => (ended = true));
	return { events, status: () => status, ended: () => ended, close: () => controller.abort(), done };
}

/**
 * The words a reader sees in the first `<tag>` of a page's HTML: markup dropped, entities read,
 * spaces folded. The data a page carries for its scripts is not part of it.
 */
export function textOf(html: string, tag: string): string {
	const inner = new RegExp(`<${tag}[\\s>][\\s\\S]*?</${tag}>`).exec(html)?.[0] ?? '';
	return inner
		.replace(/<[^>]+>/g, ' ')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/&amp;/g, '&')
		.replace(/\s+/g, ' ')
		.trim();
}
