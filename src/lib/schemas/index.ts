import * as v from 'valibot';
import { m } from '$lib/paraglide/messages';
import { locales } from '$lib/paraglide/runtime';
import { HELP_CATEGORIES, HELP_TYPES } from '$lib/help';
import { RECURRENCES } from '$lib/calendar';
import { CHANNELS, type NotifyGroup } from '$lib/notify-groups';
import { MAP_CATEGORIES, type OpeningHours } from '$lib/socialmap';
import { normaliseName } from '$lib/names';

// Messages are functions, so they are rendered in the language of the request that fails.
const text = (max: number) =>
	v.pipe(
		v.string(),
		v.trim(),
		v.maxLength(max, () => m.err_too_long({ max }))
	);

v.setGlobalMessage(() => m.err_invalid());

const noControl = /^\P{Cc}*$/u;

/** A row's id from a form field: twelve digits are more rows than Burenbord will ever have. */
const rowId = v.pipe(v.string(), v.maxLength(12), v.toNumber(), v.integer(), v.minValue(1));

/**
 * A first name, cleaned as the server stores it (nothing invisible, no bidi controls, marks
 * limited) before it is checked: "\u200B" alone is an empty name.
 */
export const firstName = v.pipe(
	text(40),
	v.transform(normaliseName),
	// Again after cleaning: NFKC can lengthen a name (the ligature ﷺ is 18 letters).
	v.maxLength(40, () => m.err_too_long({ max: 40 })),
	v.nonEmpty(() => m.err_name_required()),
	v.regex(noControl, () => m.err_name_chars()),
	v.regex(/\p{L}/u, () => m.err_name_chars())
);

export const password = v.pipe(
	v.string(),
	v.minLength(8, () => m.err_password_short({ min: 8 })),
	v.maxLength(200, () => m.err_too_long({ max: 200 }))
);

const houseNumber = v.pipe(
	text(12),
	v.regex(/^[\p{L}\p{N} ./-]*$/u, () => m.err_house_number()),
	v.transform((s) => s || null)
);

export const locale = v.picklist(locales, () => m.err_choose());

const timeZones = new Set(Intl.supportedValuesOf('timeZone'));
timeZones.add('UTC');

export const flatSchema = v.object({
	name: v.pipe(
		text(60),
		v.minLength(2, () => m.err_flat_name())
	),
	slug: v.pipe(
		text(40),
		v.toLowerCase(),
		v.regex(/^[a-z0-9](?:-?[a-z0-9])+$/, () => m.err_slug())
	),
	timeZone: v.pipe(
		text(64),
		v.check(
			(z) => timeZones.has(z),
			() => m.err_time_zone()
		)
	),
	joinMode: v.picklist(['open', 'approval'], () => m.err_choose())
});

export const joinModeSchema = v.pick(flatSchema, ['joinMode']);

export const setupSchema = v.object({
	adminName: firstName,
	password,
	...flatSchema.entries
});

export const joinSchema = v.object({
	locale,
	name: firstName,
	houseNumber,
	password
});

export const joinAsMemberSchema = v.object({ houseNumber });

export const codeSchema = v.object({
	code: v.pipe(
		text(40),
		v.nonEmpty(() => m.err_code_required())
	)
});

export const loginSchema = v.object({
	flat: v.pipe(
		text(60),
		v.nonEmpty(() => m.err_flat_required())
	),
	name: firstName,
	password: v.pipe(
		v.string(),
		v.nonEmpty(() => m.err_password_required()),
		v.maxLength(200)
	)
});

export const adminLoginSchema = v.object({
	name: firstName,
	password: v.pipe(
		v.string(),
		v.nonEmpty(() => m.err_password_required()),
		v.maxLength(200)
	)
});

export const newPasswordSchema = v.object({ code: v.pipe(text(40), v.nonEmpty()), password });

export const changePasswordSchema = v.object({
	current: v.pipe(
		v.string(),
		v.nonEmpty(() => m.err_password_required()),
		v.maxLength(200)
	),
	password
});

