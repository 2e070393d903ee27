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

// The few hundred dates a flat shows are said once.
const said = new Map<string, string>();

/** A local date (YYYY-MM-DD) as people say it: "12 juli", "12 July", "١٢ يوليو". */
export function formatDate(date: string, locale = getLocale()): string {
	const key = `${locale}|${date}`;
	const known = said.get(key);
	if (known !== undefined) return known;
	const [y, m, d] = date.split('-').map(Number) as [number, number, number];
	const f = dateFormat(locale, { day: 'numeric', month: 'long', timeZone: 'UTC' });
	const text = f.format(new Date(Date.UTC(y, m - 1, d)));
	if (said.size >= 10_000) said.clear();
	said.set(key, text);
	return text;
}

/** The day of an instant in the flat's zone: "21 november 2026". */
export function formatDay(instant: Date, timeZone: string, locale = getLocale()): string {
	return dateFormat(locale, { dateStyle: 'long', timeZone }).format(instant);
}

/** An instant as a short local time stamp in the flat's zone. */
export function formatMoment(instant: Date, timeZone: string, locale = getLocale()): string {
	return dateFormat(locale, {
		day: 'numeric',
		month: 'short',
		hour: '2-digit',
		minute: '2-digit',
		timeZone
	}).format(instant);
}
