/** Shared by server and pages: the kinds of notification a member chooses for, and how. */
export const NOTIFY_GROUPS = [
	'matches',
	'requests',
	'responses',
	'messages',
	'activities',
	'reminders',
	'joins',
	'reports'
] as const;
export type NotifyGroup = (typeof NOTIFY_GROUPS)[number];
export const CHANNELS = ['push', 'app', 'off'] as const;
export type Channel = (typeof CHANNELS)[number];
