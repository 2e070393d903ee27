import * as v from 'valibot';
import { m } from '$lib/paraglide/messages';
import { RECURRENCES } from '$lib/calendar';
import {
	choice,
	clock,
	isoDate,
	noControl,
	optionalCount,
	requiredDate,
	shortText,
	text
} from './fields';

/** What an activity says, also when neighbours first choose its date (a date poll). */
export const activityWords = {
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
	)
};

/**
 * An activity or series. Times are wall times in the flat; an activity ends on the day it
 * starts. The date is checked against today in the action.
 */
export const activitySchema = v.pipe(
	v.object({
		...activityWords,
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
