import { and, asc, eq } from 'drizzle-orm';
import type { DB } from '../db';
import { activities, activityRsvps, users, type Activity } from '../db/schema';
import * as notify from '../notify';
import { addDays, localDate } from '../time';
import { manageable } from './access';
import { tellAnswered } from './exceptions';
import { activityLink, CalendarError, type ActivityInput, type Actor, type FlatRef } from './model';
import { changeIn } from './occurrences';
import { promote } from './rsvp';

// A whole activity or series: added, proposed and approved, changed, paused and ended.

/** The flat hears of a new activity, all but who added it. */
function tellMembers(db: DB, flatId: number, a: Activity, except: (number | null)[]) {
	notify.record(
		db,
		notify
			.activeMembers(db, flatId)
			.filter((userId) => !except.includes(userId))
			.map((userId) => ({
				flatId,
				userId,
				type: 'activity_new' as const,
				link: activityLink(a.id),
				params: { title: a.title, date: a.startDate, time: a.startTime }
			}))
	);
}

function clean(input: ActivityInput) {
	const once = input.recurrence === 'none';
	return {
		...input,
		untilDate: once || input.count ? null : input.untilDate,
		count: once ? null : input.count
	};
}

/**
 * Adds an activity or a series. Verbinders and professionals publish; a resident's goes to
 * the verbinders as a proposal unless the flat lets residents publish.
 */
export function create(
	db: DB,
	flat: FlatRef,
	actor: Actor,
	input: ActivityInput,
	now = new Date(),
	/** Members told of it otherwise (those who chose this date in a poll): no "new" for them. */
	toldOtherwise: number[] = []
): Activity {
	return changeIn(db, flat.id, (tx) => {
		const status =
			actor.role !== 'resident' || flat.residentActivities === 'publish' ? 'published' : 'proposed';
		const a = tx
			.insert(activities)
			.values({
				flatId: flat.id,
				authorId: actor.userId,
				...clean(input),
				status,
				createdAt: now,
				updatedAt: now
			})
			.returning()
			.get();
		if (status === 'published') tellMembers(tx, flat.id, a, [actor.userId, ...toldOtherwise]);
		else
			notify.record(
				tx,
				notify.verbinders(tx, flat.id).map((userId) => ({
					flatId: flat.id,
					userId,
					type: 'activity_proposed' as const,
					link: activityLink(a.id),
					params: { title: a.title }
				}))
			);
		return a;
	});
}

/** Changes the whole series; calendars that subscribed get the new version. */
export function update(
	db: DB,
	flat: FlatRef,
	id: number,
	actor: Actor,
	input: ActivityInput,
	now = new Date()
): void {
	changeIn(db, flat.id, (tx) => {
		const a = manageable(tx, flat.id, id, actor);
		tx.update(activities)
			.set({ ...clean(input), sequence: a.sequence + 1, updatedAt: now })
			.where(eq(activities.id, id))
			.run();
		// More room (or no limit any more) moves people up from the waiting lists.
		const waiting = tx
			.selectDistinct({ occurrence: activityRsvps.occurrence })
			.from(activityRsvps)
			.where(and(eq(activityRsvps.activityId, id), eq(activityRsvps.waiting, true)))
			.all();
		const updated = tx.select().from(activities).where(eq(activities.id, id)).get()!;
		for (const w of waiting) promote(tx, flat.id, updated, w.occurrence);
	});
}

/**
 * The activity form's verb: adds an activity, or changes `existing`, and gives its id. A new
 * or moved start lies ahead (today in the flat counts); a series that began earlier keeps its
 * first date, so it can still be edited.
 */
export function save(
	db: DB,
	flat: FlatRef,
	actor: Actor,
	input: ActivityInput,
	existing?: Pick<Activity, 'id' | 'startDate'>,
	now = new Date()
): number {
	if (input.startDate < localDate(now, flat.timeZone) && input.startDate !== existing?.startDate)
		throw new CalendarError('past');
	if (!existing) return create(db, flat, actor, input, now).id;
	update(db, flat, existing.id, actor, input, now);
	return existing.id;
}

