import * as v from 'valibot';
import { m } from '$lib/paraglide/messages';
import { locales } from '$lib/paraglide/runtime';
import { normaliseName } from '$lib/names';

// The fields the forms of several concepts share. Messages are functions, so they are
// rendered in the language of the request that fails.
v.setGlobalMessage(() => m.err_invalid());

/** Text trimmed and held to `max` characters. */
export const text = (max: number) =>
	v.pipe(
		v.string(),
		v.trim(),
		v.maxLength(max, () => m.err_too_long({ max }))
	);

/** No control characters (a line break, a tab, a bidi override …) anywhere. */
export const noControl = /^\P{Cc}*$/u;

/**
 * A row's id from a form field: twelve digits are more rows than Burenbord will ever have.
 * The one schema for every id a form sends (ids in a URL go through src/params/id.ts).
 */
export const rowId = v.pipe(v.string(), v.maxLength(12), v.toNumber(), v.integer(), v.minValue(1));

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

/** The password typed to prove who one is: only required, since older ones may be shorter. */
export const currentPassword = v.pipe(
	v.string(),
	v.nonEmpty(() => m.err_password_required()),
	v.maxLength(200)
);

export const houseNumber = v.pipe(
	text(12),
	v.regex(/^[\p{L}\p{N} ./-]*$/u, () => m.err_house_number()),
	v.transform((s) => s || null)
);

export const locale = v.picklist(locales, () => m.err_choose());

/**
 * Where a form goes next, as long as safeRedirect in $lib/links takes (it checks the address
 * is one of ours). Never refused: anything else is read as `none`, and safeRedirect sends the
 * person on to its own fallback.
 */
export const redirectTo = (none: string) =>
	v.fallback(v.optional(v.pipe(v.string(), v.maxLength(2000)), none), none);

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

/** A date that may be left empty (null). */
export const isoDate = v.pipe(
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

export const requiredDate = v.pipe(
	v.string(),
	v.trim(),
	v.nonEmpty(() => m.err_date_required()),
	v.maxLength(DATE_LENGTH, () => m.err_date()),
	v.isoDate(() => m.err_date()),
	realDate
);

export const checkbox = v.pipe(
	v.optional(v.string(), ''),
	v.maxLength(10),
	v.transform((s) => s === 'on' || s === 'true' || s === '1')
);

/**
 * One answer of a radio group. A group left open sends nothing at all: read as '', so the
 * group's own message shows rather than the form's "this is not right".
 */
export const choice = <const T extends readonly string[]>(options: T, message: () => string) =>
	v.pipe(v.optional(v.string(), ''), v.maxLength(40, message), v.picklist(options, message));

/** A time of day as a time input sends it: "HH:MM", 00:00 to 23:59. */
export const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
export const clock = v.pipe(
	v.string(),
	v.trim(),
	v.maxLength(5, () => m.err_time()),
	v.regex(CLOCK_TIME, () => m.err_time())
);

/** An optional whole number from a form field: '' is none. */
export const optionalCount = (min: number, max: number) =>
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

/** Text that must be there, on one line. */
export const shortText = (max: number) =>
	v.pipe(
		text(max),
		v.nonEmpty(() => m.err_required()),
		v.regex(noControl, () => m.err_invalid())
	);

/** Text that may be left empty, on one line. */
export const optionalText = (max: number) =>
	v.pipe(
		v.optional(v.string(), ''),
		v.trim(),
		v.maxLength(max, () => m.err_too_long({ max })),
		v.regex(noControl, () => m.err_invalid())
	);
