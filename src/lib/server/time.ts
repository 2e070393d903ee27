/** Dates as people in a flat say them ("12 July") are local; instants are stored in UTC. */

const DAY = 24 * 60 * 60 * 1000;

// Making a formatter costs far more than using one: one per time zone, kept.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
	let f = formatters.get(timeZone);
	if (!f) {
		f = new Intl.DateTimeFormat('en-CA', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit'
		});
		formatters.set(timeZone, f);
	}
	return f;
}

const PARTS = /^(-?\d+)-(\d\d)-(\d\d), (\d\d):(\d\d):(\d\d)$/;

/** The wall clock of an instant in a time zone, to the second ("2026-11-21, 12:05:47"). */
function wallClock(instant: number, timeZone: string): number {
	const [, y, m, d, h, min, s] = PARTS.exec(formatter(timeZone).format(instant))!.map(
		Number
	) as number[];
	return Date.UTC(y!, m! - 1, d!, h!, min!, s!);
}

const SLOT = 15 * 60 * 1000;
/** Offsets per zone and quarter of an hour: zones change their offset on such a boundary. */
const offsets = new Map<string, number>();

/** How far the time zone is ahead of UTC at this instant, in ms. */
export function offset(instant: number, timeZone: string): number {
	const slot = Math.floor(instant / SLOT) * SLOT;
	const key = `${timeZone}|${slot}`;
	const known = offsets.get(key);
	if (known !== undefined) return known;
	const first = wallClock(slot, timeZone) - slot;
	// A change inside the slot (old local mean times did that): not kept, worked out each time.
	if (wallClock(slot + SLOT - 1000, timeZone) - (slot + SLOT - 1000) !== first) {
		const second = Math.floor(instant / 1000) * 1000;
		return wallClock(second, timeZone) - second;
	}
	if (offsets.size >= 100_000) offsets.clear();
	offsets.set(key, first);
	return first;
}

/** The instant moved to its wall clock in the zone, to read with the getUTC… methods. */
const wall = (instant: Date, timeZone: string) =>
	new Date(instant.getTime() + offset(instant.getTime(), timeZone));

const pad = (n: number) => String(n).padStart(2, '0');

/** The local date (YYYY-MM-DD) of an instant in a time zone. */
export function localDate(instant: Date, timeZone: string): string {
	const w = wall(instant, timeZone);
	return `${w.getUTCFullYear()}-${pad(w.getUTCMonth() + 1)}-${pad(w.getUTCDate())}`;
}

/** The instant a local date begins in a time zone (DST-safe). */
export function startOfDay(date: string, timeZone: string): Date {
	return localInstant(date, '00:00', timeZone);
}

/**
 * The instant a local wall time (HH:MM) on a local date happens in a time zone: 10:00 in
 * Amsterdam is 09:00 UTC in winter and 08:00 UTC in summer. A time the clock skips (02:30
 * on the night summer time starts) lands an hour later, as clocks show it; a time that
 * happens twice (the night it ends) is the first one, as RFC 5545 reads it.
 */
export function localInstant(date: string, time: string, timeZone: string): Date {
	const [y, m, d] = date.split('-').map(Number) as [number, number, number];
	const [h, min] = time.split(':').map(Number) as [number, number];
	const clock = Date.UTC(y, m - 1, d, h, min);
	const before = clock - offset(clock - DAY, timeZone);
	const after = clock - offset(clock + DAY, timeZone);
	const real = [before, after].filter((at) => at + offset(at, timeZone) === clock);
	return new Date(real.length ? Math.min(...real) : before);
}

/** The local wall time (HH:MM) of an instant in a time zone. */
export function localTime(instant: Date, timeZone: string): string {
	const w = wall(instant, timeZone);
	return `${pad(w.getUTCHours())}:${pad(w.getUTCMinutes())}`;
}

/** A local date moved by whole days. */
export function addDays(date: string, days: number): string {
	const [y, m, d] = date.split('-').map(Number) as [number, number, number];
	return new Date(Date.UTC(y, m - 1, d) + days * DAY).toISOString().slice(0, 10);
}

/** Whole days from one local date to another. */
export function daysBetween(from: string, to: string): number {
	const a = Date.parse(`${from}T00:00:00Z`);
	const b = Date.parse(`${to}T00:00:00Z`);
	return Math.round((b - a) / DAY);
}

export { DAY };
