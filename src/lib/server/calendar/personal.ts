import { and, asc, eq } from 'drizzle-orm';
import type { DB } from '../db';
import { activities, activityRsvps, calendarFeeds, flats } from '../db/schema';
import type { Personal } from '../auth/personal';
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
			table: calendarFeeds,
			columns: [calendarFeeds.userId],
			erase: 'delete',
			export: { key: 'memberships.calendarFeed' }
		}
	],
	// Their seats free up and the waiting lists move up.
	leave: (tx, flatId, userId) => forgetMember(tx, flatId, userId)
};

/** The person's answers ("I'm coming", "I'll help") and the activities they made. */
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

	return { rsvps, activities: made };
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
