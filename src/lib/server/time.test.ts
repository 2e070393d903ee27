import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, localDate, localInstant, localTime, startOfDay } from './time';

describe('local dates', () => {
	it('begin at local midnight, also on DST change days', () => {
		expect(startOfDay('2027-07-12', 'Europe/Amsterdam').toISOString()).toBe(
			'2027-07-11T22:00:00.000Z'
		);
		expect(startOfDay('2027-01-12', 'Europe/Amsterdam').toISOString()).toBe(
			'2027-01-11T23:00:00.000Z'
		);
		expect(startOfDay('2027-03-28', 'Europe/Amsterdam').toISOString()).toBe(
			'2027-03-27T23:00:00.000Z'
		);
		expect(startOfDay('2027-03-29', 'Europe/Amsterdam').toISOString()).toBe(
			'2027-03-28T22:00:00.000Z'
		);
		expect(startOfDay('2027-10-31', 'Europe/Amsterdam').toISOString()).toBe(
			'2027-10-30T22:00:00.000Z'
		);
		expect(startOfDay('2027-11-01', 'Europe/Amsterdam').toISOString()).toBe(
			'2027-10-31T23:00:00.000Z'
		);
	});

	it('are read in the flat time zone', () => {
		const lateEvening = new Date('2027-07-11T22:30:00Z');
		expect(localDate(lateEvening, 'Europe/Amsterdam')).toBe('2027-07-12');
		expect(localDate(lateEvening, 'UTC')).toBe('2027-07-11');
	});

	it('move and count by whole days', () => {
		expect(addDays('2027-02-27', 2)).toBe('2027-03-01');
		expect(daysBetween('2027-07-12', '2027-07-19')).toBe(7);
	});
});

/**
 * The five functions above against the platform's own reading of every time zone a flat can
 * choose (the same list the flat's settings accept), over a decade: any instant, any wall time,
 * including the nights clocks jump and the zones that jump by 30 minutes or at midnight.
 */
describe('time zones, against Intl', () => {
	const zones = [...Intl.supportedValuesOf('timeZone'), 'UTC'];
	const FROM = Date.UTC(2025, 0, 1);
	const TO = Date.UTC(2035, 0, 1);
	const instant = fc.integer({ min: FROM, max: TO }).map((ms) => new Date(ms - (ms % 1000)));
	const zone = fc.constantFrom(...zones);
	/** The nth Sunday of a month (negative: counted from its end), as YYYY-MM-DD. */
	const sunday = (year: number, month: number, nth: number) => {
		const first = nth > 0 ? Date.UTC(year, month, 1) : Date.UTC(year, month + 1, 0);
		const weekday = new Date(first).getUTCDay();
		const day = nth > 0 ? ((7 - weekday) % 7) + 7 * (nth - 1) : -weekday + 7 * (nth + 1);
		return new Date(first + day * 86_400_000).toISOString().slice(0, 10);
	};
	// Most days have no change of clock: half the dates are the days Europe and North America
	// change theirs, where the interesting wall times are.
	const changeDay = fc
		.record({
			year: fc.integer({ min: 2025, max: 2034 }),
			rule: fc.constantFrom([2, -1], [9, -1], [2, 2], [10, 1], [3, 1], [8, 1])
		})
		.map(({ year, rule }) => sunday(year, rule[0]!, rule[1]!));
	const date = fc.oneof(
		fc.integer({ min: FROM, max: TO }).map((ms) => new Date(ms).toISOString().slice(0, 10)),
		changeDay
	);
	const time = fc
		.record({
			h: fc.oneof(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 3 })),
			m: fc.constantFrom(0, 15, 30, 45, 59, 1)
		})
		.map(({ h, m }) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);

	const shown = new Map<string, Intl.DateTimeFormat>();
	/** "YYYY-MM-DD HH:MM" as the platform shows the instant in the zone. */
	function intl(at: Date, timeZone: string): string {
		let f = shown.get(timeZone);
		if (!f) {
			f = new Intl.DateTimeFormat('sv-SE', {
				timeZone,
				hourCycle: 'h23',
				year: 'numeric',
				month: '2-digit',
				day: '2-digit',
				hour: '2-digit',
				minute: '2-digit'
			});
			shown.set(timeZone, f);
		}
		return f.format(at);
	}
	const MINUTE = 60_000;
	const asUtc = (shownAt: string) => Date.parse(`${shownAt.replace(' ', 'T')}:00Z`);

	it('read an instant as the platform does', () => {
		fc.assert(
			fc.property(instant, zone, (at, tz) => {
				expect(`${localDate(at, tz)} ${localTime(at, tz)}`).toBe(intl(at, tz));
			}),
			{ numRuns: 5000 }
		);
	});

	it('find the first instant a wall time happens, or the moment after a skipped one', () => {
		fc.assert(
			fc.property(date, time, zone, (d, t, tz) => {
				const wanted = `${d} ${t}`;
				const at = localInstant(d, t, tz);
				if (intl(at, tz) === wanted) {
					// A time that happens twice is the first one: no earlier instant shows it.
					for (const back of [30, 60, 120])
						expect(intl(new Date(at.getTime() - back * MINUTE), tz)).not.toBe(wanted);
				} else {
					// Skipped by the clock: it lands as far later as the clock jumped, as clocks show it.
					const offsetAt = (x: number) => asUtc(intl(new Date(x), tz)) - x;
					const jump = offsetAt(at.getTime()) - offsetAt(at.getTime() - 12 * 60 * MINUTE);
					expect(jump).toBeGreaterThan(0);
					expect(asUtc(intl(at, tz)) - asUtc(wanted)).toBe(jump);
				}
			}),
			{
				numRuns: 5000,
				// Found by this test: 14:00 UTC is both 12 hours before and the moment Chatham
				// (+13:45) ends summer time, so looking half a day either way saw one offset only.
				examples: [['2025-04-06', '02:00', 'Pacific/Chatham']]
			}
		);
	});

	it('start a day at its first instant', () => {
		fc.assert(
			fc.property(date, zone, (d, tz) => {
				const start = startOfDay(d, tz);
				expect(localDate(start, tz)).toBe(d);
				expect(localDate(new Date(start.getTime() - 1000), tz)).toBe(addDays(d, -1));
			}),
			{ numRuns: 2000 }
		);
	});
});
