import { requireMember } from '$lib/server/auth/guard';
import { action } from '$lib/server/action';
import { writing } from '$lib/server/auth/rate-limit';
import { localDate } from '$lib/server/time';
import { activitySchema } from '$lib/schemas';
import type { Actions, PageServerLoad } from './$types';
import { activityRefusals, saveActivity } from '../submit-activity';

export const load: PageServerLoad = (event) => {
	const { flat, membership } = requireMember(event, 'calendar.add');
	return {
		places: flat.places,
		today: localDate(new Date(), flat.timeZone),
		willPropose: membership.role === 'resident' && flat.residentActivities === 'propose'
	};
};

export const actions: Actions = {
	default: action({
		name: 'default',
		guard: (event) => requireMember(event, 'calendar.add'),
		schema: activitySchema,
		limit: writing.post,
		refusals: activityRefusals,
		run: (member, input) => saveActivity(member, input)
	})
};
