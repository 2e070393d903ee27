import { requireMember } from '$lib/server/auth/guard';
import { can } from '$lib/server/auth/roles';
import type { PageServerLoad } from './$types';

/** Me: the member's own pages and account. What it lists comes from the layout's `nav`. */
export const load: PageServerLoad = (event) => {
	const { user, membership } = requireMember(event, 'flat.view');
	return {
		name: user.name,
		writesNotices: can(membership.role, 'notices.write'),
		seesFigures: can(membership.role, 'figures.view')
	};
};