/** Deleting an account: the password once more, and the box that says it is meant. */
export const deleteSchema = v.object({
	password: v.pipe(
		v.string(),
		v.nonEmpty(() => m.err_password_required()),
		v.maxLength(200)
	),
	confirm: v.pipe(
		v.optional(v.string(), ''),
		v.maxLength(10, () => m.privacy_delete_check_required()),
		v.check(
			(s) => s === 'on',
			() => m.privacy_delete_check_required()
		)
	)
});

export const localeSchema = v.object({
	locale,
	// As long as safeRedirect in $lib/links takes.
	redirectTo: v.optional(v.pipe(v.string(), v.maxLength(2000)), '/')
});

/** One of the user's push devices, by its id. */
export const deviceSchema = v.object({
	id: v.pipe(v.string(), v.maxLength(12), v.regex(/^\d{1,12}$/), v.toNumber())
});

export const verbinderSchema = v.object({
	flatId: v.pipe(v.string(), v.maxLength(12), v.toNumber(), v.integer()),
	name: firstName
});

export const membershipIdSchema = v.object({ membershipId: rowId });

export const roleSchema = v.object({
	membershipId: rowId,
	role: v.picklist(['resident', 'verbinder', 'professional'], () => m.err_choose())
});

/** A date that exists (no 30 February), between 2000 and 2199. */
const realDate = v.check(
	(s: string) => {
		// Checked even after the format check failed (valibot runs the whole pipe): never throw.
		const d = new Date(`${s}T00:00:00Z`);
		return (
			/^2[01]\d\d-\d\d-\d\d$/.test(s) && !isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s
		);
	},
	() => m.err_date()
);

/** "2027-03-16": a date is ten characters. */
const DATE_LENGTH = 10;

const isoDate = v.pipe(
	v.string(),
	v.trim(),
	v.maxLength(DATE_LENGTH, () => m.err_date()),
	v.transform((s) => s || null),
	v.nullable(
		v.pipe(
			v.string(),
			v.isoDate(() => m.err_date()),
			realDate
		)
	)
);

const checkbox = v.pipe(
	v.optional(v.string(), ''),
	v.maxLength(10),
	v.transform((s) => s === 'on' || s === 'true' || s === '1')
);

/**
 * One answer of a radio group. A group left open sends nothing at all: read as '', so the
 * group's own message shows rather than the form's "this is not right".
 */
const choice = <const T extends readonly string[]>(options: T, message: () => string) =>
	v.pipe(v.optional(v.string(), ''), v.maxLength(40, message), v.picklist(options, message));

type When = 'day' | 'period' | 'flexible';

/**
 * When a help post is for. Dates typed while "when" was left at "any time" are taken, never
 * dropped: a resident who types a date means it. One date (or the same one twice) is that day,
 * a last day makes a period.
 */
export function postWhen<W extends string>(i: {
	when: W;
	startDate?: string | null;
	endDate?: string | null;
}): W | When {
	if (i.when !== 'flexible' || (!i.startDate && !i.endDate)) return i.when;
	return i.endDate && i.endDate !== i.startDate ? 'period' : 'day';
}

