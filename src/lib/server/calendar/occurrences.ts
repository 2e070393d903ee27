import { and, between, eq, gte, inArray, isNull, lte, or, sql, type SQLWrapper } from 'drizzle-orm';
import { listOf, perConnection, prepared, type DB } from '../db';
import {
	activities,
	activityChanges,
	activityRsvps,
	calendarVersions,
	type Activity,
	type ActivityChange
} from '../db/schema';
import { addDays, localInstant } from '../time';
import { MOVE_DAYS, type AgendaItem, type FlatRef, type Occurrence } from './model';
import * as recurrence from './recurrence';

// The read side of the calendar: which occurrences a flat has in a window, as people see them
// (series, their changes and pauses, how many answered), and the board's week kept per flat.

/** An occurrence from its series and this date's change, if it has one. */
export function build(
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

// Every visit of a board shows the flat's week: it is worked out once per flat and day (on
// each database connection, so in each server process) and kept with the flat's calendar
// version. Every change to the flat's calendar goes through `changeIn`, which bumps that
// version in its transaction; a process that reads a newer version than the one it kept the
// week with, whichever process made the change, works the week out anew. The weeks of the
// thousand flats worked out last are kept.
const WEEKS_KEPT = 1000;
const weeksOf = perConnection(
	() => new Map<number, { day: string; version: number; list: readonly Occurrence[] }>()
);

const versionOf = prepared((db) =>
	db
		.select({ version: calendarVersions.version })
		.from(calendarVersions)
		.where(eq(calendarVersions.flatId, sql.placeholder('flatId')))
		.prepare()
);

const bumpVersion = prepared((db) =>
	db
		.insert(calendarVersions)
		.values({ flatId: sql.placeholder('flatId'), version: 1 })
		.onConflictDoUpdate({
			target: calendarVersions.flatId,
			set: { version: sql`${calendarVersions.version} + 1` }
		})
		.prepare()
);

/** A change to a flat's calendar, in one transaction; the flat's week is worked out anew. */
export function changeIn<T>(db: DB, flatId: number, write: (tx: DB) => T): T {
	return db.transaction((tx) => {
		const done = write(tx);
		bumpVersion(tx).run({ flatId });
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
	// Read before the week is worked out: a change landing in between leaves the week kept
	// with the older number, so the next view works it out again rather than keeping it stale.
	const version = versionOf(db).get({ flatId: flat.id })?.version ?? 0;
	const found = kept.get(flat.id);
	if (found?.day === day && found.version === version) return found.list;
	const list = Object.freeze(occurrences(db, flat, today, addDays(today, 6)));
	kept.delete(flat.id);
	if (kept.size >= WEEKS_KEPT) kept.delete(kept.keys().next().value!);
	kept.set(flat.id, { day, version, list });
	return list;
}

/** The changes of these activities to rule dates from `from` to `to` (the clock reads them too). */
export const changesIn = prepared((db) =>
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
