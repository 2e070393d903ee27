import { error, type RequestEvent } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as calendar from '$lib/server/calendar';
import { requireMember } from '$lib/server/auth/guard';
import type { Permission } from '$lib/server/auth/roles';
import { m } from '$lib/paraglide/messages';

/** The activity in the URL, for a member allowed `permission`; anything else is a 404. */
export function activityContext(
	event: RequestEvent<{ flat: string; id: string }>,
	permission: Permission = 'calendar.view'
) {
	const member = requireMember(event, permission);
	const actor = { userId: member.user.id, role: member.membership.role };
	const activity = calendar.find(getDb(), member.flat.id, Number(event.params.id), actor);
	if (!activity) error(404, { message: m.error_not_found() });
	return { ...member, actor, activity };
}
