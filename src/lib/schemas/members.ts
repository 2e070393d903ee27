import * as v from 'valibot';
import { m } from '$lib/paraglide/messages';
import { HELP_CATEGORIES } from '$lib/help';
import { checkbox, firstName, houseNumber, locale, password, rowId } from './fields';

export const joinSchema = v.object({
	locale,
	name: firstName,
	houseNumber,
	password
});

export const joinAsMemberSchema = v.object({ houseNumber });

export const membershipIdSchema = v.object({ membershipId: rowId });

export const roleSchema = v.object({
	membershipId: rowId,
	role: v.picklist(['resident', 'verbinder', 'professional'], () => m.err_choose())
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
	showBalance: checkbox,
	suggestable: checkbox
});
