import { createRequire } from 'node:module';
import type { Activity } from '../db/schema';
import type { Options } from 'rrule';
import { addDays, daysBetween } from '../time';

// rrule ships CommonJS without named ESM exports; Node's own loader reads it the same way in
// vitest, the dev server and the built app.
const { RRule } = createRequire(import.meta.url)('rrule') as typeof import('rrule');

export type Rule = Pick<Activity, 'startDate' | 'recurrence' | 'untilDate' | 'count'>;

/** A local date as rrule's "floating" time: midnight UTC standing for that day anywhere. */
const floating = (date: string) => new Date(`${date}T00:00:00Z`);
const dateOf = (d: Date) => d.toISOString().slice(0, 10);

const WEEKDAYS = [RRule.SU, RRule.MO, RRule.TU, RRule.WE, RRule.TH, RRule.FR, RRule.SA];

/**
 * Which weekday of the month a date is: 1 to 4 for "first" to "fourth", -1 for the fifth
 * (a series started on a fifth Tuesday continues on the last Tuesday of each month).
 */
function weekdayOfMonth(date: string): { weekday: number; nth: number } {
	const d = floating(date);
	const nth = Math.ceil(d.getUTCDate() / 7);
	return { weekday: d.getUTCDay(), nth: nth === 5 ? -1 : nth };
}

/**
 * How a series repeats, as rrule's options: the weekday (and for a monthly series which one
 * of the month) comes from its first date. An interval of 1 is left out, as rrule's default,
 * so the RRULE text does not carry it.
 */
function pattern(rule: Rule): Partial<Options> {
	const { weekday, nth } = weekdayOfMonth(rule.startDate);
	const day = WEEKDAYS[weekday]!;
	return {
		freq: rule.recurrence === 'monthly' ? RRule.MONTHLY : RRule.WEEKLY,
		...(rule.recurrence === 'biweekly' ? { interval: 2 } : {}),
		byweekday: [rule.recurrence === 'monthly' ? day.nth(nth) : day]
	};
}

/**
 * The rule for rrule. Occurrences are computed on local dates only; the wall times are put
 * on afterwards in the flat's time zone, so DST never moves a 10:00 coffee morning.
 *
 * rrule walks from DTSTART, so a series started years ago would be walked week by week on
 * every page view. With `from`, the walk starts at the last whole step before it instead
 * (a count shrinks by the steps skipped); the weekday rule still comes from the real start.
 */
function toRRule(rule: Rule, from?: string) {
	if (rule.recurrence === 'none') return null;
	let anchor = rule.startDate;
	let skipped = 0;
	if (from && from > rule.startDate) {
		if (rule.recurrence === 'monthly') {
			const month = (d: string) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7)) - 1;
			skipped = Math.max(0, month(from) - month(rule.startDate) - 1);
			if (skipped > 0) {
				const m = month(rule.startDate) + skipped;
				anchor = `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}-01`;
			}
		} else {
			const step = rule.recurrence === 'biweekly' ? 14 : 7;
			skipped = Math.floor(daysBetween(rule.startDate, from) / step);
			anchor = addDays(rule.startDate, skipped * step);
		}
	}
	if (rule.count && skipped >= rule.count) return 'none' as const;
	return new RRule({
		...pattern(rule),
		dtstart: floating(anchor),
		until: rule.untilDate ? floating(rule.untilDate) : null,
		count: rule.count ? rule.count - skipped : null
	});
}

// Every page of a flat asks for the same weeks of the same rules: each answer is worked out
// once (the key is the whole rule and window, so a changed rule is simply another key).
const walked = new Map<string, readonly string[]>();

/** The local dates (YYYY-MM-DD) the rule gives from `from` to `to`, both included. */
export function dates(rule: Rule, from: string, to: string): readonly string[] {
	const key = `${rule.startDate}|${rule.recurrence}|${rule.untilDate}|${rule.count}|${from}|${to}`;
	let found = walked.get(key);
	if (!found) {
		found = Object.freeze(walk(rule, from, to));
		if (walked.size >= 50_000) walked.clear();
		walked.set(key, found);
	}
	return found;
}

function walk(rule: Rule, from: string, to: string): string[] {
	const r = toRRule(rule, from);
	if (r === 'none') return [];
	if (!r) return rule.startDate >= from && rule.startDate <= to ? [rule.startDate] : [];
	return r.between(floating(from), floating(to), true).map(dateOf);
}

/** Whether the rule gives this local date. */
export function isOccurrence(rule: Rule, date: string): boolean {
	return dates(rule, date, date)[0] === date;
}

/** The last date the rule gives, or null when it goes on without end. */
export function lastDate(rule: Rule): string | null {
	const r = toRRule(rule);
	if (!r || r === 'none') return rule.startDate;
	if (!rule.untilDate && !rule.count) return null;
	return dateOf(r.all().at(-1) ?? floating(rule.startDate));
}

/**
 * The RRULE line for iCal, as rrule writes it (without DTSTART: the event carries it in its own time zone).
 * UNTIL is given as a local date, which RFC 5545 allows with a DATE-TIME DTSTART only in
 * UTC; callers pass `untilUtc`, the end of that day as an instant.
 */
export function icalRule(rule: Rule, untilUtc?: Date): string | null {
	if (rule.recurrence === 'none') return null;
	// rrule writes "RRULE:FREQ=…"; ical-generator takes the line with or without the name.
	return RRule.optionsToString({
		...pattern(rule),
		until: untilUtc ?? null,
		count: untilUtc ? null : rule.count || null
	});
}
