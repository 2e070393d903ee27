import { error, fail, type RequestEvent } from '@sveltejs/kit';
import * as v from 'valibot';
import { getDb } from '$lib/server/db';
import * as calendar from '$lib/server/calendar';
import { requireMember } from '$lib/server/auth/guard';
import type { Permission } from '$lib/server/auth/roles';
import { m } from '$lib/paraglide/messages';

const idSchema = v.pipe(v.string(), v.regex(/^\d{1,12}$/), v.toNumber());

/** The activity in the URL, for a member allowed `permission`; anything else is a 404. */
export function activityContext(
	event: RequestEvent<{ flat: string; id: string }>,
	permission: Permission = 'calendar.view'
) {
	const member = requireMember(event, permission);
	const id = v.safeParse(idSchema, event.params.id);
	if (!id.success) error(404, { message: m.error_not_found() });
	const actor = { userId: member.user.id, role: member.membership.role };
	try {
		const activity = calendar.get(getDb(), member.flat.id, id.output, actor);
		return { ...member, actor, activity };
	} catch (e) {
		if (e instanceof calendar.CalendarError) error(404, { message: m.error_not_found() });
		throw e;
	}
}

/**
 * A step that is not this member's to take (a 403, like every refusal) or that no longer
 * fits, as a kind message for the form that asked.
 */
export function refused(action: string, e: unknown) {
	if (!(e instanceof calendar.CalendarError)) throw e;
	if (e.code === 'not_found') error(404, { message: m.error_not_found() });
	if (e.code === 'not_allowed') return fail(403, { action, message: m.cal_err_not_allowed() });
	const message = {
		past: m.cal_err_past(),
		cancelled: m.cal_err_cancelled(),
		full: m.cal_err_full(),
		wrong_state: m.cal_err_state()
	}[e.code];
	return fail(400, { action, message });
}
