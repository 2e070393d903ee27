import { getDb } from '$lib/server/db';
import * as prefs from '$lib/server/notify/prefs';
import { requireMember } from '$lib/server/auth/guard';
import { action } from '$lib/server/action';
import { notifyPrefsSchema } from '$lib/schemas';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { membership } = requireMember(event, 'flat.view');
	return {
		groups: prefs.groupsFor(membership.role),
		chosen: prefs.forMembership(getDb(), membership.id),
		quiet:
			membership.quietStart && membership.quietEnd
				? { start: membership.quietStart, end: membership.quietEnd }
				: null
	};
};

export const actions: Actions = {
	default: action({
		name: 'default',
		guard: (event) => requireMember(event, 'flat.view'),
		schema: notifyPrefsSchema,
		run: ({ membership }, form) => {
			prefs.choose(getDb(), membership, form);
			return { saved: true };
		}
	})
};
