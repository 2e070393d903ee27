import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { dateFormat } from '$lib/format';
import type { PageData } from './$types';

// Taken from what the page gets, so nothing here reaches into server code.
type Entry = PageData['entries'][number];
export type MapCategory = Entry['category'];
export type AfterHoursPreset = NonNullable<Entry['preset']>;

/** The kinds of help in the order the map shows them, each in the reader's language. */
const CATEGORY_LABELS: Record<MapCategory, () => string> = {
	neighbourhood_team: m.map_cat_neighbourhood_team,
	housing_repairs: m.map_cat_housing_repairs,
	gp: m.map_cat_gp,
	gp_out_of_hours: m.map_cat_gp_out_of_hours,
	debt: m.map_cat_debt,
	language: m.map_cat_language,
	elderly: m.map_cat_elderly,
	youth: m.map_cat_youth,
	safety: m.map_cat_safety,
	other: m.map_cat_other
};

export const CATEGORIES = Object.keys(CATEGORY_LABELS) as MapCategory[];

export const categoryLabel = (category: MapCategory) => CATEGORY_LABELS[category]();

const PRESETS: Record<AfterHoursPreset, { name: () => string; text: () => string }> = {
	emergency: { name: m.map_preset_emergency, text: m.map_preset_emergency_text },
	police: { name: m.map_preset_police, text: m.map_preset_police_text },
	gp_out_of_hours: { name: m.map_preset_gp_out_of_hours, text: m.map_preset_gp_out_of_hours_text },
	repairs: { name: m.map_preset_repairs, text: m.map_preset_repairs_text },
	flat_contact: { name: m.map_preset_flat_contact, text: m.map_preset_flat_contact_text }
};

export const presetName = (preset: AfterHoursPreset) => PRESETS[preset].name();

type Named = { name: string; helpsWith: string; preset: AfterHoursPreset | null };

/** A preset row reads in the reader's language until an editor gives it a name of its own. */
export const entryName = (e: Named) => e.name || (e.preset ? presetName(e.preset) : '');

/** What the row is for: the editors' words, else the preset's explanation. */
export const entryText = (e: Named) => e.helpsWith || (e.preset ? PRESETS[e.preset].text() : '');

/** Weekdays as the map shows them: Monday first (0 = Sunday, as the hours are stored). */
export const WEEK = [1, 2, 3, 4, 5, 6, 0] as const;

/** "maandag", "Monday", "الاثنين" for a weekday number. */
export function weekdayName(day: number, locale = getLocale()): string {
	// 7 March 2027 is a Sunday; 1 to 6 March are Monday to Saturday.
	const date = new Date(Date.UTC(2027, 2, day === 0 ? 7 : day, 12));
	return dateFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(date);
}

/** The names of the hours inputs, as $lib/schemas reads them: `d1_open1` is Monday's first opening. */
export const hourField = (day: number, edge: 'open' | 'close', slot: 1 | 2) =>
	`d${day}_${edge}${slot}`;

/**
 * One day's hours as a line, "09:00–12:00, 13:00–17:00", or "closed". The times are kept
 * left-to-right inside Arabic text, else 09:00–17:00 would read as 17:00–09:00.
 */
export function dayHours(ranges: [string, string][] | undefined): string {
	if (!ranges?.length) return m.map_closed_day();
	return `\u2066${ranges.map(([open, close]) => `${open}–${close}`).join(', ')}\u2069`;
}

type OpenState = {
	open: boolean;
	closesAt?: string;
	opensAt?: { day: number; time: string; inDays: number };
};

/** "Open now, until 17:00" or "Closed now · opens Monday 09:00". */
export function openLabel(state: OpenState): string {
	if (state.open) return m.map_open_until({ time: state.closesAt ?? '' });
	const next = state.opensAt;
	if (!next) return m.map_closed_day();
	if (next.inDays === 0) return m.map_opens_today({ time: next.time });
	if (next.inDays === 1) return m.map_opens_tomorrow({ time: next.time });
	return m.map_opens_day({ day: weekdayName(next.day), time: next.time });
}

/** A number to dial: "030 123 4567" → "0301234567"; "+31 (0)30 …" drops the "(0)". */
export const telHref = (phone: string) =>
	`tel:${phone.replace(/\(0\)/g, '').replace(/[^\d+]/g, '')}`;

/** A web address as people read it: "buurtteam.nl/overvecht", without https:// and a final "/". */
export const shortUrl = (url: string) => url.replace(/^https?:\/\/(www\.)?/, '').replace(/\/$/, '');
