import { getDb } from '$lib/server/db';
import * as flats from '$lib/server/flats';
import { action } from '$lib/server/action';
import { requireMember } from '$lib/server/auth/guard';
import { calendarSettingsSchema } from '$lib/schemas';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { flat } = requireMember(event, 'calendar.settings');
	return { places: flat.places, residentActivities: flat.residentActivities };
};

export const actions: Actions = {
	default: action({
		name: 'default',
		guard: (event) => requireMember(event, 'calendar.settings'),
		schema: calendarSettingsSchema,
		run: ({ flat }, settings) => {
			flats.setCalendarSettings(getDb(), flat.id, settings);
			return { saved: true };
		}
	})
};
