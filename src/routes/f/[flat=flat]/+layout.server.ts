import { getDb } from '$lib/server/db';
import * as notify from '$lib/server/notify';
import { requireMember } from '$lib/server/auth/guard';
import { can } from '$lib/server/auth/roles';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = (event) => {
	const { flat, membership } = requireMember(event, 'flat.view', { allowPending: true });
	const active = membership.status === 'active';
	return {
		flat: { slug: flat.slug, name: flat.name },
		role: membership.role,
		pending: !active,
		unread: active ? notify.unreadCount(getDb(), flat.id, membership.userId) : 0,
		nav: {
			help: active && can(membership.role, 'help.view'),
			post: active && can(membership.role, 'help.post'),
			members: active && can(membership.role, 'members.view')
		}
	};
};
