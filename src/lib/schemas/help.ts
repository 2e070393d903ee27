import * as v from 'valibot';
import { m } from '$lib/paraglide/messages';
import {
	BOARD_TYPES,
	fitsType,
	isLostFound,
	POST_CATEGORIES,
	POST_TYPES,
	type PostCategory
} from '$lib/help';
import { checkbox, choice, isoDate, rowId, text } from './fields';

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
		type: choice(POST_TYPES, () => m.err_help_type()),
		// Which categories fit depends on the type: checked below, beside this field.
		category: v.pipe(v.optional(v.string(), ''), v.maxLength(40)),
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
			[['type'], ['category']],
			(i) => fitsType(i.type, i.category),
			(issue) =>
				isLostFound((issue.input as { type: string }).type)
					? m.lost_err_category({ example: m.lost_cat_keys() })
					: m.err_help_category({ example: m.cat_errands() })
		),
		['category']
	),
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
	v.transform((i) => ({ ...i, category: i.category as PostCategory, when: postWhen(i) }))
);

// Filters come from the URL (a GET form), so the board works without JavaScript.
export const filterSchema = v.object({
	type: v.optional(v.picklist(BOARD_TYPES)),
	category: v.optional(v.picklist(POST_CATEGORIES)),
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
