import { error } from '@sveltejs/kit';
import * as calendar from '$lib/server/calendar';
import { action } from '$lib/server/action';
import { writing } from '$lib/server/auth/rate-limit';
import { activitySchema } from '$lib/schemas';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';
import { activityContext } from '../../context';
import { activityRefusals, saveActivity } from '../../submit-activity';

export const load: PageServerLoad = (event) => {
	const { flat, actor, activity: a } = activityContext(event, 'calendar.add');
	if (!calendar.canManage(actor, a)) error(403, { message: m.cal_err_not_allowed() });
	return {
		places: flat.places,
		values: {
			title: a.title,
			description: a.description,
			place: a.place,
			startDate: a.startDate,
			startTime: a.startTime,
			endTime: a.endTime,
			recurrence: a.recurrence,
			ends: a.count ? 'count' : a.untilDate ? 'until' : 'never',
			untilDate: a.untilDate ?? '',
			count: a.count ? String(a.count) : '',
			capacity: a.capacity ? String(a.capacity) : '',
			helpersWanted: String(a.helpersWanted)
		}
	};
};

export const actions: Actions = {
	default: action({
		name: 'default',
		guard: (event) => activityContext(event, 'calendar.add'),
		schema: activitySchema,
		limit: writing.post,
		refusals: activityRefusals,
		run: (ctx, input) => saveActivity(ctx, input, ctx.activity)
	})
};
