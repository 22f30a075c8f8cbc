import { signedIn } from '$lib/server/access';
import type { LayoutServerLoad } from './$types';

/** Every page in this group is for signed-in people; each page still asks the policy for its own data. */
export const load: LayoutServerLoad = (event) => {
	signedIn(event);
};
