import { and, asc, eq } from 'drizzle-orm';
import type { DB } from '../db';
import {
	activities,
	activityPollOptions,
	activityPolls,
	activityPollVotes,
	activityRsvps,
	calendarFeeds,
	flats
} from '../db/schema';
import type { Personal } from '../auth/personal';
import { forgetPollVotes } from './poll';
import { forgetMember } from './rsvp';

/**
 * A person's answers to activities, the activities they made and their private calendar
 * address. Their activities stay for the flat, without their name.
 */
export const personal: Personal = {
	tables: [
		{
			table: activities,
			columns: [activities.authorId],
			erase: 'anonymise',
			export: { key: 'activities' }
		},
		{
			table: activityRsvps,
			columns: [activityRsvps.userId],
			erase: 'delete',
			export: { key: 'rsvps' }
		},
		{
			table: activityPolls,
			columns: [activityPolls.authorId],
			erase: 'anonymise',
			export: { key: 'polls' }
		},
		{
			table: activityPollVotes,
			columns: [activityPollVotes.userId],
			erase: 'delete',
			export: { key: 'pollTicks' }
		},
		{
			table: calendarFeeds,
			columns: [calendarFeeds.userId],
			erase: 'delete',
			export: { key: 'memberships.calendarFeed' }
		}
	],
	// Their seats free up and the waiting lists move up; their ticks on open polls go.
	leave: (tx, flatId, userId) => {
		forgetMember(tx, flatId, userId);
		forgetPollVotes(tx, flatId, userId);
	}
};

/** The person's answers ("I'm coming", "I'll help", ticks in polls), their activities and polls. */
export function exportData(db: DB, userId: number) {
	const rsvps = db
		.select({
			flat: flats.name,
			activity: activities.title,
			date: activityRsvps.occurrence,
			kind: activityRsvps.kind,
			guests: activityRsvps.guests,
			waiting: activityRsvps.waiting,
			createdAt: activityRsvps.createdAt
		})
		.from(activityRsvps)
		.innerJoin(activities, eq(activities.id, activityRsvps.activityId))
		.innerJoin(flats, eq(flats.id, activities.flatId))
		.where(eq(activityRsvps.userId, userId))
		.orderBy(asc(activityRsvps.occurrence))
		.all();

	const made = db
		.select({
			flat: flats.name,
			title: activities.title,
			description: activities.description,
			place: activities.place,
			startDate: activities.startDate,
			startTime: activities.startTime,
			endTime: activities.endTime,
			recurrence: activities.recurrence,
			status: activities.status,
			createdAt: activities.createdAt
		})
		.from(activities)
		.innerJoin(flats, eq(flats.id, activities.flatId))
		.where(eq(activities.authorId, userId))
		.orderBy(asc(activities.createdAt))
		.all();

	const polls = db
		.select({
			flat: flats.name,
			title: activityPolls.title,
			description: activityPolls.description,
			place: activityPolls.place,
			status: activityPolls.status,
			createdAt: activityPolls.createdAt
		})
		.from(activityPolls)
		.innerJoin(flats, eq(flats.id, activityPolls.flatId))
		.where(eq(activityPolls.authorId, userId))
		.orderBy(asc(activityPolls.createdAt))
		.all();

	// The dates a person ticked in a poll: their own answers, like "I'm coming".
	const pollTicks = db
		.select({
			flat: flats.name,
			poll: activityPolls.title,
			date: activityPollOptions.date,
			startTime: activityPollOptions.startTime,
			endTime: activityPollOptions.endTime,
			createdAt: activityPollVotes.createdAt
		})
		.from(activityPollVotes)
		.innerJoin(activityPollOptions, eq(activityPollOptions.id, activityPollVotes.optionId))
		.innerJoin(activityPolls, eq(activityPolls.id, activityPollOptions.pollId))
		.innerJoin(flats, eq(flats.id, activityPolls.flatId))
		.where(eq(activityPollVotes.userId, userId))
		.orderBy(asc(activityPollOptions.date), asc(activityPollOptions.startTime))
		.all();

	return { rsvps, activities: made, polls, pollTicks };
}

/** Whether a private calendar address exists in this flat; the address itself is a secret. */
export function exportMembership(db: DB, ms: { flatId: number }, userId: number) {
	return {
		calendarFeed: !!db
			.select({ flatId: calendarFeeds.flatId })
			.from(calendarFeeds)
			.where(and(eq(calendarFeeds.flatId, ms.flatId), eq(calendarFeeds.userId, userId)))
			.get()
	};
}
