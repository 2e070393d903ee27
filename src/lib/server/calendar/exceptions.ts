import { and, eq, gte, inArray } from 'drizzle-orm';
import type { DB } from '../db';
import { activities, activityChanges, activityRsvps, type Activity } from '../db/schema';
import * as notify from '../notify';
import type { NotificationType } from '../notify';
import { localInstant } from '../time';
import { manageable } from './access';
import {
	CalendarError,
	MOVE_DAYS,
	occurrenceLink,
	type Actor,
	type FlatRef,
	type OccurrenceChange
} from './model';
import { changeIn, occurrence } from './occurrences';

// One date of a series cancelled, moved or changed, and back again. Who answered for that date
// hears of it; subscribed calendars see the new version (the activity's sequence goes up).

/** Everyone who answered for an occurrence (coming, helping, waiting) hears of a change. */
export function tellAnswered(
	db: DB,
	flatId: number,
	a: Activity,
	dates: string[] | { from: string },
	type: NotificationType,
	params: Record<string, string>
) {
	const rows = db
		.select({ userId: activityRsvps.userId, occurrence: activityRsvps.occurrence })
		.from(activityRsvps)
		.where(
			and(
				eq(activityRsvps.activityId, a.id),
				Array.isArray(dates)
					? inArray(activityRsvps.occurrence, dates)
					: gte(activityRsvps.occurrence, dates.from)
			)
		)
		.all();
	notify.record(
		db,
		rows.map((r) => ({
			flatId,
			userId: r.userId,
			type,
			link: occurrenceLink(a.id, r.occurrence),
			params: { title: a.title, date: r.occurrence, ...params }
		}))
	);
}

function bump(db: DB, a: Activity, now: Date) {
	db.update(activities)
		.set({ sequence: a.sequence + 1, updatedAt: now })
		.where(eq(activities.id, a.id))
		.run();
}

/** An occurrence that the rule gives and that has not ended yet, for a manager to change. */
function changeable(db: DB, flat: FlatRef, id: number, date: string, actor: Actor, now: Date) {
	const a = manageable(db, flat.id, id, actor);
	const o = occurrence(db, flat.timeZone, a, date);
	if (!o) throw new CalendarError('not_found');
	if (o.end <= now) throw new CalendarError('past');
	return { a, o };
}

/** Cancels one occurrence with a short reason; those who answered hear of it. */
export function cancelOccurrence(
	db: DB,
	flat: FlatRef,
	id: number,
	date: string,
	actor: Actor,
	reason: string,
	now = new Date()
): void {
	changeIn(db, flat.id, (tx) => {
		const { a } = changeable(tx, flat, id, date, actor, now);
		tx.insert(activityChanges)
			.values({ activityId: id, occurrence: date, cancelled: true, reason })
			.onConflictDoUpdate({
				target: [activityChanges.activityId, activityChanges.occurrence],
				set: { cancelled: true, reason }
			})
			.run();
		bump(tx, a, now);
		tellAnswered(tx, flat.id, a, [date], 'activity_cancelled', { reason });
	});
}

/** Moves or edits one occurrence (another day within a month, other times or place). */
export function changeOccurrence(
	db: DB,
	flat: FlatRef,
	id: number,
	date: string,
	actor: Actor,
	change: OccurrenceChange,
	now = new Date()
): void {
	changeIn(db, flat.id, (tx) => {
		const { a } = changeable(tx, flat, id, date, actor, now);
		if (Math.abs(Date.parse(change.date) - Date.parse(date)) > MOVE_DAYS * 86_400_000)
			throw new CalendarError('wrong_state');
		if (localInstant(change.date, change.endTime, flat.timeZone) <= now)
			throw new CalendarError('past');
		const values = {
			cancelled: false,
			reason: null,
			date: change.date === date ? null : change.date,
			startTime: change.startTime === a.startTime ? null : change.startTime,
			endTime: change.endTime === a.endTime ? null : change.endTime,
			place: change.place === a.place ? null : change.place,
			note: change.note
		};
		tx.insert(activityChanges)
			.values({ activityId: id, occurrence: date, ...values })
			.onConflictDoUpdate({
				target: [activityChanges.activityId, activityChanges.occurrence],
				set: values
			})
			.run();
		bump(tx, a, now);
		tellAnswered(tx, flat.id, a, [date], 'activity_moved', {
			date: change.date,
			time: change.startTime,
			place: change.place
		});
	});
}

/** Undoes a cancellation or change: the occurrence is as the series says again. */
export function restoreOccurrence(
	db: DB,
	flat: FlatRef,
	id: number,
	date: string,
	actor: Actor,
	now = new Date()
): void {
	changeIn(db, flat.id, (tx) => {
		const { a } = changeable(tx, flat, id, date, actor, now);
		tx.delete(activityChanges)
			.where(and(eq(activityChanges.activityId, id), eq(activityChanges.occurrence, date)))
			.run();
		bump(tx, a, now);
		tellAnswered(tx, flat.id, a, [date], 'activity_restored', {});
	});
}
