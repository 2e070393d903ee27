import { and, asc, eq } from 'drizzle-orm';
import type { DB } from '../db';
import { activities, activityRsvps, calendarFeeds, users, type Activity } from '../db/schema';
import * as notify from '../notify';
import { get } from './access';
import {
	CalendarError,
	MAX_GUESTS,
	occurrenceLink,
	type Actor,
	type Attendee,
	type FlatRef
} from './model';
import { occurrence } from './occurrences';

// Answers to one occurrence: coming (with guests) or helping. When the seats are taken an
// answer waits in line, and a freed seat goes to the first in line who fits.

/** Who answered for one occurrence, in the order they did. */
export function attendance(db: DB, activityId: number, date: string) {
	const rows = db
		.select({
			userId: activityRsvps.userId,
			name: users.name,
			kind: activityRsvps.kind,
			guests: activityRsvps.guests,
			waiting: activityRsvps.waiting
		})
		.from(activityRsvps)
		.innerJoin(users, eq(users.id, activityRsvps.userId))
		.where(and(eq(activityRsvps.activityId, activityId), eq(activityRsvps.occurrence, date)))
		.orderBy(asc(activityRsvps.createdAt), asc(activityRsvps.id))
		.all();
	const pick = (f: (r: (typeof rows)[number]) => boolean): Attendee[] =>
		rows.filter(f).map(({ userId, name, guests }) => ({ userId, name, guests }));
	const coming = pick((r) => r.kind === 'coming' && !r.waiting);
	return {
		coming,
		waiting: pick((r) => r.kind === 'coming' && r.waiting),
		helpers: pick((r) => r.kind === 'helping' && !r.waiting),
		seats: coming.reduce((n, r) => n + 1 + r.guests, 0)
	};
}

/** The occurrence in the URL, open for answers: published, given by the rule, not over. */
function answerable(db: DB, flat: FlatRef, id: number, date: string, actor: Actor, now: Date) {
	const a = get(db, flat.id, id, actor);
	const o = a.status === 'published' ? occurrence(db, flat.timeZone, a, date) : undefined;
	if (!o) throw new CalendarError('not_found');
	if (o.cancelled || o.paused) throw new CalendarError('cancelled');
	if (o.end <= now) throw new CalendarError('past');
	return { a, o };
}

/** People on the waiting list move up, first come first served, while there is room. */
export function promote(db: DB, flatId: number, a: Activity, date: string): void {
	const { seats, waiting } = attendance(db, a.id, date);
	let used = seats;
	for (const w of waiting) {
		if (a.capacity !== null && used + 1 + w.guests > a.capacity) continue;
		used += 1 + w.guests;
		db.update(activityRsvps)
			.set({ waiting: false })
			.where(
				and(
					eq(activityRsvps.activityId, a.id),
					eq(activityRsvps.occurrence, date),
					eq(activityRsvps.userId, w.userId)
				)
			)
			.run();
		notify.record(db, {
			flatId,
			userId: w.userId,
			type: 'activity_promoted',
			link: occurrenceLink(a.id, date),
			params: { title: a.title, date }
		});
	}
}

/**
 * "I'm coming" (with guests) or "I'll help" for one occurrence. When the seats are taken the
 * answer goes on the waiting list; helper places do not have one.
 */
export function rsvp(
	db: DB,
	flat: FlatRef,
	id: number,
	date: string,
	actor: Actor,
	answer: { kind: 'coming' | 'helping'; guests: number },
	now = new Date()
): 'confirmed' | 'waiting' {
	return db.transaction((tx) => {
		const { a } = answerable(tx, flat, id, date, actor, now);
		const guests = answer.kind === 'coming' ? Math.min(Math.max(answer.guests, 0), MAX_GUESTS) : 0;
		const list = attendance(tx, id, date);
		const before = tx
			.select()
			.from(activityRsvps)
			.where(
				and(
					eq(activityRsvps.activityId, id),
					eq(activityRsvps.occurrence, date),
					eq(activityRsvps.userId, actor.userId)
				)
			)
			.get();
		let waiting = false;
		if (answer.kind === 'helping') {
			const others = list.helpers.filter((h) => h.userId !== actor.userId).length;
			if (a.helpersWanted === 0) throw new CalendarError('not_allowed');
			if (others >= a.helpersWanted) throw new CalendarError('full');
		} else if (a.capacity !== null) {
			const others = list.coming
				.filter((c) => c.userId !== actor.userId)
				.reduce((n, c) => n + 1 + c.guests, 0);
			const fits = others + 1 + guests <= a.capacity;
			const hadSeat = before?.kind === 'coming' && !before.waiting;
			// Someone with a seat keeps it: asking for more guests than fit is refused instead.
			if (!fits && hadSeat) throw new CalendarError('full');
			waiting = !fits;
		}
		if (before)
			tx.update(activityRsvps)
				.set({
					kind: answer.kind,
					guests,
					waiting,
					// A new place on the waiting list is at its end.
					...(waiting && !before.waiting ? { createdAt: now } : {})
				})
				.where(eq(activityRsvps.id, before.id))
				.run();
		else
			tx.insert(activityRsvps)
				.values({
					activityId: id,
					occurrence: date,
					userId: actor.userId,
					kind: answer.kind,
					guests,
					waiting,
					createdAt: now
				})
				.run();
		if (before?.kind === 'coming' && !before.waiting) promote(tx, flat.id, a, date);
		return waiting ? 'waiting' : 'confirmed';
	});
}

/** Takes back an answer; a freed seat goes to the first on the waiting list who fits. */
export function undo(
	db: DB,
	flat: FlatRef,
	id: number,
	date: string,
	actor: Actor,
	now = new Date()
): void {
	db.transaction((tx) => {
		const { a } = answerable(tx, flat, id, date, actor, now);
		tx.delete(activityRsvps)
			.where(
				and(
					eq(activityRsvps.activityId, id),
					eq(activityRsvps.occurrence, date),
					eq(activityRsvps.userId, actor.userId)
				)
			)
			.run();
		promote(tx, flat.id, a, date);
	});
}

/**
 * Someone leaves the flat: their answers no longer hold seats (the waiting lists move up)
 * and their calendar feed address stops working, also should they ever come back.
 */
export function forgetMember(db: DB, flatId: number, userId: number): void {
	const answered = db
		.select({ a: activities, occurrence: activityRsvps.occurrence })
		.from(activityRsvps)
		.innerJoin(activities, eq(activities.id, activityRsvps.activityId))
		.where(and(eq(activities.flatId, flatId), eq(activityRsvps.userId, userId)))
		.all();
	for (const { a, occurrence } of answered) {
		db.delete(activityRsvps)
			.where(
				and(
					eq(activityRsvps.activityId, a.id),
					eq(activityRsvps.occurrence, occurrence),
					eq(activityRsvps.userId, userId)
				)
			)
			.run();
		promote(db, flatId, a, occurrence);
	}
	db.delete(calendarFeeds)
		.where(and(eq(calendarFeeds.flatId, flatId), eq(calendarFeeds.userId, userId)))
		.run();
}