/** A help post. Dates are checked against each other here, against today in the action. */
export const postSchema = v.pipe(
	v.object({
		type: choice(HELP_TYPES, () => m.err_help_type()),
		category: choice(HELP_CATEGORIES, () => m.err_help_category({ example: m.cat_errands() })),
		title: v.pipe(
			text(80),
			v.minLength(3, () => m.err_title())
		),
		description: v.pipe(
			v.optional(v.string(), ''),
			v.trim(),
			v.maxLength(1000, () => m.err_too_long({ max: 1000 }))
		),
		when: choice(['day', 'period', 'flexible'] satisfies When[], () => m.err_help_when()),
		startDate: v.optional(isoDate, ''),
		endDate: v.optional(isoDate, ''),
		anonymous: checkbox,
		onBehalfOf: v.pipe(
			v.optional(v.string(), ''),
			v.trim(),
			v.maxLength(40, () => m.err_too_long({ max: 40 })),
			v.transform((s) => s || null)
		),
		confirmed: checkbox
	}),
	// Checks, not a transform first: they run even when another field failed, so every
	// message shows at once.
	v.forward(
		v.partialCheck(
			[['when'], ['startDate'], ['endDate']],
			(i) => postWhen(i) !== 'day' || !!i.startDate,
			() => m.err_date_required()
		),
		['startDate']
	),
	v.forward(
		v.partialCheck(
			[['when'], ['startDate'], ['endDate']],
			(i) => postWhen(i) !== 'period' || !!i.startDate,
			() => m.err_help_first_day()
		),
		['startDate']
	),
	v.forward(
		v.partialCheck(
			[['when'], ['startDate'], ['endDate']],
			(i) =>
				postWhen(i) !== 'period' || (!!i.endDate && (!i.startDate || i.endDate >= i.startDate)),
			() => m.err_end_date()
		),
		['endDate']
	),
	v.transform((i) => ({ ...i, when: postWhen(i) }))
);

// Filters come from the URL (a GET form), so the board works without JavaScript.
export const filterSchema = v.object({
	type: v.optional(v.picklist(HELP_TYPES)),
	category: v.optional(v.picklist(HELP_CATEGORIES)),
	tab: v.optional(v.picklist(['all', 'mine'])),
	page: v.optional(
		v.pipe(v.string(), v.maxLength(12), v.toNumber(), v.integer(), v.minValue(1), v.maxValue(1000))
	)
});

/** The board's filters from its URL: empty ones are left out, and nonsense shows everything. */
export function boardFilter(params: URLSearchParams): v.InferOutput<typeof filterSchema> {
	const raw = Object.fromEntries([...params].filter(([, value]) => value !== ''));
	const parsed = v.safeParse(filterSchema, raw);
	return parsed.success ? parsed.output : {};
}

export const respondSchema = v.object({
	message: v.pipe(
		v.optional(v.string(), ''),
		v.trim(),
		v.maxLength(300, () => m.err_too_long({ max: 300 }))
	)
});

export const messageSchema = v.object({
	body: v.pipe(
		text(500),
		v.nonEmpty(() => m.err_message_required())
	)
});

export const thanksSchema = v.object({
	note: v.pipe(
		text(300),
		v.nonEmpty(() => m.err_message_required())
	)
});

export const responseIdSchema = v.object({ responseId: rowId });

/** "chess, cooking" → ['chess', 'cooking']: short, at most ten, no doubles. */
const wordList = v.pipe(
	v.optional(v.string(), ''),
	v.maxLength(300, () => m.err_too_long({ max: 300 })),
	v.transform((s) => [
		...new Set(
			s
				.split(/[,،\n]/)
				.map((x) => x.trim().replace(/\s+/g, ' '))
				.filter(Boolean)
		)
	]),
	v.check(
		(list) => list.length <= 10,
		() => m.err_list_long({ max: 10 })
	),
	v.check(
		(list) => list.every((x) => x.length <= 30),
		() => m.err_too_long({ max: 30 })
	)
);

export const profileSchema = v.object({
	// One checkbox per category: a form never sends more, and a double counts once. The count
	// comes first, so a flood is refused before each of its items is checked.
	talents: v.pipe(
		v.array(v.unknown()),
		v.maxLength(HELP_CATEGORIES.length),
		v.array(v.picklist(HELP_CATEGORIES, () => m.err_choose())),
		v.transform((list) => [...new Set(list)])
	),
	tags: wordList,
	languages: wordList,
	notifyMatches: checkbox,
	showBalance: checkbox
});

export const reportSchema = v.object({
	reason: v.pipe(
		text(300),
		v.nonEmpty(() => m.err_message_required())
	),
	messageId: v.optional(
		v.pipe(
			v.string(),
			v.maxLength(12),
			v.transform((s) => (s ? Number(s) : null)),
			v.nullable(v.pipe(v.number(), v.integer(), v.minValue(1)))
		),
		''
	)
});

