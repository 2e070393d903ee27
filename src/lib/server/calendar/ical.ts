import ical, {
	escape,
	ICalEventStatus,
	type ICalCalendar,
	type ICalDayJsStub
} from 'ical-generator';
import { and, asc, between, eq, gte, inArray, isNull, lte, or } from 'drizzle-orm';
import type { DB } from '../db';
import {
	activities,
	activityChanges,
	calendarFeeds,
	memberships,
	type Activity,
	type ActivityChange,
	type Flat
} from '../db/schema';
import { can } from '../auth/roles';
import { hashToken, randomToken } from '../auth/tokens';
import { addDays, localDate, localInstant, localTime, startOfDay } from '../time';
import { MOVE_DAYS } from './model';
import * as recurrence from './recurrence';
import { vtimezone } from './vtimezone';

/**
 * A subscribed calendar holds the last month and the next half year: enough to look back
 * and plan ahead, and it never fills a phone with years of coffee mornings.
 */
export const FEED_PAST_DAYS = 30;
export const FEED_AHEAD_DAYS = 183;
/** How often calendar apps may look again (those that listen): a cancellation shows within the hour. */
const FEED_REFRESH_SECONDS = 60 * 60;

export type CalendarFlat = Pick<Flat, 'id' | 'name' | 'timeZone'>;

/** The same in every feed and download, so a calendar app replaces its copy instead of adding one. */
export const activityUid = (id: number) => `activity-${id}@burenbord`;

// Private feed addresses. Phones subscribe without cookies, so the token in the URL is the
// only key; we keep its hash, like session tokens, and one address per member per flat.

/** A new private feed address for a member (the token, shown once); an earlier one stops working. */
export function createFeed(db: DB, flatId: number, userId: number): string {
	const token = randomToken();
	db.transaction((tx) => {
		tx.delete(calendarFeeds)
			.where(and(eq(calendarFeeds.flatId, flatId), eq(calendarFeeds.userId, userId)))
			.run();
		tx.insert(calendarFeeds)
			.values({ id: hashToken(token), flatId, userId })
			.run();
	});
	return token;
}

/** Turns a member's feed address off; calendars that subscribed get nothing new. */
export function revokeFeed(db: DB, flatId: number, userId: number): void {
	db.delete(calendarFeeds)
		.where(and(eq(calendarFeeds.flatId, flatId), eq(calendarFeeds.userId, userId)))
		.run();
}

/** Whether a member has a feed address (the address itself cannot be shown again). */
export function hasFeed(db: DB, flatId: number, userId: number): boolean {
	return !!db
		.select({ id: calendarFeeds.id })
		.from(calendarFeeds)
		.where(and(eq(calendarFeeds.flatId, flatId), eq(calendarFeeds.userId, userId)))
		.get();
}

/**
 * Whose feed a token opens in this flat: an active member who may see the calendar. Someone
 * who moved out keeps no window on the flat through an old subscription.
 */
export function memberForFeed(db: DB, flatId: number, token: string): number | undefined {
	const row = db
		.select({ userId: calendarFeeds.userId, role: memberships.role })
		.from(calendarFeeds)
		.innerJoin(
			memberships,
			and(
				eq(memberships.flatId, calendarFeeds.flatId),
				eq(memberships.userId, calendarFeeds.userId)
			)
		)
		.where(
			and(
				eq(calendarFeeds.id, hashToken(token)),
				eq(calendarFeeds.flatId, flatId),
				eq(memberships.status, 'active')
			)
		)
		.get();
	return row && can(row.role, 'calendar.view') ? row.userId : undefined;
}

/**
 * A local wall time in the shape of a Day.js value. ical-generator writes it as it is under
 * the event's TZID, or as its instant in UTC for a flat on UTC; a native Date it would read
 * in the server's own time zone.
 */
function wall(date: string, time: string, timeZone: string): ICalDayJsStub {
	const at = localInstant(date, time, timeZone);
	const value: ICalDayJsStub = {
		format: (pattern) =>
			pattern === 'YYYYMMDD'
				? date.replaceAll('-', '')
				: pattern === 'HHmmss'
					? `${time.replace(':', '')}00`
					: at.toISOString(),
		isValid: () => true,
		toDate: () => at,
		toJSON: () => at.toISOString(),
		tz: (zone) =>
			!zone || zone === timeZone ? value : wall(localDate(at, zone), localTime(at, zone), zone),
		utc: () => wall(localDate(at, 'UTC'), localTime(at, 'UTC'), 'UTC')
	};
	return value;
}

const yearOf = (date: string) => Number(date.slice(0, 4));

function newCalendar(name: string | null, fromYear: number, toYear: number): ICalCalendar {
	return ical({
		prodId: { company: 'Burenbord', product: 'Burenbord', language: 'NL' },
		// ical-generator writes the name as given; a comma in it would make it a list.
		name: name === null ? null : escape(name, false),
		// No calendar-wide zone: DTSTAMP and LAST-MODIFIED stay in UTC, each event has its TZID.
		timezone: { name: null, generator: (zone) => vtimezone(zone, fromYear, toYear) }
	});
}

const paragraphs = (...parts: (string | null | undefined)[]) =>
	parts.filter((p) => p && p.trim()).join('\n\n') || null;

