import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as calendar from '$lib/server/calendar';
import { action } from '$lib/server/action';
import { localDate } from '$lib/server/time';
import { endSeriesSchema } from '$lib/schemas';
import { links } from '$lib/links';
import type { Actions, PageServerLoad } from './$types';
import { activityContext } from '../context';

export const load: PageServerLoad = (event) => {
	const { flat, actor, activity: a } = activityContext(event);
	const db = getDb();
	const today = localDate(new Date(), flat.timeZone);
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
			author: calendar.authorName(db, a)
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

export const actions: Actions = {
	approve: action({
		name: 'approve',
		guard: activityContext,
		run: ({ flat, actor, activity }) => calendar.approve(getDb(), flat, activity.id, actor)
	}),
	decline: action({
		name: 'decline',
		guard: activityContext,
		run: ({ flat, actor, activity }) => {
			calendar.decline(getDb(), flat, activity.id, actor);
			redirect(303, links.calendar(flat.slug));
		}
	}),
	pause: action({
		name: 'pause',
		guard: activityContext,
		run: ({ flat, actor, activity }) =>
			calendar.pause(getDb(), flat, activity.id, actor, localDate(new Date(), flat.timeZone))
	}),
	resume: action({
		name: 'resume',
		guard: activityContext,
		run: ({ flat, actor, activity }) => calendar.pause(getDb(), flat, activity.id, actor, null)
	}),
	end: action({
		name: 'end',
		guard: activityContext,
		schema: endSeriesSchema,
		run: ({ flat, actor, activity }, { lastDate }) =>
			calendar.end(getDb(), flat, activity.id, actor, lastDate)
	})
};
