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

function parts(instant: Date, timeZone: string) {
	const f = formatter(timeZone);
	const p = Object.fromEntries(f.formatToParts(instant).map((x) => [x.type, x.value]));
	return { y: +p.year!, m: +p.month!, d: +p.day!, h: +p.hour!, min: +p.minute!, s: +p.second! };
}

/** How far the time zone is ahead of UTC at this instant, in ms. */
function offset(instant: Date, timeZone: string): number {
	const p = parts(instant, timeZone);
	const asUtc = Date.UTC(p.y, p.m - 1, p.d, p.h, p.min, p.s);
	return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/** The local date (YYYY-MM-DD) of an instant in a time zone. */
export function localDate(instant: Date, timeZone: string): string {
	const p = parts(instant, timeZone);
	return `${p.y}-${String(p.m).padStart(2, '0')}-${String(p.d).padStart(2, '0')}`;
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
	const wall = Date.UTC(y, m - 1, d, h, min);
	const before = wall - offset(new Date(wall - DAY / 2), timeZone);
	const after = wall - offset(new Date(wall + DAY / 2), timeZone);
	const real = [before, after].filter((at) => at + offset(new Date(at), timeZone) === wall);
	return new Date(real.length ? Math.min(...real) : before);
}

/** The local wall time (HH:MM) of an instant in a time zone. */
export function localTime(instant: Date, timeZone: string): string {
	const p = parts(instant, timeZone);
	return `${String(p.h).padStart(2, '0')}:${String(p.min).padStart(2, '0')}`;
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
