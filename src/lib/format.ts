import { getLocale } from '$lib/paraglide/runtime';

const kept = new Map<string, Intl.DateTimeFormat>();

/**
 * One date formatter per language and options, kept: making one costs far more than using
 * it, and a page that made one per date spent most of its time there.
 */
export function dateFormat(locale: string, options: Intl.DateTimeFormatOptions) {
	const key = `${locale}|${JSON.stringify(options)}`;
	let f = kept.get(key);
	if (!f) {
		f = new Intl.DateTimeFormat(locale, options);
		kept.set(key, f);
	}
	return f;
}

/**
 * Today (YYYY-MM-DD) in a time zone: the flat's, so "this year" is the flat's year on New
 * Year's Eve too. Without a zone, this device's own (near enough for all but a few hours).
 */
export function todayIn(timeZone?: string, now = new Date()): string {
	const parts = dateFormat('en', {
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		timeZone
	}).formatToParts(now);
	const part = (type: string) => parts.find((p) => p.type === type)?.value;
	return `${part('year')}-${part('month')}-${part('day')}`;
}

/** The year of an instant in a time zone ("2027"). */
const yearIn = (instant: Date, timeZone: string) =>
	dateFormat('en', { year: 'numeric', timeZone }).format(instant);

// The few hundred dates a flat shows are said once.
const said = new Map<string, string>();

/**
 * A local date (YYYY-MM-DD) as people say it: "12 juli", "12 July", "12 يوليو", with the year
 * when it is not this year ("12 juli 2027"): a request for next July posted in December
 * must not read as this July. `today` is the flat's (see `todayIn`).
 */
export function formatDate(date: string, locale = getLocale(), today?: string): string {
	const year = today ? today.slice(0, 4) : String(new Date().getFullYear());
	const withYear = date.slice(0, 4) !== year;
	const key = `${locale}|${date}|${withYear ? 'y' : ''}`;
	const known = said.get(key);
	if (known !== undefined) return known;
	const [y, m, d] = date.split('-').map(Number) as [number, number, number];
	const f = dateFormat(locale, {
		day: 'numeric',
		month: 'long',
		...(withYear && { year: 'numeric' }),
		timeZone: 'UTC'
	});
	const text = f.format(new Date(Date.UTC(y, m - 1, d)));
	if (said.size >= 10_000) said.clear();
	said.set(key, text);
	return text;
}

/** The day of an instant in the flat's zone: "21 november 2026". */
export function formatDay(instant: Date, timeZone: string, locale = getLocale()): string {
	return dateFormat(locale, { dateStyle: 'long', timeZone }).format(instant);
}

/**
 * An instant as a short local time stamp in the flat's zone: "12 jul 14:05", with the year
 * when that is not the flat's current one.
 */
export function formatMoment(
	instant: Date,
	timeZone: string,
	locale = getLocale(),
	now = new Date()
): string {
	const withYear = yearIn(instant, timeZone) !== yearIn(now, timeZone);
	return dateFormat(locale, {
		day: 'numeric',
		month: 'short',
		...(withYear && { year: 'numeric' }),
		hour: '2-digit',
		minute: '2-digit',
		timeZone
	}).format(instant);
}