/** A verbinder publishes a resident's proposal; the flat hears of it. */
export function approve(db: DB, flat: FlatRef, id: number, actor: Actor, now = new Date()): void {
	changeIn(db, flat.id, (tx) => {
		const a = manageable(tx, flat.id, id, actor);
		if (actor.role !== 'verbinder' || a.status !== 'proposed')
			throw new CalendarError('wrong_state');
		tx.update(activities)
			.set({ status: 'published', updatedAt: now })
			.where(eq(activities.id, id))
			.run();
		tellMembers(tx, flat.id, a, [a.authorId]);
		if (a.authorId)
			notify.record(tx, {
				flatId: flat.id,
				userId: a.authorId,
				type: 'activity_approved',
				link: activityLink(id),
				params: { title: a.title }
			});
	});
}

/** A proposal that will not happen: removed, and its author hears so kindly. */
export function decline(db: DB, flat: FlatRef, id: number, actor: Actor): void {
	changeIn(db, flat.id, (tx) => {
		const a = manageable(tx, flat.id, id, actor);
		if (a.status !== 'proposed') throw new CalendarError('wrong_state');
		tx.delete(activities).where(eq(activities.id, id)).run();
		if (a.authorId && a.authorId !== actor.userId)
			notify.record(tx, {
				flatId: flat.id,
				userId: a.authorId,
				type: 'activity_declined',
				link: 'calendar',
				params: { title: a.title }
			});
	});
}

/** Proposals waiting for a verbinder (or, for a resident, their own). */
export function proposals(db: DB, flatId: number, actor: Actor): Activity[] {
	return db
		.select()
		.from(activities)
		.where(
			and(
				eq(activities.flatId, flatId),
				eq(activities.status, 'proposed'),
				actor.role === 'verbinder' ? undefined : eq(activities.authorId, actor.userId)
			)
		)
		.orderBy(asc(activities.createdAt))
		.all();
}

/** The name of who added or proposed an activity, while their account exists. */
export function authorName(db: DB, a: Pick<Activity, 'authorId'>): string | null {
	if (!a.authorId) return null;
	const row = db.select({ name: users.name }).from(users).where(eq(users.id, a.authorId)).get();
	return row?.name ?? null;
}

/** Pauses a series from a date on (no occurrences until it is resumed), or resumes it. */
export function pause(
	db: DB,
	flat: FlatRef,
	id: number,
	actor: Actor,
	from: string | null,
	now = new Date()
): void {
	changeIn(db, flat.id, (tx) => {
		const a = manageable(tx, flat.id, id, actor);
		if (a.recurrence === 'none' || a.status !== 'published') throw new CalendarError('wrong_state');
		tx.update(activities)
			.set({ pausedFrom: from, sequence: a.sequence + 1, updatedAt: now })
			.where(eq(activities.id, id))
			.run();
		if (from) tellAnswered(tx, flat.id, a, { from }, 'activity_cancelled', { reason: '' });
	});
}

/** Ends a series after a date: later occurrences are gone, and who answered for them hears so. */
export function end(
	db: DB,
	flat: FlatRef,
	id: number,
	actor: Actor,
	lastDate: string,
	now = new Date()
): void {
	changeIn(db, flat.id, (tx) => {
		const a = manageable(tx, flat.id, id, actor);
		if (a.recurrence === 'none' || a.status !== 'published') throw new CalendarError('wrong_state');
		if (lastDate < a.startDate) throw new CalendarError('wrong_state');
		tx.update(activities)
			.set({ untilDate: lastDate, count: null, sequence: a.sequence + 1, updatedAt: now })
			.where(eq(activities.id, id))
			.run();
		tellAnswered(tx, flat.id, a, { from: addDays(lastDate, 1) }, 'activity_cancelled', {
			reason: ''
		});
	});
}
