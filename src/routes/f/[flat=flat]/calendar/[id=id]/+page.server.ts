import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { getDb } from '$lib/server/db';
import { users } from '$lib/server/db/schema';
import * as calendar from '$lib/server/calendar';
import { parseForm } from '$lib/server/form';
import { localDate } from '$lib/server/time';
import { endSeriesSchema } from '$lib/schemas';
import { links } from '$lib/links';
import type { Actions, PageServerLoad } from './$types';
import { activityContext, refused } from '../context';

export const load: PageServerLoad = (event) => {
	const { flat, actor, activity: a } = activityContext(event);
	const db = getDb();
	const today = localDate(new Date(), flat.timeZone);
	const author = a.authorId
		? db.select({ name: users.name }).from(users).where(eq(users.id, a.authorId)).get()?.name
		: undefined;
	return {
		today,
		activity: {
			id: a.id,
			title: a.title,
			description: a.description,
			place: a.place,
			startDate: a.startDate,
			startTime: a.startTime,
			endTime: a.endTime,
			recurrence: a.recurrence,
			lastDate: calendar.recurrence.lastDate(a),
			pausedFrom: a.pausedFrom,
			capacity: a.capacity,
			helpersWanted: a.helpersWanted,
			proposed: a.status === 'proposed',
			author: author ?? null
		},
		upcoming: calendar.upcoming(db, flat.timeZone, a, today).map((o) => ({
			occurrence: o.occurrence,
			date: o.date,
			startTime: o.startTime,
			endTime: o.endTime,
			place: o.place,
			cancelled: o.cancelled,
			reason: o.reason,
			changed: o.changed,
			paused: o.paused
		})),
		canManage: calendar.canManage(actor, a),
		canApprove: actor.role === 'verbinder'
	};
};

/** Runs one series step for someone who may manage the activity in the URL. */
function step(
	event: RequestEvent<{ flat: string; id: string }>,
	action: string,
	run: (ctx: ReturnType<typeof activityContext>) => void,
	ctx = activityContext(event)
) {
	try {
		run(ctx);
	} catch (e) {
		return refused(action, e);
	}
	return { action, done: true };
}

export const actions: Actions = {
	approve: (event) =>
		step(event, 'approve', ({ flat, actor, activity }) =>
			calendar.approve(getDb(), flat, activity.id, actor)
		),
	decline: (event) => {
		const result = step(event, 'decline', ({ flat, actor, activity }) =>
			calendar.decline(getDb(), flat, activity.id, actor)
		);
		if ('done' in result) redirect(303, links.calendar(event.params.flat));
		return result;
	},
	pause: (event) =>
		step(event, 'pause', ({ flat, actor, activity }) =>
			calendar.pause(getDb(), flat, activity.id, actor, localDate(new Date(), flat.timeZone))
		),
	resume: (event) =>
		step(event, 'resume', ({ flat, actor, activity }) =>
			calendar.pause(getDb(), flat, activity.id, actor, null)
		),
	end: async (event) => {
		// Who asks comes before what they sent: an outsider learns nothing from a form error.
		const ctx = activityContext(event);
		const form = parseForm(endSeriesSchema, await event.request.formData());
		if (!form.ok) return fail(400, { action: 'end', errors: form.errors, values: form.values });
		return step(
			event,
			'end',
			({ flat, actor, activity }) =>
				calendar.end(getDb(), flat, activity.id, actor, form.data.lastDate),
			ctx
		);
	}
};
