import { and, between, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { listOf, prepared, type DB } from '../db';
import { activities, activityChanges, activityRsvps, flats } from '../db/schema';
import * as calendar from '../calendar';
import { addDays, localInstant } from '../time';
import { MONTHS, type Window } from './model';
import { rollingWindow, sliceOf } from './window';

// Activities held and the people who came. An occurrence was held when it ended before now and
// was not called off; the people are the "I'm coming" answers with their guests (the waiting
// list did not come). The answers are summed here per occurrence, by the answers' own index,
// rather than through the calendar's agenda, which also works out who helps and who waits.

const key = (activityId: number, occurrence: string) => `${activityId}/${occurrence}`;

/** "I'm coming" per occurrence of these activities, guests included, between two rule dates. */
const comingFor = prepared((db) =>
	db
		.select({
			activityId: activityRsvps.activityId,
			occurrence: activityRsvps.occurrence,
			n: sql<number>`sum(1 + ${activityRsvps.guests})`
		})
		.from(activityRsvps)
		.where(
			and(
				inArray(activityRsvps.activityId, listOf('ids')),
				between(activityRsvps.occurrence, sql.placeholder('from'), sql.placeholder('to')),
				eq(activityRsvps.kind, 'coming'),
				eq(activityRsvps.waiting, false)
			)
		)
		.groupBy(activityRsvps.activityId, activityRsvps.occurrence)
		.prepare()
);

/** A flat's activities held and people who came, per month of the window. */
export function heldIn(db: DB, flat: { id: number; timeZone: string }, window: Window) {
	const held = Array<number>(MONTHS).fill(0);
	const attending = Array<number>(MONTHS).fill(0);
	const list = calendar
		.occurrences(db, flat, window.slices[0]!.start, window.today)
		.filter((o) => !o.cancelled && o.end.getTime() <= window.to);
	if (list.length === 0) return { held, attending };
	const rules = list.map((o) => o.occurrence).sort();
	const coming = new Map(
		comingFor(db)
			.all({
				ids: JSON.stringify([...new Set(list.map((o) => o.activityId))]),
				from: rules[0]!,
				to: rules.at(-1)!
			})
			.map((r) => [key(r.activityId, r.occurrence), r.n])
	);
	for (const o of list) {
		const month = sliceOf(window, o.date);
		held[month]!++;
		attending[month]! += coming.get(key(o.activityId, o.occurrence)) ?? 0;
	}
	return { held, attending };
}

// Over every flat, for the admin's totals: three queries in all instead of three per flat,
// each walking from the flats down their indexes (a cross join keeps SQLite to that order),
// so only the activities that can fall in the window and their rows in it are read.

/** A published activity that can have an occurrence from `from` to `to`. */
const publishedInRange = and(
	eq(activities.status, 'published'),
	lte(activities.startDate, sql.placeholder('to')),
	or(isNull(activities.untilDate), gte(activities.untilDate, sql.placeholder('from')))
);

const publishedAll = prepared((db) =>
	db
		.select({ activity: activities, timeZone: flats.timeZone })
		.from(flats)
		.crossJoin(activities)
		.where(
			and(
				eq(activities.flatId, flats.id),
				between(flats.id, sql.placeholder('lo'), sql.placeholder('hi')),
				publishedInRange
			)
		)
		.prepare()
);

const changesAll = prepared((db) =>
	db
		.select({ change: activityChanges })
		.from(flats)
		.crossJoin(activities)
		.crossJoin(activityChanges)
		.where(
			and(
				eq(activities.flatId, flats.id),
				between(flats.id, sql.placeholder('lo'), sql.placeholder('hi')),
				publishedInRange,
				eq(activityChanges.activityId, activities.id),
				between(activityChanges.occurrence, sql.placeholder('from'), sql.placeholder('to'))
			)
		)
		.prepare()
);

const comingAll = prepared((db) =>
	db
		.select({
			activityId: activityRsvps.activityId,
			occurrence: activityRsvps.occurrence,
			n: sql<number>`sum(1 + ${activityRsvps.guests})`
		})
		.from(flats)
		.crossJoin(activities)
		.crossJoin(activityRsvps)
		.where(
			and(
				eq(activities.flatId, flats.id),
				between(flats.id, sql.placeholder('lo'), sql.placeholder('hi')),
				publishedInRange,
				eq(activityRsvps.activityId, activities.id),
				between(activityRsvps.occurrence, sql.placeholder('from'), sql.placeholder('to')),
				eq(activityRsvps.kind, 'coming'),
				eq(activityRsvps.waiting, false)
			)
		)
		.groupBy(activityRsvps.activityId, activityRsvps.occurrence)
		.prepare()
);

/**
 * Activities held and people who came over every flat, each in its own zone's window. The
 * occurrences are read off the rules as the calendar does (a change may move one, cancel it;
 * a pause leaves it out), without working out each one's instants: only today's end matters.
 */
export function heldEverywhere(db: DB, now: Date, flatIds: { lo: number; hi: number }) {
	const windows = new Map<string, Window>();
	const windowIn = (timeZone: string) => {
		let w = windows.get(timeZone);
		if (!w) windows.set(timeZone, (w = rollingWindow(now, timeZone)));
		return w;
	};
	const utc = rollingWindow(now, 'UTC');
	// A day either side for the zones, and the calendar's month for moved occurrences.
	const from = addDays(utc.slices[0]!.start, -1 - calendar.MOVE_DAYS);
	const to = addDays(utc.today, 1 + calendar.MOVE_DAYS);
	const changes = new Map(
		changesAll(db)
			.all({ from, to, ...flatIds })
			.map(({ change }) => [key(change.activityId, change.occurrence), change])
	);
	const coming = new Map(
		comingAll(db)
			.all({ from, to, ...flatIds })
			.map((r) => [key(r.activityId, r.occurrence), r.n])
	);
	let held = 0;
	let attending = 0;
	for (const { activity: a, timeZone } of publishedAll(db).all({ from, to, ...flatIds })) {
		const w = windowIn(timeZone);
		for (const date of calendar.recurrence.dates(a, from, to)) {
			if (a.pausedFrom && date >= a.pausedFrom) continue;
			const change = changes.get(key(a.id, date));
			if (change?.cancelled) continue;
			const on = change?.date ?? date;
			if (on < w.slices[0]!.start || on > w.today) continue;
			if (
				on === w.today &&
				localInstant(on, change?.endTime ?? a.endTime, timeZone).getTime() > w.to
			)
				continue;
			held++;
			attending += coming.get(key(a.id, date)) ?? 0;
		}
	}
	return { held, attending };
}
