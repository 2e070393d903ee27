import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as calendar from '$lib/server/calendar';
import { action } from '$lib/server/action';
import { requireMember } from '$lib/server/auth/guard';
import { writing } from '$lib/server/auth/rate-limit';
import { localDate } from '$lib/server/time';
import { pollSchema } from '$lib/schemas';
import { links } from '$lib/links';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { flat, membership } = requireMember(event, 'calendar.add');
	return {
		places: flat.places,
		today: localDate(new Date(), flat.timeZone),
		// A resident of a flat where verbinders look first proposes one date instead.
		allowed: calendar.mayStartPoll(membership.role, flat)
	};
};

export const actions: Actions = {
	default: action({
		name: 'default',
		guard: (event) => requireMember(event, 'calendar.add'),
		schema: pollSchema,
		limit: writing.post,
		refusals: {
			past: { status: 400, field: 'date1', message: () => m.poll_err_past() },
			not_allowed: { status: 403, message: () => m.poll_not_here() }
		},
		run: ({ user, flat, membership }, input) => {
			const actor = { userId: user.id, role: membership.role };
			const id = calendar.createPoll(getDb(), flat, actor, input);
			redirect(303, links.poll(flat.slug, id));
		}
	})
};
