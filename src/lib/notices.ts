/** Shared by server and pages: the kinds of notice, as stable keys (each has an icon and a word). */
export const NOTICE_KINDS = [
	'maintenance',
	'buurtkamer',
	'safety',
	'house_rules',
	'other'
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** A notice is valid for at most this many days (8 weeks). */
export const NOTICE_MAX_DAYS = 56;
