/** Shared by server and pages: the kinds of notification a member chooses for, and how. */
export const NOTIFY_GROUPS = [
	'matches',
	'requests',
	'responses',
	'messages',
	'activities',
	'reminders',
	'joins',
	'reports',
	'notices',
	'waiting'
] as const;
export type NotifyGroup = (typeof NOTIFY_GROUPS)[number];
/** At once (a push, or the bell only), gathered in the weekly summary, or not at all. */
export const CHANNELS = ['push', 'app', 'weekly', 'off'] as const;
export type Channel = (typeof CHANNELS)[number];