export const reportHandleSchema = v.object({
	reportId: rowId,
	outcome: v.picklist(['hide', 'restore', 'remove', 'dismiss'], () => m.err_choose())
});

export const userIdSchema = v.object({ userId: rowId });

export const keySchema = v.object({ keyId: rowId });

/** A notification to open. */
export const idSchema = v.object({ id: rowId });

export const newKeySchema = v.object({
	holderId: v.pipe(
		v.string(() => m.err_choose()),
		v.nonEmpty(() => m.err_choose()),
		v.maxLength(12, () => m.err_choose()),
		v.toNumber(),
		v.integer(),
		v.minValue(1)
	)
});

/** A time of day as a time input sends it: "HH:MM", 00:00 to 23:59. */
const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const clock = v.pipe(
	v.string(),
	v.trim(),
	v.maxLength(5, () => m.err_time()),
	v.regex(CLOCK_TIME, () => m.err_time())
);

const requiredDate = v.pipe(
	v.string(),
	v.trim(),
	v.nonEmpty(() => m.err_date_required()),
	v.maxLength(DATE_LENGTH, () => m.err_date()),
	v.isoDate(() => m.err_date()),
	realDate
);

/** An optional whole number from a form field: '' is none. */
const optionalCount = (min: number, max: number) =>
	v.pipe(
		v.optional(v.string(), ''),
		v.trim(),
		v.maxLength(4, () => m.err_number({ min, max })),
		v.transform((s) => (s === '' ? null : s)),
		v.nullable(
			v.pipe(
				v.string(),
				v.regex(/^\d{1,4}$/, () => m.err_number({ min, max })),
				v.toNumber(),
				v.minValue(min, () => m.err_number({ min, max })),
				v.maxValue(max, () => m.err_number({ min, max }))
			)
		)
	);

const shortText = (max: number) =>
	v.pipe(
		text(max),
		v.nonEmpty(() => m.err_required()),
		v.regex(noControl, () => m.err_invalid())
	);

/**
 * An activity or series. Times are wall times in the flat; an activity ends on the day it
 * starts. The date is checked against today in the action.
 */
export const activitySchema = v.pipe(
	v.object({
		title: v.pipe(
			text(80),
			v.minLength(3, () => m.err_title())
		),
		description: v.pipe(
			v.optional(v.string(), ''),
			v.trim(),
			v.maxLength(1000, () => m.err_too_long({ max: 1000 }))
		),
		// Picked from the flat's places; missing only when none was chosen.
		place: v.pipe(
			v.optional(text(60), ''),
			v.nonEmpty(() => m.err_place()),
			v.regex(noControl, () => m.err_invalid())
		),
		startDate: requiredDate,
		startTime: clock,
		endTime: clock,
		recurrence: choice(RECURRENCES, () => m.err_recurrence()),
		ends: v.optional(
			v.picklist(['never', 'until', 'count'], () => m.err_series_end()),
			'never'
		),
		untilDate: v.optional(isoDate, ''),
		count: optionalCount(2, 200),
		capacity: optionalCount(1, 500),
		helpersWanted: v.pipe(
			optionalCount(0, 20),
			v.transform((n) => n ?? 0)
		)
	}),
	v.forward(
		v.partialCheck(
			[['startTime'], ['endTime']],
			(i) => i.endTime > i.startTime,
			() => m.err_end_time()
		),
		['endTime']
	),
	v.forward(
		v.partialCheck(
			[['recurrence'], ['ends'], ['untilDate'], ['startDate']],
			(i) =>
				i.recurrence === 'none' ||
				i.ends !== 'until' ||
				(!!i.untilDate && i.untilDate >= i.startDate),
			() => m.err_end_date()
		),
		['untilDate']
	),
	v.forward(
		v.partialCheck(
			[['recurrence'], ['ends'], ['count']],
			(i) => i.recurrence === 'none' || i.ends !== 'count' || i.count !== null,
			() => m.err_number({ min: 2, max: 200 })
		),
		['count']
	),
	v.transform(({ ends, ...i }) => ({
		...i,
		untilDate: ends === 'until' ? i.untilDate : null,
		count: ends === 'count' ? i.count : null
	}))
);

