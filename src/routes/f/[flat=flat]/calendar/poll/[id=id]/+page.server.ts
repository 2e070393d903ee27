import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as calendar from '$lib/server/calendar';
import { action } from '$lib/server/action';
import { requireMember } from '$lib/server/auth/guard';
import { can, type Permission } from '$lib/server/auth/roles';
import { localDate, localTime } from '$lib/server/time';
import { pollDecideSchema, pollVoteSchema } from '$lib/schemas';
import { links } from '$lib/links';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

type Event = RequestEvent<{ flat: string; id: string }>;

/** The poll in the URL, of this flat, for a member allowed `permission`; else a 404. */
function context(event: Event, permission: Permission = 'calendar.view') {
	const member = requireMember(event, permission);
	const actor = { userId: member.user.id, role: member.membership.role };
	const poll = calendar.findPoll(getDb(), member.flat.id, Number(event.params.id));
	if (!poll) error(404, { message: m.error_not_found() });
	return { ...member, actor, poll };
}

export const load: PageServerLoad = (event) => {
	const { flat, actor, poll } = context(event);
	const view = calendar.pollView(getDb(), flat.id, poll.id, actor);
	const open = view.status === 'open' && view.closesAt > new Date();
	return {
		poll: {
			id: view.id,
			title: view.title,
			description: view.description,
			place: view.place,
			authorName: view.authorName,
			status: open ? 'open' : view.status === 'decided' ? 'decided' : 'closed',
			activityId: view.activityId,
			decided: view.decided,
			closes: {
				date: localDate(view.closesAt, flat.timeZone),
				time: localTime(view.closesAt, flat.timeZone)
			}
		},
		// Names only where the role may know who comes (calendar.attendees): null otherwise.
		options: view.options,
		canTick: open && can(actor.role, 'calendar.rsvp'),
		canDecide: open && calendar.mayDecide(actor, flat, poll)
	};
};

export const actions: Actions = {
	/** A member's ticks: the whole set they want, replacing what they ticked before. */
	tick: action({
		name: 'tick',
		guard: (event) => context(event, 'calendar.rsvp'),
		schema: pollVoteSchema,
		lists: ['options'],
		run: ({ flat, actor, poll }, { options }) => {
			calendar.vote(getDb(), flat.id, poll.id, actor, options);
			return { saved: true };
		}
	}),
	/** One option becomes the activity; the page to go to is that date's, with who is coming. */
	decide: action({
		name: 'decide',
		guard: (event) => context(event, 'calendar.add'),
		schema: pollDecideSchema,
		run: ({ flat, actor, poll }, { optionId }) => {
			const { activityId, date } = calendar.decide(getDb(), flat, poll.id, optionId, actor);
			redirect(303, links.occurrence(flat.slug, activityId, date));
		}
	})
};
