import { administrator } from '$lib/server/access';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = (event) => {
	administrator(event);
};