export const rsvpSchema = v.object({
	kind: v.picklist(['coming', 'helping'], () => m.err_choose()),
	guests: v.pipe(
		optionalCount(0, 5),
		v.transform((n) => n ?? 0)
	)
});

export const cancelOccurrenceSchema = v.object({
	reason: v.pipe(
		text(200),
		v.nonEmpty(() => m.cal_err_reason())
	)
});

export const changeOccurrenceSchema = v.pipe(
	v.object({
		date: requiredDate,
		startTime: clock,
		endTime: clock,
		place: shortText(60),
		note: v.pipe(
			v.optional(v.string(), ''),
			v.trim(),
			v.maxLength(200, () => m.err_too_long({ max: 200 })),
			v.transform((s) => s || null)
		)
	}),
	v.forward(
		v.partialCheck(
			[['startTime'], ['endTime']],
			(i) => i.endTime > i.startTime,
			() => m.err_end_time()
		),
		['endTime']
	)
);

export const endSeriesSchema = v.object({ lastDate: requiredDate });

export const calendarSettingsSchema = v.object({
	places: v.pipe(
		v.optional(v.string(), ''),
		v.maxLength(600, () => m.err_too_long({ max: 600 })),
		v.transform((s) => [
			...new Set(
				s
					.split('\n')
					.map((x) => x.trim().replace(/\s+/g, ' '))
					.filter(Boolean)
			)
		]),
		v.check(
			(list) => list.length >= 1 && list.length <= 10,
			() => m.cal_err_places()
		),
		v.check(
			(list) => list.every((x) => x.length <= 60 && noControl.test(x)),
			() => m.err_too_long({ max: 60 })
		)
	),
	residentActivities: v.picklist(['propose', 'publish'], () => m.err_choose())
});

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

const optionalText = (max: number) =>
	v.pipe(
		v.optional(v.string(), ''),
		v.trim(),
		v.maxLength(max, () => m.err_too_long({ max })),
		v.regex(noControl, () => m.err_invalid())
	);

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
	id: v.pipe(v.string(), v.maxLength(12), v.regex(/^\d{1,12}$/), v.toNumber()),
	direction: v.picklist(['up', 'down']),
	category: v.optional(v.pipe(v.string(), v.maxLength(40)), '')
});

/** A member's notification choices: one channel per kind, and quiet hours (or none). */
const channel = v.optional(v.picklist(CHANNELS, () => m.err_choose()));
export const notifyPrefsSchema = v.pipe(
	v.object({
		// Prefixed: a form control named "matches" would hide the form element's own matches().
		kind_matches: channel,
		kind_requests: channel,
		kind_responses: channel,
		kind_messages: channel,
		kind_activities: channel,
		kind_reminders: channel,
		kind_joins: channel,
		kind_reports: channel,
		quiet: v.optional(v.picklist(['on', 'off']), 'off'),
		// A time input may send seconds too ("22:00:00.000") even when the hours are off.
		quietStart: v.optional(
			v.pipe(
				v.string(),
				v.trim(),
				v.maxLength(12, () => m.err_time())
			),
			''
		),
		quietEnd: v.optional(
			v.pipe(
				v.string(),
				v.trim(),
				v.maxLength(12, () => m.err_time())
			),
			''
		)
	} satisfies Record<`kind_${NotifyGroup}`, unknown> & Record<string, unknown>),
	v.forward(
		v.check(
			(i) =>
				i.quiet === 'off' ||
				(CLOCK_TIME.test(i.quietStart) &&
					CLOCK_TIME.test(i.quietEnd) &&
					i.quietStart !== i.quietEnd),
			() => m.err_time()
		),
		['quietStart']
	)
);
