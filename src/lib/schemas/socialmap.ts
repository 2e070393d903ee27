import * as v from 'valibot';
import { m } from '$lib/paraglide/messages';
import { MAP_CATEGORIES, type OpeningHours } from '$lib/socialmap';
import { CLOCK_TIME, checkbox, optionalText, rowId } from './fields';

/**
 * The hours fields of the map form: `d1_open1`, `d1_close1` for Monday's first range,
 * `d1_open2`, `d1_close2` for a second one (0 = Sunday … 6 = Saturday). HoursFields.svelte
 * names its inputs the same way.
 */
export const hourField = (day: number, edge: 'open' | 'close', slot: 1 | 2) =>
	`d${day}_${edge}${slot}`;

/** Minutes from the start of the day; a range past midnight ends on the next day. */
function span([open, close]: [string, string]): [number, number] {
	const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));
	const start = minutes(open);
	const end = minutes(close);
	return [start, end <= start ? end + 24 * 60 : end];
}

/** The week's opening hours as typed, with a message for each field that does not fit. */
function readHours(input: Record<string, unknown>, likeMonday: boolean) {
	const problems: { field: string; message: string }[] = [];
	const hours: OpeningHours = [];
	for (let day = 0; day < 7; day++) {
		const ranges: [string, string][] = [];
		// "Tuesday to Friday like Monday": those days are copied below, whatever they say.
		if (likeMonday && day >= 2 && day <= 5) {
			hours.push(ranges);
			continue;
		}
		for (const slot of [1, 2] as const) {
			const fields = [hourField(day, 'open', slot), hourField(day, 'close', slot)] as const;
			const [open, close] = fields.map((f) => {
				const value = input[f];
				return typeof value === 'string' ? value.trim() : '';
			}) as [string, string];
			if (!open && !close) continue;
			const wrong = fields.filter((_, i) => !CLOCK_TIME.test([open, close][i]!));
			wrong.forEach((field) =>
				problems.push({
					field,
					message: (field === fields[0] ? open : close) ? m.err_time() : m.map_err_range()
				})
			);
			if (wrong.length) continue;
			if (open === close) {
				problems.push({ field: fields[1], message: m.map_err_same_time() });
				continue;
			}
			const [s, e] = span([open, close]);
			if (ranges.some((r) => s < span(r)[1] && span(r)[0] < e)) {
				problems.push({ field: fields[0], message: m.map_err_overlap() });
				continue;
			}
			ranges.push([open, close]);
		}
		hours.push(ranges.sort((a, b) => a[0].localeCompare(b[0])));
	}
	if (likeMonday) for (let day = 2; day <= 5; day++) hours[day] = hours[1]!.map(([a, b]) => [a, b]);
	return { hours, problems };
}

/** The form fields for stored hours, to fill the edit form. */
export function hoursToFields(hours: OpeningHours): Record<string, string> {
	const out: Record<string, string> = {};
	hours.forEach((ranges, day) =>
		ranges.slice(0, 2).forEach(([open, close], i) => {
			const slot = i === 0 ? 1 : 2;
			out[hourField(day, 'open', slot)] = open;
			out[hourField(day, 'close', slot)] = close;
		})
	);
	return out;
}

/** Digits as typed on an Arabic or Persian keyboard (٠٣٠) become 030. */
const westernDigits = (s: string) =>
	s.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) & 0xf));

function isWebAddress(s: string): boolean {
	if (!s) return true;
	if (!URL.canParse(s)) return false;
	const url = new URL(s);
	// Only web pages: never javascript: or data:, and no "name@" that hides the real site.
	return (
		(url.protocol === 'https:' || url.protocol === 'http:') &&
		url.hostname.includes('.') &&
		!url.username &&
		!url.password
	);
}

/**
 * A place on the flat's social map. The name may stay empty only on a preset after-hours
 * row (the action knows which); the website is a web page or nothing.
 */
export const mapEntrySchema = v.pipe(
	v.looseObject({
		category: v.picklist(MAP_CATEGORIES, () => m.err_choose()),
		name: optionalText(80),
		helpsWith: v.pipe(
			v.optional(v.string(), ''),
			v.trim(),
			v.transform((s) => s.replace(/\r\n?/g, '\n')),
			v.maxLength(300, () => m.err_too_long({ max: 300 })),
			v.regex(/^(?:\P{Cc}|\n)*$/u, () => m.err_invalid())
		),
		phone: v.pipe(
			v.optional(v.string(), ''),
			v.trim(),
			v.transform((s) => westernDigits(s).replace(/\s+/g, ' ')),
			v.maxLength(20, () => m.map_err_phone()),
			v.regex(/^[\d +()-]*$/, () => m.map_err_phone()),
			v.check(
				(s) => !s || /\d/.test(s),
				() => m.map_err_phone()
			)
		),
		website: v.pipe(
			v.optional(v.string(), ''),
			v.trim(),
			v.maxLength(200, () => m.err_too_long({ max: 200 })),
			// People write "www.buurtteam.nl"; a link needs the https:// in front.
			v.transform((s) => (s && !/^[a-z][a-z\d+.-]*:/i.test(s) ? `https://${s}` : s)),
			v.check(isWebAddress, () => m.map_err_website()),
			v.transform((s) => (s ? new URL(s).href : s))
		),
		address: optionalText(120),
		afterHours: checkbox,
		likeMonday: checkbox
	}),
	v.rawCheck(({ dataset, addIssue }) => {
		// Runs even when another field failed, so every message shows at once.
		if (typeof dataset.value !== 'object' || !dataset.value) return;
		const input = dataset.value as Record<string, unknown>;
		for (const { field, message } of readHours(input, input.likeMonday === true).problems)
			addIssue({
				message,
				path: [{ type: 'object', origin: 'value', input, key: field, value: input[field] }]
			});
	}),
	v.transform(({ category, name, helpsWith, phone, website, address, afterHours, ...rest }) => ({
		category,
		name,
		helpsWith,
		phone,
		website,
		address,
		afterHours,
		hours: readHours(rest, rest.likeMonday === true).hours
	}))
);

/** Moves a place on the map up or down; the category is the filter to come back to. */
export const moveSchema = v.object({
	id: rowId,
	direction: v.picklist(['up', 'down']),
	category: v.optional(v.pipe(v.string(), v.maxLength(40)), '')
});

/** Removing a place asks for the tick "yes, I am sure" first. */
export const removeEntrySchema = v.object({
	confirm: v.pipe(
		v.optional(v.string(), ''),
		v.maxLength(10, () => m.map_err_confirm()),
		v.check(
			(s) => s === 'on',
			() => m.map_err_confirm()
		)
	)
});
