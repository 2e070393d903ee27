import * as v from 'valibot';
import { m } from '$lib/paraglide/messages';
import { baseLocale, locales } from '$lib/paraglide/runtime';
import { NOTICE_KINDS, NOTICE_MAX_DAYS, type NoticeKind } from '$lib/notices';
import { choice, noControl, requiredDate, text } from './fields';

/** A notice's title and text are as short and plain as a help post's. */
export const NOTICE_TITLE_MAX = 80;
export const NOTICE_BODY_MAX = 1000;

/** A title as a help post's: one line, three letters at least. Optional in other languages. */
const title = (required: boolean) =>
	v.pipe(
		required ? text(NOTICE_TITLE_MAX) : v.optional(text(NOTICE_TITLE_MAX), ''),
		v.check(
			(s) => (!required && s === '') || s.length >= 3,
			() => m.err_title()
		),
		v.regex(noControl, () => m.err_invalid())
	);

/** The text under the title: line breaks kept, no other control characters. */
const body = v.pipe(
	v.optional(v.string(), ''),
	v.maxLength(2 * NOTICE_BODY_MAX, () => m.err_too_long({ max: NOTICE_BODY_MAX })),
	v.transform((s) => s.replace(/\r\n?/g, '\n').trim()),
	v.maxLength(NOTICE_BODY_MAX, () => m.err_too_long({ max: NOTICE_BODY_MAX })),
	v.regex(/^(?:\P{Cc}|\n)*$/u, () => m.err_invalid())
);

/** The form's field names for one language: `title_nl`, `body_ar` … */
export const titleField = (locale: string) => `title_${locale}`;
export const bodyField = (locale: string) => `body_${locale}`;

const textFields = Object.fromEntries(
	locales.flatMap((l) => [
		[titleField(l), title(l === baseLocale)],
		[bodyField(l), body]
	])
) as Record<string, v.GenericSchema<unknown, string>>;

/** Days from one date (YYYY-MM-DD) to another. */
const daysFrom = (from: string, to: string) =>
	Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/**
 * A notice as its form sends it: a kind, a period of at most eight weeks, and a title (and
 * text) per language, Dutch required. The first day is checked against today in the flat's
 * zone by the domain, which knows the flat.
 */
export const noticeSchema = v.pipe(
	v.looseObject({
		kind: choice(NOTICE_KINDS, () => m.notice_err_kind()),
		validFrom: requiredDate,
		validUntil: requiredDate,
		...textFields
	}),
	v.rawCheck(({ dataset, addIssue }) => {
		// Runs even when another field failed, so every message shows at once.
		if (typeof dataset.value !== 'object' || !dataset.value) return;
		const input = dataset.value as Record<string, unknown>;
		const problem = (key: string, message: string) =>
			addIssue({
				message,
				path: [{ type: 'object', origin: 'value', input, key, value: input[key] }]
			});
		const { validFrom: from, validUntil: until } = input;
		const dates = /^\d{4}-\d\d-\d\d$/;
		if (
			typeof from === 'string' &&
			typeof until === 'string' &&
			dates.test(from) &&
			dates.test(until)
		) {
			if (until < from) problem('validUntil', m.err_end_date());
			else if (daysFrom(from, until) >= NOTICE_MAX_DAYS)
				problem('validUntil', m.notice_err_too_long());
		}
		for (const l of locales) {
			const t = input[titleField(l)];
			const b = input[bodyField(l)];
			if (typeof b === 'string' && b.trim() !== '' && (typeof t !== 'string' || t.trim() === ''))
				problem(titleField(l), m.notice_err_title_missing());
		}
	}),
	v.transform((input) => {
		const fields = input as Record<string, string>;
		return {
			kind: input.kind as NoticeKind,
			validFrom: input.validFrom,
			validUntil: input.validUntil,
			texts: locales
				.map((locale) => ({
					locale,
					title: fields[titleField(locale)] ?? '',
					body: fields[bodyField(locale)] ?? ''
				}))
				.filter((t) => t.title !== '')
		};
	})
);
