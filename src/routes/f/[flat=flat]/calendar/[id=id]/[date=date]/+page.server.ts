import { error, type RequestEvent } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as calendar from '$lib/server/calendar';
import { action } from '$lib/server/action';
import { can, type Permission } from '$lib/server/auth/roles';
import { cancelOccurrenceSchema, changeOccurrenceSchema, rsvpSchema } from '$lib/schemas';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';
import { activityContext } from '../../context';

type Event = RequestEvent<{ flat: string; id: string; date: string }>;

/** The occurrence in the URL: a date the activity's rule gives, else 404. */
function context(event: Event, permission: Permission = 'calendar.view') {
	const ctx = activityContext(event, permission);
	const o =
		ctx.activity.status === 'published'
			? calendar.occurrence(getDb(), ctx.flat.timeZone, ctx.activity, event.params.date)
			: undefined;
	if (!o) error(404, { message: m.error_not_found() });
	return { ...ctx, o };
}

export const load: PageServerLoad = (event) => {
	const { flat, actor, activity, o, membership } = context(event);
	const list = calendar.attendance(getDb(), activity.id, o.occurrence);
	const names = can(membership.role, 'calendar.attendees');
	const mine = [...list.coming, ...list.helpers, ...list.waiting].find(
		(x) => x.userId === actor.userId
	);
	const kind = list.helpers.some((x) => x.userId === actor.userId)
		? 'helping'
		: list.waiting.some((x) => x.userId === actor.userId)
			? 'waiting'
			: mine
				? 'coming'
				: null;
	const plain = (x: calendar.Attendee) => ({ name: x.name, guests: x.guests });
	return {
		occurrence: {
			activityId: activity.id,
			occurrence: o.occurrence,
			title: o.title,
			description: o.description,
			date: o.date,
			startTime: o.startTime,
			endTime: o.endTime,
			place: o.place,
			note: o.note,
			cancelled: o.cancelled,
			reason: o.reason,
			changed: o.changed,
			paused: o.paused,
			over: o.end <= new Date(),
			recurrence: o.recurrence,
			capacity: o.capacity,
			helpersWanted: o.helpersWanted
		},
		// Professionals see how many, never who: residents trust the room that way.
		people: names
			? {
					coming: list.coming.map(plain),
					helpers: list.helpers.map(plain),
					waiting: list.waiting.map(plain)
				}
			: null,
		counts: { seats: list.seats, helpers: list.helpers.length, waiting: list.waiting.length },
		mine: mine ? { kind, guests: mine.guests } : null,
		canRsvp: can(membership.role, 'calendar.rsvp'),
		canManage: calendar.canManage(actor, activity),
		timeZone: flat.timeZone
	};
};

export const actions: Actions = {
	rsvp: action({
		name: 'rsvp',
		guard: (event) => context(event, 'calendar.rsvp'),
		schema: rsvpSchema,
		run: ({ flat, actor, activity, o }, answer) => {
			// Whether the answer is on the waiting list shows on the page itself, from its load.
			calendar.rsvp(getDb(), flat, activity.id, o.occurrence, actor, answer);
		}
	}),
	undo: action({
		name: 'undo',
		guard: (event) => context(event, 'calendar.rsvp'),
		run: ({ flat, actor, activity, o }) =>
			calendar.undo(getDb(), flat, activity.id, o.occurrence, actor)
	}),
	cancel: action({
		name: 'cancel',
		guard: context,
		schema: cancelOccurrenceSchema,
		run: ({ flat, actor, activity, o }, { reason }) =>
			calendar.cancelOccurrence(getDb(), flat, activity.id, o.occurrence, actor, reason)
	}),
	change: action({
		name: 'change',
		guard: context,
		schema: changeOccurrenceSchema,
		run: ({ flat, actor, activity, o }, change) =>
			calendar.changeOccurrence(getDb(), flat, activity.id, o.occurrence, actor, change)
	}),
	restore: action({
		name: 'restore',
		guard: context,
		run: ({ flat, actor, activity, o }) =>
			calendar.restoreOccurrence(getDb(), flat, activity.id, o.occurrence, actor)
	})
};
