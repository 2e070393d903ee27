import * as v from 'valibot';
import { m } from '$lib/paraglide/messages';
import { GREETING_MAX, WELCOME_STEPS, WELCOME_TEXT_MAX } from '$lib/welcome';
import { locale } from './fields';

/** Control characters; a welcome text keeps its tabs and line breaks. */
const CONTROL = /\p{Cc}/u;
const CONTROL_IN_TEXT = /[^\P{Cc}\t\n\r]/u;

/** A hello is one short line: line breaks typed on a phone become spaces. */
export const greetingSchema = v.object({
	body: v.pipe(
		v.string(),
		v.transform((s) => s.replace(/\s+/g, ' ').trim()),
		v.nonEmpty(() => m.err_message_required()),
		v.maxLength(GREETING_MAX, () => m.err_too_long({ max: GREETING_MAX })),
		v.check(
			(s) => !CONTROL.test(s),
			() => m.err_invalid()
		)
	)
});

export const stepSchema = v.object({
	step: v.picklist(WELCOME_STEPS, () => m.err_choose())
});

/** Markdown for one language; empty is allowed and removes that language. */
export const welcomeTextSchema = v.object({
	locale,
	body: v.pipe(
		v.optional(v.string(), ''),
		// Past this it stays too long even if every two characters are one line break.
		v.maxLength(2 * WELCOME_TEXT_MAX, () => m.err_too_long({ max: WELCOME_TEXT_MAX })),
		// Browsers send a line break as two characters; count it as the one people see.
		v.transform((s) => s.replace(/\r\n?/g, '\n')),
		v.maxLength(WELCOME_TEXT_MAX, () => m.err_too_long({ max: WELCOME_TEXT_MAX })),
		v.check(
			(s) => !CONTROL_IN_TEXT.test(s),
			() => m.err_invalid()
		)
	)
});
