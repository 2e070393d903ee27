import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { dateFormat } from '$lib/format';
import type { Recurrence } from '$lib/calendar';

const utc = (date: string) => new Date(`${date}T12:00:00Z`);

/**
 * "Tuesday 16 March" in the reader's language, or "Tuesday 16 Mar" for a narrow column; with
 * the year when it is not this year (`today`: the flat's, see `todayIn`).
 */
export function dayLabel(
	date: string,
	locale = getLocale(),
	month: 'long' | 'short' = 'long',
	today?: string
): string {
	const year = today ? today.slice(0, 4) : String(new Date().getFullYear());
	return dateFormat(locale, {
		weekday: 'long',
		day: 'numeric',
		month,
		...(date.slice(0, 4) !== year && { year: 'numeric' }),
		timeZone: 'UTC'
	}).format(utc(date));
}

/** "March 2027". */
export function monthLabel(month: string, locale = getLocale()): string {
	return dateFormat(locale, {
		month: 'long',
		year: 'numeric',
		timeZone: 'UTC'
	}).format(utc(`${month}-01`));
}

/** Short weekday names, Monday first, for the month grid. */
export function weekdayNames(locale = getLocale()): { short: string; long: string }[] {
	// 2027-03-01 is a Monday.
	return Array.from({ length: 7 }, (_, i) => {
		const d = utc(`2027-03-0${i + 1}`);
		const f = (weekday: 'short' | 'long') =>
			dateFormat(locale, { weekday, timeZone: 'UTC' }).format(d);
		return { short: f('short'), long: f('long') };
	});
}

/** Every flat's first place (the `places` default in the schema): a name with a word per language. */
const DEFAULT_PLACE = 'buurtkamer';

/** Whether a place is the Buurtkamer, however a verbinder capitalised or spaced it. */
export const isDefaultPlace = (place: string) => place.trim().toLowerCase() === DEFAULT_PLACE;

/**
 * A place as the reader says it: the Buurtkamer in their language (غرفة الحيّ beside Arabic
 * headings that call it so), any other place as its verbinders wrote it.
 */
export function placeName(place: string, locale = getLocale()): string {
	return isDefaultPlace(place) ? m.place_buurtkamer({}, { locale }) : place;
}

/** "10:00–11:30" (times are local wall times, shown as they are). */
export const timeRange = (start: string, end: string) => `${start}–${end}`;

/** How a series repeats, in words: "Every Tuesday", "Every first Wednesday of the month". */
export function ruleLabel(recurrence: Recurrence, startDate: string, locale = getLocale()): string {
	const day = dateFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(utc(startDate));
	if (recurrence === 'none') return m.cal_rule_once();
	if (recurrence === 'weekly') return m.cal_rule_weekly({ day });
	if (recurrence === 'biweekly') return m.cal_rule_biweekly({ day });
	const n = Math.ceil(Number(startDate.slice(8, 10)) / 7);
	if (n === 1) return m.cal_rule_monthly_first({ day });
	if (n === 2) return m.cal_rule_monthly_second({ day });
	if (n === 3) return m.cal_rule_monthly_third({ day });
	if (n === 4) return m.cal_rule_monthly_fourth({ day });
	return m.cal_rule_monthly_last({ day });
}

/** Items grouped by their date, keeping their order. */
export function byDate<T extends { date: string }>(items: T[]): Map<string, T[]> {
	const out = new Map<string, T[]>();
	for (const item of items) out.set(item.date, [...(out.get(item.date) ?? []), item]);
	return out;
}
