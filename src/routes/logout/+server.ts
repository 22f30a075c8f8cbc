import { redirect } from '@sveltejs/kit';
import { backend } from '$server/registry';
import { sessionCookie } from '$lib/server/guards';
import type { RequestHandler } from './$types';

/** Ends the server session, not only the cookie: a copied token stops working too [A3]. */
export const POST: RequestHandler = ({ locals, cookies, url }) => {
	if (locals.session) {
		backend().sessions.end(locals.session.id);
		backend().audit.record({ userId: locals.session.userId, action: 'sign-out' });
	}
	const { name, options } = sessionCookie(url.protocol === 'https:');
	cookies.delete(name, options);
	redirect(303, '/login');
};
