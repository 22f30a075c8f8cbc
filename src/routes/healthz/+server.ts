import { json } from '@sveltejs/kit';
import { backend } from '$server/registry';

/** 200 once the database answers; 503 otherwise, so a load balancer stops sending traffic. */
export const GET = () => {
	try {
		backend().db.prepare('SELECT 1').get();
		return json({ ok: true });
	} catch {
		return json({ ok: false }, { status: 503 });
	}
};
