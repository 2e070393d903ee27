import {
	and,
	asc,
	between,
	eq,
	gte,
	inArray,
	isNull,
	lte,
	or,
	sql,
	type SQLWrapper
} from 'drizzle-orm';
import { listOf, perConnection, prepared, type DB } from '../db';
import {
	activities,
	activityChanges,
	activityReminders,
	activityRsvps,
	calendarFeeds,
	flats,
	helpRecords,
	users,
	type Activity,
	type ActivityChange,
	type Recurrence,
	type Role
} from '../db/schema';
import * as notify from '../notify';
import type { NotificationType } from '../notify';
import { addDays, localDate, localInstant } from '../time';
import * as recurrence from './recurrence';

/** An occurrence moves at most a month either way; the agenda looks that far around it. */
export const MOVE_DAYS = 31;
export const AGENDA_DAYS = 28;
export const MAX_GUESTS = 5;
/** Activities that start before 10:00 are reminded two hours ahead instead of at 08:00. */
const EARLY = '10:00';
const MORNING = '08:00';
const EARLY_LEAD = 2 * 60 * 60 * 1000;

export type FlatRef = {
	id: number;
	timeZone: string;
	residentActivities: 'propose' | 'publish';
};
export type Actor = { userId: number; role: Role };

export type ActivityInput = {
	title: string;
	description: string;
	place: string;
	startDate: string;
	startTime: string;
	endTime: string;
	recurrence: Recurrence;
	untilDate: string | null;
	count: number | null;
	capacity: number | null;
	helpersWanted: number;
};

export type OccurrenceChange = {
	date: string;
	startTime: string;
	endTime: string;
	place: string;
	note: string | null;
};

export class CalendarError extends Error {
	constructor(
		readonly code: 'not_found' | 'not_allowed' | 'past' | 'cancelled' | 'full' | 'wrong_state'
	) {
		super(code);
	}
}

/** Links relative to the flat, as notifications store them. */
export const activityLink = (id: number) => `calendar/${id}`;
export const occurrenceLink = (id: number, date: string) => `calendar/${id}/${date}`;

/** One occurrence as people see it: the series' values with this date's change applied. */
export type Occurrence = {
	activityId: number;
	/** The date the rule gives (the key of RSVPs and changes). */
	occurrence: string;
	date: string;
	startTime: string;
	endTime: string;
	start: Date;
	end: Date;
	title: string;
	description: string;
	place: string;
	note: string | null;
	recurrence: Recurrence;
	capacity: number | null;
	helpersWanted: number;
	cancelled: boolean;
	reason: string | null;
	changed: boolean;
	paused: boolean;
};

function build(
	timeZone: string,
	a: Activity,
	occurrence: string,
	change?: ActivityChange
): Occurrence {
	const date = change?.date ?? occurrence;
	const startTime = change?.startTime ?? a.startTime;
	const endTime = change?.endTime ?? a.endTime;
	return {
		activityId: a.id,
		occurrence,
		date,
		startTime,
		endTime,
		start: localInstant(date, startTime, timeZone),
		end: localInstant(date, endTime, timeZone),
		title: a.title,
		description: a.description,
		place: change?.place ?? a.place,
		note: change?.note ?? null,
		recurrence: a.recurrence,
		capacity: a.capacity,
		helpersWanted: a.helpersWanted,
		cancelled: change?.cancelled ?? false,
		reason: change?.reason ?? null,
		changed: !!change && !change.cancelled,
		paused: !!a.pausedFrom && occurrence >= a.pausedFrom
	};
}

/** Whether an actor may change an activity: verbinders any, others only their own. */
export function canManage(actor: Actor, a: Pick<Activity, 'authorId'>): boolean {
	return actor.role === 'verbinder' || a.authorId === actor.userId;
}

/** An activity of the flat that this actor may see (a proposal only to verbinders and its author). */
export function get(db: DB, flatId: number, id: number, actor: Actor): Activity {
	const a = db
		.select()
		.from(activities)
		.where(and(eq(activities.id, id), eq(activities.flatId, flatId)))
		.get();
	if (!a || (a.status === 'proposed' && !canManage(actor, a))) throw new CalendarError('not_found');
	return a;
}

function manageable(db: DB, flatId: number, id: number, actor: Actor): Activity {
	const a = get(db, flatId, id, actor);
	if (!canManage(actor, a)) throw new CalendarError('not_allowed');
	return a;
}

