import * as v from 'valibot';
import { m } from '$lib/paraglide/messages';
import { locales } from '$lib/paraglide/runtime';
import { HELP_CATEGORIES, HELP_TYPES } from '$lib/help';
import { RECURRENCES } from '$lib/calendar';

// Messages are functions, so they are rendered in the language of the request that fails.
const text = (max: number) =>
	v.pipe(
		v.string(),
		v.trim(),
		v.maxLength(max, () => m.err_too_long({ max }))
	);

v.setGlobalMessage(() => m.err_invalid());

const noControl = /^\P{Cc}*$/u;

export const firstName = v.pipe(
	text(40),
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

export const localeSchema = v.object({ locale, redirectTo: v.optional(v.string(), '/') });

export const verbinderSchema = v.object({
	flatId: v.pipe(v.string(), v.toNumber(), v.integer()),
	name: firstName
});

export const membershipIdSchema = v.object({
	membershipId: v.pipe(v.string(), v.toNumber(), v.integer(), v.minValue(1))
});

export const roleSchema = v.object({
	membershipId: v.pipe(v.string(), v.toNumber(), v.integer(), v.minValue(1)),
	role: v.picklist(['resident', 'verbinder', 'professional'], () => m.err_choose())
});

const isoDate = v.pipe(
	v.string(),
	v.trim(),
	v.transform((s) => s || null),
	v.nullable(
		v.pipe(
			v.string(),
			v.isoDate(() => m.err_date())
		)
	)
);

const checkbox = v.pipe(
	v.optional(v.string(), ''),
	v.transform((s) => s === 'on' || s === 'true' || s === '1')
);

/** A help post. Dates are checked against each other here, against today in the action. */
export const postSchema = v.pipe(
	v.object({
		type: v.picklist(HELP_TYPES, () => m.err_choose()),
		category: v.picklist(HELP_CATEGORIES, () => m.err_choose()),
		title: v.pipe(
			text(80),
			v.minLength(3, () => m.err_title())
		),
		description: v.pipe(
			v.optional(v.string(), ''),
			v.trim(),
			v.maxLength(1000, () => m.err_too_long({ max: 1000 }))
		),
		when: v.picklist(['day', 'period', 'flexible'], () => m.err_choose()),
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
	v.forward(
		v.partialCheck(
			[['when'], ['startDate']],
			(i) => i.when === 'flexible' || !!i.startDate,
			() => m.err_date_required()
		),
		['startDate']
	),
	v.forward(
		v.partialCheck(
			[['when'], ['startDate'], ['endDate']],
			(i) => i.when !== 'period' || (!!i.endDate && !!i.startDate && i.endDate >= i.startDate),
			() => m.err_end_date()
		),
		['endDate']
	)
);

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

export const responseIdSchema = v.object({
	responseId: v.pipe(v.string(), v.toNumber(), v.integer(), v.minValue(1))
});

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
	talents: v.array(v.picklist(HELP_CATEGORIES, () => m.err_choose())),
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
			v.transform((s) => (s ? Number(s) : null)),
			v.nullable(v.pipe(v.number(), v.integer(), v.minValue(1)))
		),
		''
	)
});

export const reportHandleSchema = v.object({
	reportId: v.pipe(v.string(), v.toNumber(), v.integer(), v.minValue(1)),
	outcome: v.picklist(['hide', 'restore', 'remove', 'dismiss'], () => m.err_choose())
});

export const userIdSchema = v.object({
	userId: v.pipe(v.string(), v.toNumber(), v.integer(), v.minValue(1))
});

export const keySchema = v.object({
	keyId: v.pipe(v.string(), v.toNumber(), v.integer(), v.minValue(1))
});

export const newKeySchema = v.object({
	holderId: v.pipe(
		v.string(() => m.err_choose()),
		v.nonEmpty(() => m.err_choose()),
		v.toNumber(),
		v.integer(),
		v.minValue(1)
	)
});

const clock = v.pipe(
	v.string(),
	v.trim(),
	v.regex(/^([01]\d|2[0-3]):[0-5]\d$/, () => m.err_time())
);

const requiredDate = v.pipe(
	v.string(),
	v.trim(),
	v.nonEmpty(() => m.err_date_required()),
	v.isoDate(() => m.err_date())
);

/** An optional whole number from a form field: '' is none. */
const optionalCount = (min: number, max: number) =>
	v.pipe(
		v.optional(v.string(), ''),
		v.trim(),
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
		place: shortText(60),
		startDate: requiredDate,
		startTime: clock,
		endTime: clock,
		recurrence: v.picklist(RECURRENCES, () => m.err_choose()),
		ends: v.optional(
			v.picklist(['never', 'until', 'count'], () => m.err_choose()),
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
