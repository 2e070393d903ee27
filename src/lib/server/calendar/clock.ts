import { and, between, eq, inArray, isNull, or } from 'drizzle-orm';
import { listOf, prepared, type DB } from '../db';
import {
	activities,
	activityChanges,
	activityReminders,
	activityRsvps,
	flats,
	helpRecords
} from '../db/schema';
import * as notify from '../notify';
import { addDays, localInstant } from '../time';
import { occurrenceLink, type Occurrence } from './model';
import { build, changesIn } from './occurrences';
import * as recurrence from './recurrence';

/** Activities that start before 10:00 are reminded two hours ahead instead of at 08:00. */
const EARLY = '10:00';
const MORNING = '08:00';
const EARLY_LEAD = 2 * 60 * 60 * 1000;

/** When the reminder for an occurrence is due: 08:00 that day, or two hours before an early start. */
function reminderAt(o: Occurrence, timeZone: string): Date {
	return o.startTime < EARLY
		? new Date(o.start.getTime() - EARLY_LEAD)
		: localInstant(o.date, MORNING, timeZone);
}

const seriesWithZone = prepared((db) =>
	db
		.select({ a: activities, timeZone: flats.timeZone })
		.from(activities)
		.innerJoin(flats, eq(flats.id, activities.flatId))
		.where(inArray(activities.id, listOf('ids')))
		.prepare()
);

/**
 * The occurrences behind (activity, date) pairs, each with its flat and the flat's zone: a
 * few queries for any number of pairs, where one look-up per pair took seconds at scale.
 */
function occurrencesAt(db: DB, pairs: { activityId: number; occurrence: string }[]) {
	const found = new Map<string, { flatId: number; timeZone: string; o: Occurrence }>();
	if (pairs.length === 0) return found;
	const ids = [...new Set(pairs.map((p) => p.activityId))];
	const dates = pairs.map((p) => p.occurrence).sort();
	const params = { ids: JSON.stringify(ids), from: dates[0]!, to: dates.at(-1)! };
	const rows = new Map(
		seriesWithZone(db)
			.all(params)
			.map((row) => [row.a.id, row])
	);
	const changes = new Map(
		changesIn(db)
			.all(params)
			.map((c) => [`${c.activityId}/${c.occurrence}`, c])
	);
	for (const { activityId, occurrence: date } of pairs) {
		const row = rows.get(activityId);
		if (!row || !recurrence.isOccurrence(row.a, date)) continue;
		const key = `${activityId}/${date}`;
		found.set(key, {
			flatId: row.a.flatId,
			timeZone: row.timeZone,
			o: build(row.timeZone, row.a, date, changes.get(key))
		});
	}
	return found;
}

/**
 * The server's clock for the calendar: reminds those coming or helping on the day, and
 * records finished helping as help given. Safe to repeat: reminders are marked sent and the
 * help record is unique per helper and occurrence.
 */
export function tick(db: DB, now = new Date()): { reminded: number; helped: number } {
	const today = now.toISOString().slice(0, 10);
	// Only occurrences that fall around today (by their own date, or moved here) need the
	// clock: a reminder is for the day itself, and helping is counted within a day of it.
	const near = [addDays(today, -2), addDays(today, 1)] as const;
	const moved = db
		.select({ activityId: activityChanges.activityId, occurrence: activityChanges.occurrence })
		.from(activityChanges)
		.where(between(activityChanges.date, ...near))
		.all();
	const window = or(
		between(activityRsvps.occurrence, ...near),
		...moved.map((c) =>
			and(eq(activityRsvps.activityId, c.activityId), eq(activityRsvps.occurrence, c.occurrence))
		)
	);
	let reminded = 0;
	let helped = 0;
	db.transaction((tx) => {
		const due = tx
			.selectDistinct({
				activityId: activityRsvps.activityId,
				occurrence: activityRsvps.occurrence
			})
			.from(activityRsvps)
			.leftJoin(
				activityReminders,
				and(
					eq(activityReminders.activityId, activityRsvps.activityId),
					eq(activityReminders.occurrence, activityRsvps.occurrence)
				)
			)
			.where(and(window, isNull(activityReminders.activityId)))
			.all();
		const dueAt = occurrencesAt(tx, due);
		for (const d of due) {
			const row = dueAt.get(`${d.activityId}/${d.occurrence}`);
			const o = row?.o;
			if (!row || !o) continue;
			if (now < reminderAt(o, row.timeZone)) continue;
			// Once the activity has begun (or will not happen), the chance to remind has passed.
			if (now < o.start && !o.cancelled && !o.paused) {
				const people = tx
					.select({ userId: activityRsvps.userId })
					.from(activityRsvps)
					.where(
						and(
							eq(activityRsvps.activityId, o.activityId),
							eq(activityRsvps.occurrence, o.occurrence),
							eq(activityRsvps.waiting, false)
						)
					)
					.all();
				notify.record(
					tx,
					people.map((p) => ({
						flatId: row.flatId,
						userId: p.userId,
						type: 'activity_reminder' as const,
						link: occurrenceLink(o.activityId, o.occurrence),
						params: { title: o.title, time: o.startTime, place: o.place }
					}))
				);
				reminded += people.length;
			}
			tx.insert(activityReminders)
				.values({ activityId: o.activityId, occurrence: o.occurrence, sentAt: now })
				.run();
		}

		const helping = tx
			.select({
				activityId: activityRsvps.activityId,
				occurrence: activityRsvps.occurrence,
				userId: activityRsvps.userId
			})
			.from(activityRsvps)
			.leftJoin(
				helpRecords,
				and(
					eq(helpRecords.activityId, activityRsvps.activityId),
					eq(helpRecords.occurrence, activityRsvps.occurrence),
					eq(helpRecords.giverId, activityRsvps.userId)
				)
			)
			.where(
				and(
					window,
					eq(activityRsvps.kind, 'helping'),
					eq(activityRsvps.waiting, false),
					isNull(helpRecords.id)
				)
			)
			.all();
		const helpedAt = occurrencesAt(tx, helping);
		for (const h of helping) {
			const row = helpedAt.get(`${h.activityId}/${h.occurrence}`);
			const o = row?.o;
			if (!row || !o || o.cancelled || o.paused || o.end > now) continue;
			tx.insert(helpRecords)
				.values({
					flatId: row.flatId,
					giverId: h.userId,
					receiverId: null,
					activityId: o.activityId,
					occurrence: o.occurrence,
					completedAt: o.end
				})
				.onConflictDoNothing()
				.run();
			helped++;
		}
	});
	return { reminded, helped };
}
