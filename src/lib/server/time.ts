/** Dates as people in a flat say them ("12 July") are local; instants are stored in UTC. */

const DAY = 24 * 60 * 60 * 1000;

function parts(instant: Date, timeZone: string) {
	const f = new Intl.DateTimeFormat('en-CA', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit'
	});
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
	const [y, m, d] = date.split('-').map(Number) as [number, number, number];
	const guess = Date.UTC(y, m - 1, d);
	let at = guess - offset(new Date(guess), timeZone);
	at = guess - offset(new Date(at), timeZone);
	return new Date(at);
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