function tellMembers(db: DB, flatId: number, a: Activity, exceptUserId: number | null) {
	notify.record(
		db,
		notify
			.activeMembers(db, flatId)
			.filter((userId) => userId !== exceptUserId)
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

// Every visit of a board shows the flat's week: it is worked out once per flat and day (on
// each database) and forgotten by every change to the flat's calendar, which all go through
// `changeIn`. The weeks of the thousand flats worked out last are kept.
const WEEKS_KEPT = 1000;
const weeksOf = perConnection(
	() => new Map<number, { day: string; list: readonly Occurrence[] }>()
);

/** A change to a flat's calendar, in one transaction; the flat's week is worked out anew. */
function changeIn<T>(db: DB, flatId: number, write: (tx: DB) => T): T {
	return db.transaction((tx) => {
		const done = write(tx);
		weeksOf(tx).delete(flatId);
		return done;
	});
}

/** What happens from `today` (the flat's local date) to six days later, as the board shows it. */
export function week(
	db: DB,
	flat: Pick<FlatRef, 'id' | 'timeZone'>,
	today: string
): readonly Occurrence[] {
	const kept = weeksOf(db);
	const day = `${today} ${flat.timeZone}`;
	const found = kept.get(flat.id);
	if (found?.day === day) return found.list;
	const list = Object.freeze(occurrences(db, flat, today, addDays(today, 6)));
	kept.delete(flat.id);
	if (kept.size >= WEEKS_KEPT) kept.delete(kept.keys().next().value!);
	kept.set(flat.id, { day, list });
	return list;
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
	now = new Date()
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
		if (status === 'published') tellMembers(tx, flat.id, a, actor.userId);
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
		tellMembers(tx, flat.id, a, a.authorId);
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

const changesIn = prepared((db) =>
	db
		.select()
		.from(activityChanges)
		.where(
			and(
				inArray(activityChanges.activityId, listOf('ids')),
				between(activityChanges.occurrence, sql.placeholder('from'), sql.placeholder('to'))
			)
		)
		.prepare()
);

function changesOf(db: DB, ids: number[], from: string, to: string) {
	if (ids.length === 0) return new Map<string, ActivityChange>();
	const rows = changesIn(db).all({
		ids: JSON.stringify(ids),
		from: addDays(from, -MOVE_DAYS),
		to: addDays(to, MOVE_DAYS)
	});
	return new Map(rows.map((c) => [`${c.activityId}/${c.occurrence}`, c]));
}

/** The occurrences of these activities whose (possibly moved) date falls from `from` to `to`. */
function expand(db: DB, timeZone: string, list: Activity[], from: string, to: string) {
	const changes = changesOf(
		db,
		list.map((a) => a.id),
		from,
		to
	);
	const out: Occurrence[] = [];
	const [before, after] = [addDays(from, -MOVE_DAYS), addDays(to, MOVE_DAYS)];
	for (const a of list)
		for (const date of recurrence.dates(a, before, after)) {
			const change = changes.get(`${a.id}/${date}`);
			// Dates up to a month around the window count only when moved into it.
			const on = change?.date ?? date;
			if (on >= from && on <= to) out.push(build(timeZone, a, date, change));
		}
	return out.sort((x, y) => x.start.getTime() - y.start.getTime() || x.activityId - y.activityId);
}

const publishedIn = prepared((db) =>
	db
		.select()
		.from(activities)
		.where(
			and(
				eq(activities.flatId, sql.placeholder('flatId')),
				eq(activities.status, 'published'),
				lte(activities.startDate, sql.placeholder('to')),
				or(isNull(activities.untilDate), gte(activities.untilDate, sql.placeholder('from')))
			)
		)
		.prepare()
);

/** Published activities of a flat that can have an occurrence from `from` to `to`. */
function published(db: DB, flatId: number, from: string, to: string): Activity[] {
	return publishedIn(db).all({
		flatId,
		from: addDays(from, -MOVE_DAYS),
		to: addDays(to, MOVE_DAYS)
	});
}

/**
 * What happens in the flat from `from` to `to` (local dates, both included), as the series
 * and their changes say: cancelled occurrences stay with their reason, paused ones are left
 * out. No answers are counted: the board's week needs no more.
 */
export function occurrences(
	db: DB,
	flat: Pick<FlatRef, 'id' | 'timeZone'>,
	from: string,
	to: string
): Occurrence[] {
	return expand(db, flat.timeZone, published(db, flat.id, from, to), from, to).filter(
		(o) => !o.paused
	);
}

export type AgendaItem = Occurrence & {
	coming: number;
	helpers: number;
	mine: 'coming' | 'helping' | 'waiting' | null;
};

/**
 * Answers to exactly these occurrences, given as one JSON array of [activity id, rule date]
 * pairs: SQLite looks each pair up in the answers' index instead of reading every answer of
 * the series in a two-month window around them.
 */
const occurrenceIn = (pairs: SQLWrapper) =>
	sql`(${activityRsvps.activityId}, ${activityRsvps.occurrence}) in (select value ->> 0, value ->> 1 from json_each(${pairs}))`;

const answerCounts = prepared((db) =>
	db
		.select({
			activityId: activityRsvps.activityId,
			occurrence: activityRsvps.occurrence,
			kind: activityRsvps.kind,
			n: sql<number>`sum(1 + ${activityRsvps.guests})`
		})
		.from(activityRsvps)
		.where(and(occurrenceIn(sql.placeholder('occurrences')), eq(activityRsvps.waiting, false)))
		.groupBy(activityRsvps.activityId, activityRsvps.occurrence, activityRsvps.kind)
		.prepare()
);

const answersOf = prepared((db) =>
	db
		.select()
		.from(activityRsvps)
		.where(
			and(
				occurrenceIn(sql.placeholder('occurrences')),
				eq(activityRsvps.userId, sql.placeholder('userId'))
			)
		)
		.prepare()
);

/**
 * The occurrences from `from` to `to` with how many are coming and helping. With `userId`,
 * each item says whether that member is coming, helping or waiting.
 */
export function agenda(
	db: DB,
	flat: Pick<FlatRef, 'id' | 'timeZone'>,
	from: string,
	to: string,
	userId?: number
): AgendaItem[] {
	const items = occurrences(db, flat, from, to);
	if (items.length === 0) return [];
	const params = { occurrences: JSON.stringify(items.map((o) => [o.activityId, o.occurrence])) };
	const counts = new Map<string, { coming: number; helpers: number }>();
	for (const row of answerCounts(db).all(params)) {
		const key = `${row.activityId}/${row.occurrence}`;
		const c = counts.get(key) ?? { coming: 0, helpers: 0 };
		if (row.kind === 'coming') c.coming = row.n;
		else c.helpers = row.n;
		counts.set(key, c);
	}
	const mine = new Map<string, AgendaItem['mine']>();
	if (userId)
		for (const r of answersOf(db).all({ ...params, userId }))
			mine.set(`${r.activityId}/${r.occurrence}`, r.waiting ? 'waiting' : r.kind);
	return items.map((o) => {
		const key = `${o.activityId}/${o.occurrence}`;
		return { ...o, ...(counts.get(key) ?? { coming: 0, helpers: 0 }), mine: mine.get(key) ?? null };
	});
}

/** One occurrence of an activity, or undefined when the rule does not give that date. */
export function occurrence(
	db: DB,
	timeZone: string,
	a: Activity,
	date: string
): Occurrence | undefined {
	if (!recurrence.isOccurrence(a, date)) return undefined;
	const change = db
		.select()
		.from(activityChanges)
		.where(and(eq(activityChanges.activityId, a.id), eq(activityChanges.occurrence, date)))
		.get();
	return build(timeZone, a, date, change);
}

/** The next occurrences of one activity from today, for its page (paused ones included). */
export function upcoming(
	db: DB,
	timeZone: string,
	a: Activity,
	from: string,
	limit = 8
): Occurrence[] {
	return expand(db, timeZone, [a], from, addDays(from, 366)).slice(0, limit);
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

export type Attendee = { userId: number; name: string; guests: number };

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
function promote(db: DB, flatId: number, a: Activity, date: string): void {
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

/** Everyone who answered for an occurrence (coming, helping, waiting) hears of a change. */
function tellAnswered(
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

/** When the reminder for an occurrence is due: 08:00 that day, or two hours before an early start. */
export function reminderAt(o: Occurrence, timeZone: string): Date {
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

/** Today's local date in the flat and the last day of the agenda that starts there. */
export function agendaRange(timeZone: string, now = new Date()) {
	const from = localDate(now, timeZone);
	return { from, to: addDays(from, AGENDA_DAYS - 1) };
}

export { recurrence };
