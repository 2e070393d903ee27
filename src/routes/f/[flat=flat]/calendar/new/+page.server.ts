import { requireMember } from '$lib/server/auth/guard';
import { localDate } from '$lib/server/time';
import type { Actions, PageServerLoad } from './$types';
import { submitActivity } from '../submit-activity';

export const load: PageServerLoad = (event) => {
	const { flat, membership } = requireMember(event, 'calendar.add');
	return {
		places: flat.places,
		today: localDate(new Date(), flat.timeZone),
		willPropose: membership.role === 'resident' && flat.residentActivities === 'propose'
	};
};

export const actions: Actions = {
	default: (event) => submitActivity(event)
};
