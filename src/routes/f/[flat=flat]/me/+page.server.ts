import { requireMember } from '$lib/server/auth/guard';
import type { PageServerLoad } from './$types';

/** Me: the member's own pages and account. What it lists comes from the layout's `nav`. */
export const load: PageServerLoad = (event) => {
	const { user } = requireMember(event, 'flat.view');
	return { name: user.name };
};
