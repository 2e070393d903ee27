/** Shared by server and pages: the kinds of light help, as stable keys. */
export const HELP_CATEGORIES = [
	'plants',
	'pets',
	'spare_key',
	'letters',
	'bins',
	'errands',
	'small_jobs',
	'lend',
	'company',
	'other'
] as const;
export type HelpCategory = (typeof HELP_CATEGORIES)[number];

export const HELP_TYPES = ['request', 'offer'] as const;
export type HelpType = (typeof HELP_TYPES)[number];

/**
 * "I found …" and "I lost …": posts on the same board, but not help. They have their own
 * things to name, never count in anyone's balance and close as "back with its owner".
 */
export const LOST_FOUND_TYPES = ['found', 'lost'] as const;
export type LostFoundType = (typeof LOST_FOUND_TYPES)[number];

/** What gets lost or found in a block of flats. */
export const LOST_FOUND_CATEGORIES = ['keys', 'pet', 'parcel', 'clothing', 'other'] as const;
export type LostFoundCategory = (typeof LOST_FOUND_CATEGORIES)[number];

/** Every kind of post on the board. */
export const POST_TYPES = [...HELP_TYPES, ...LOST_FOUND_TYPES] as const;
export type PostType = (typeof POST_TYPES)[number];

/** Every category a post may have ('other' is in both lists, once here). */
export const POST_CATEGORIES = [...HELP_CATEGORIES, 'keys', 'pet', 'parcel', 'clothing'] as const;
export type PostCategory = (typeof POST_CATEGORIES)[number];

/** The board's type filter: one type, or lost and found together. */
export const LOST_FOUND_FILTER = 'lost_found';
export const BOARD_TYPES = [...POST_TYPES, LOST_FOUND_FILTER] as const;
export type BoardType = (typeof BOARD_TYPES)[number];

/** Whether a post is about something lost or found, rather than help. */
export const isLostFound = (type: string): type is LostFoundType =>
	(LOST_FOUND_TYPES as readonly string[]).includes(type);

/** The categories a post of this type may have: a lost cat is not "pets" help. */
export const categoriesFor = (type: string): readonly PostCategory[] =>
	isLostFound(type) ? LOST_FOUND_CATEGORIES : HELP_CATEGORIES;

/** Whether a category belongs with a type (see `categoriesFor`). */
export const fitsType = (type: string, category: string): boolean =>
	(categoriesFor(type) as readonly string[]).includes(category);
