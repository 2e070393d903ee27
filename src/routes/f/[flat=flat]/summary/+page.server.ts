import { getDb } from '$lib/server/db';
import * as summary from '$lib/server/summary';
import { action } from '$lib/server/action';
import { requireMember } from '$lib/server/auth/guard';
import { can } from '$lib/server/auth/roles';
import { localDate } from '$lib/server/time';
import { getLocale } from '$lib/paraglide/runtime';
import { summaryScheduleSchema } from '$lib/schemas';
import type { Actions, PageServerLoad } from './$types';

/**
 * The weekly summary as a page, where its notification leads: what is new since the last one,
 * each role seeing only its part. A verbinder also sets the day and time it goes out.
 */
export const load: PageServerLoad = (event) => {
	const { user, flat, membership } = requireMember(event, 'flat.view');
	const reader = { userId: user.id, role: membership.role };
	const now = new Date();
	const s = summary.current(getDb(), flat, reader, getLocale(), now);
	return {
		since: localDate(s.since, flat.timeZone),
		today: localDate(now, flat.timeZone),
		posts: s.posts,
		activities: s.activities,
		notices: s.notices,
		schedule: can(membership.role, 'flat.summary')
			? { day: String(flat.summaryDay), time: flat.summaryTime }
			: null
	};
};

export const actions: Actions = {
	schedule: action({
		name: 'schedule',
		guard: (event) => requireMember(event, 'flat.summary'),
		schema: summaryScheduleSchema,
		run: ({ flat }, schedule) => {
			summary.setSchedule(getDb(), flat.id, schedule);
			return { saved: true };
		}
	})
};
