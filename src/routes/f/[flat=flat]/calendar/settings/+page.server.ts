import { fail } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as flats from '$lib/server/flats';
import { requireMember } from '$lib/server/auth/guard';
import { parseForm } from '$lib/server/form';
import { calendarSettingsSchema } from '$lib/schemas';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { flat } = requireMember(event, 'calendar.settings');
	return { places: flat.places, residentActivities: flat.residentActivities };
};

export const actions: Actions = {
	default: async (event) => {
		const { flat } = requireMember(event, 'calendar.settings');
		const form = parseForm(calendarSettingsSchema, await event.request.formData());
		if (!form.ok) return fail(400, { values: form.values, errors: form.errors });
		flats.setCalendarSettings(getDb(), flat.id, form.data);
		return { saved: true };
	}
};
