import { getLocale } from '$lib/paraglide/runtime';

// Making a formatter costs far more than using one: one per language, kept.
const dayMonth = new Map<string, Intl.DateTimeFormat>();

/** A local date (YYYY-MM-DD) as people say it: "12 juli", "12 July", "١٢ يوليو". */
export function formatDate(date: string, locale = getLocale()): string {
	const [y, m, d] = date.split('-').map(Number) as [number, number, number];
	let f = dayMonth.get(locale);
	if (!f) {
		f = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', timeZone: 'UTC' });
		dayMonth.set(locale, f);
	}
	return f.format(new Date(Date.UTC(y, m - 1, d)));
}

/** The day of an instant in the flat's zone: "21 november 2026". */
export function formatDay(instant: Date, timeZone: string, locale = getLocale()): string {
	return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone }).format(instant);
}

/** An instant as a short local time stamp in the flat's zone. */
export function formatMoment(instant: Date, timeZone: string, locale = getLocale()): string {
	return new Intl.DateTimeFormat(locale, {
		day: 'numeric',
		month: 'short',
		hour: '2-digit',
		minute: '2-digit',
		timeZone
	}).format(instant);
}
