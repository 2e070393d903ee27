import { error, fail, type RequestEvent } from '@sveltejs/kit';
import type * as v from 'valibot';
import { getDb } from '$lib/server/db';
import * as calendar from '$lib/server/calendar';
import { can, type Permission } from '$lib/server/auth/roles';
import { parseForm } from '$lib/server/form';
import { cancelOccurrenceSchema, changeOccurrenceSchema, rsvpSchema } from '$lib/schemas';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';
import { activityContext, refused } from '../../context';

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

/** Runs one step on the occurrence in the URL with the form read through `schema`. */
async function step<S extends v.GenericSchema>(
	event: Event,
	action: string,
	schema: S | null,
	run: (ctx: ReturnType<typeof context>, data: v.InferOutput<S>) => unknown,
	permission: Permission = 'calendar.view'
) {
	const ctx = context(event, permission);
	let data = undefined as v.InferOutput<S>;
	if (schema) {
		const form = parseForm(schema, await event.request.formData());
		if (!form.ok) return fail(400, { action, errors: form.errors, values: form.values });
		data = form.data;
	}
	try {
		const result = run(ctx, data);
		return { action, done: true, result: typeof result === 'string' ? result : null };
	} catch (e) {
		return refused(action, e);
	}
}

const db = () => getDb();

export const actions: Actions = {
	rsvp: (event) =>
		step(
			event,
			'rsvp',
			rsvpSchema,
			({ flat, actor, activity, o }, answer) =>
				calendar.rsvp(db(), flat, activity.id, o.occurrence, actor, answer),
			'calendar.rsvp'
		),
	undo: (event) =>
		step(
			event,
			'undo',
			null,
			({ flat, actor, activity, o }) => calendar.undo(db(), flat, activity.id, o.occurrence, actor),
			'calendar.rsvp'
		),
	cancel: (event) =>
		step(event, 'cancel', cancelOccurrenceSchema, ({ flat, actor, activity, o }, { reason }) =>
			calendar.cancelOccurrence(db(), flat, activity.id, o.occurrence, actor, reason)
		),
	change: (event) =>
		step(event, 'change', changeOccurrenceSchema, ({ flat, actor, activity, o }, change) =>
			calendar.changeOccurrence(db(), flat, activity.id, o.occurrence, actor, change)
		),
	restore: (event) =>
		step(event, 'restore', null, ({ flat, actor, activity, o }) =>
			calendar.restoreOccurrence(db(), flat, activity.id, o.occurrence, actor)
		)
};
