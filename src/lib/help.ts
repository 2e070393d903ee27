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