/** What one occurrence looks like with its change (moved, cancelled, a note) applied. */
function occurrenceData(
	timeZone: string,
	a: Activity,
	occurrence: string,
	change: ActivityChange | undefined
) {
	const date = change?.date ?? occurrence;
	const going = a.status === 'published' ? ICalEventStatus.CONFIRMED : ICalEventStatus.TENTATIVE;
	return {
		start: wall(date, change?.startTime ?? a.startTime, timeZone),
		end: wall(date, change?.endTime ?? a.endTime, timeZone),
		location: (change?.place ?? a.place) || null,
		status: change?.cancelled ? ICalEventStatus.CANCELLED : going,
		// Why it is off, or what is different this time, comes before the usual description.
		description: paragraphs(change?.cancelled ? change.reason : change?.note, a.description)
	};
}

/**
 * One activity in a calendar. A series is one event with an RRULE; every changed or
 * cancelled occurrence is its own event with a RECURRENCE-ID (a cancelled one keeps its place
 * as STATUS:CANCELLED, with the reason). `dates` limits the series to these rule dates (a
 * window, or up to a pause); null keeps the rule as it stands.
 */
function addActivity(
	cal: ICalCalendar,
	timeZone: string,
	a: Activity,
	dates: readonly string[] | null,
	changes: ActivityChange[],
	now: Date
): void {
	const first = dates ? dates[0] : a.startDate;
	if (!first) return;
	const base = {
		id: activityUid(a.id),
		sequence: a.sequence,
		stamp: now,
		lastModified: a.updatedAt,
		summary: a.title,
		timezone: timeZone
	};
	const changeOf = (date: string) => changes.find((c) => c.occurrence === date);

	if (a.recurrence === 'none') {
		cal.createEvent({ ...base, ...occurrenceData(timeZone, a, first, changeOf(first)) });
		return;
	}
	// A series limited to some dates starts at the first of them and counts them; BYDAY still
	// comes from the real start, so "last Tuesday of the month" stays the last Tuesday.
	const rule = dates
		? recurrence.icalRule({ ...a, untilDate: null, count: dates.length })
		: recurrence.icalRule(
				a,
				a.untilDate
					? new Date(startOfDay(addDays(a.untilDate, 1), timeZone).getTime() - 1000)
					: undefined
			);
	cal.createEvent({
		...base,
		...occurrenceData(timeZone, a, first, undefined),
		repeating: rule
	});
	const given = dates ? new Set(dates) : null;
	for (const c of changes) {
		const inSeries = given ? given.has(c.occurrence) : recurrence.isOccurrence(a, c.occurrence);
		if (!inSeries) continue;
		cal.createEvent({
			...base,
			recurrenceId: wall(c.occurrence, a.startTime, timeZone),
			...occurrenceData(timeZone, a, c.occurrence, c)
		});
	}
}

/** The local dates a subscribed calendar holds, both included. */
export function feedWindow(timeZone: string, now = new Date()) {
	const today = localDate(now, timeZone);
	return { from: addDays(today, -FEED_PAST_DAYS), to: addDays(today, FEED_AHEAD_DAYS) };
}

/**
 * The flat's calendar to subscribe to: its published activities with their changes, from a
 * month ago to half a year ahead. A series that started long ago begins at its first date in
 * that window; a paused series ends the day before its pause.
 */
export function feed(db: DB, flat: CalendarFlat, now = new Date()): string {
	const { from, to } = feedWindow(flat.timeZone, now);
	const list = db
		.select()
		.from(activities)
		.where(
			and(
				eq(activities.flatId, flat.id),
				eq(activities.status, 'published'),
				lte(activities.startDate, to),
				or(isNull(activities.untilDate), gte(activities.untilDate, from))
			)
		)
		.orderBy(asc(activities.startDate), asc(activities.id))
		.all();
	const changes = new Map<number, ActivityChange[]>();
	if (list.length > 0)
		for (const c of db
			.select()
			.from(activityChanges)
			.where(
				and(
					inArray(
						activityChanges.activityId,
						list.map((a) => a.id)
					),
					between(activityChanges.occurrence, from, to)
				)
			)
			.all())
			changes.set(c.activityId, [...(changes.get(c.activityId) ?? []), c]);

	const cal = newCalendar(
		flat.name,
		yearOf(addDays(from, -MOVE_DAYS)),
		yearOf(addDays(to, MOVE_DAYS))
	).ttl(FEED_REFRESH_SECONDS);
	for (const a of list) {
		const last = a.pausedFrom && a.pausedFrom <= to ? addDays(a.pausedFrom, -1) : to;
		const dates = last < from ? [] : recurrence.dates(a, from, last);
		addActivity(cal, flat.timeZone, a, dates, changes.get(a.id) ?? [], now);
	}
	return cal.toString();
}

/**
 * One activity as an .ics file to add to a calendar by hand: the whole series with its
 * changed and cancelled dates. Call it with an activity the member may see (calendar.get);
 * a proposal goes in as tentative.
 */
export function activityIcs(db: DB, flat: CalendarFlat, a: Activity, now = new Date()): string {
	const changes = db
		.select()
		.from(activityChanges)
		.where(eq(activityChanges.activityId, a.id))
		.all();
	const dates = a.pausedFrom ? recurrence.dates(a, a.startDate, addDays(a.pausedFrom, -1)) : null;
	const today = localDate(now, flat.timeZone);
	const last = dates ? (dates.at(-1) ?? a.startDate) : (recurrence.lastDate(a) ?? today);
	// An open series runs on past today: its zone rules are looked at up to next year.
	const cal = newCalendar(
		null,
		yearOf(addDays(a.startDate, -MOVE_DAYS)),
		Math.max(yearOf(addDays(last, MOVE_DAYS)), yearOf(today) + 1)
	);
	addActivity(cal, flat.timeZone, a, dates, changes, now);
	return cal.toString();
}
