import { sql } from 'drizzle-orm';
import {
	index,
	integer,
	primaryKey,
	sqliteTable,
	text,
	uniqueIndex
} from 'drizzle-orm/sqlite-core';
import { HELP_CATEGORIES, type HelpCategory } from '../../help';
import { RECURRENCES, type Recurrence } from '../../calendar';
import { WELCOME_STEPS } from '../../welcome';
import {
	AFTER_HOURS_PRESETS,
	MAP_CATEGORIES,
	type AfterHoursPreset,
	type MapCategory,
	type OpeningHours
} from '../../socialmap';
import { CHANNELS, NOTIFY_GROUPS, type Channel, type NotifyGroup } from '../../notify-groups';

/** Instants are stored as UTC milliseconds; local time is computed with the flat's time zone. */
const instant = (name: string) => integer(name, { mode: 'timestamp_ms' });
const createdAt = () =>
	instant('created_at')
		.notNull()
		.default(sql`(unixepoch('subsec') * 1000)`);

export const flats = sqliteTable('flats', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	slug: text('slug').notNull().unique(),
	name: text('name').notNull(),
	timeZone: text('time_zone').notNull().default('Europe/Amsterdam'),
	joinMode: text('join_mode', { enum: ['open', 'approval'] })
		.notNull()
		.default('open'),
	/** Stored without the dash, upper case; the hall poster shows it, so it is not a secret at rest. */
	joinCode: text('join_code').notNull().unique(),
	/** Where activities happen; the first is the default for a new activity. */
	places: text('places', { mode: 'json' }).$type<string[]>().notNull().default(['Buurtkamer']),
	/** Residents' activities: proposed for a verbinder to approve, or published at once. */
	residentActivities: text('resident_activities', { enum: ['propose', 'publish'] })
		.notNull()
		.default('propose'),
	createdAt: createdAt()
});

export const users = sqliteTable('users', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	name: text('name').notNull(),
	/** Lower-cased, trimmed name: login compares this. */
	nameKey: text('name_key').notNull(),
	/**
	 * The name's confusable skeleton (UTS #39): names that look the same have the same one, and
	 * a flat has no two alike. Null only until the start-up step fills it for older rows.
	 */
	nameSkeleton: text('name_skeleton'),
	/** Null until the person sets one (a new verbinder redeeming a login code). */
	passwordHash: text('password_hash'),
	locale: text('locale').notNull().default('nl'),
	isAdmin: integer('is_admin', { mode: 'boolean' }).notNull().default(false),
	createdAt: createdAt()
});

export const memberships = sqliteTable(
	'memberships',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		flatId: integer('flat_id')
			.notNull()
			.references(() => flats.id, { onDelete: 'cascade' }),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		role: text('role', { enum: ['resident', 'verbinder', 'professional'] })
			.notNull()
			.default('resident'),
		status: text('status', { enum: ['active', 'pending'] })
			.notNull()
			.default('active'),
		/** Optional; only verbinders see it. */
		houseNumber: text('house_number'),
		/** What this neighbour likes to help with (category keys) and in their own words. */
		talents: text('talents', { mode: 'json' }).$type<HelpCategory[]>().notNull().default([]),
		tags: text('tags', { mode: 'json' }).$type<string[]>().notNull().default([]),
		languages: text('languages', { mode: 'json' }).$type<string[]>().notNull().default([]),
		/** Hear of new requests that fit the talents: off unless the member turns it on. */
		notifyMatches: integer('notify_matches', { mode: 'boolean' }).notNull().default(false),
		/** Show my give/receive balance to the neighbours: off unless the member turns it on. */
		showBalance: integer('show_balance', { mode: 'boolean' }).notNull().default(false),
		/** Handed to the flat by the instance administrator (shown on the members page). */
		addedByAdmin: integer('added_by_admin', { mode: 'boolean' }).notNull().default(false),
		/** The first-day checklist was put away (or finished). */
		welcomeDone: integer('welcome_done', { mode: 'boolean' }).notNull().default(false),
		/** Quiet hours in the flat's local time ("22:00" to "08:00"); null start = none. */
		quietStart: text('quiet_start').default('22:00'),
		quietEnd: text('quiet_end').default('08:00'),
		createdAt: createdAt()
	},
	(t) => [
		uniqueIndex('memberships_flat_user').on(t.flatId, t.userId),
		index('memberships_user').on(t.userId)
	]
);

export const sessions = sqliteTable(
	'sessions',
	{
		/** SHA-256 of the token, hex: the token itself is never stored. */
		id: text('id').primaryKey(),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		expiresAt: instant('expires_at').notNull()
	},
	(t) => [index('sessions_user').on(t.userId)]
);

export const loginCodes = sqliteTable(
	'login_codes',
	{
		/** SHA-256 of the code, hex. */
		id: text('id').primaryKey(),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		flatId: integer('flat_id').references(() => flats.id, { onDelete: 'cascade' }),
		expiresAt: instant('expires_at').notNull(),
		createdAt: createdAt()
	},
	(t) => [index('login_codes_user').on(t.userId)]
);

/**
 * What the instance administrator did to a flat, for that flat's verbinders to read: the
 * administrator can act on a flat, but not unseen.
 */
export const adminLog = sqliteTable(
	'admin_log',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		flatId: integer('flat_id')
			.notNull()
			.references(() => flats.id, { onDelete: 'cascade' }),
		action: text('action', { enum: ['flat_created', 'verbinder_added', 'login_code'] }).notNull(),
		/** The member the action was about; their name is read from the account while it exists. */
		subjectId: integer('subject_id').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt()
	},
	(t) => [index('admin_log_flat').on(t.flatId, t.createdAt)]
);

export type Flat = typeof flats.$inferSelect;
export type User = typeof users.$inferSelect;
export type Membership = typeof memberships.$inferSelect;
export type Role = Membership['role'];
export type JoinMode = Flat['joinMode'];

export { HELP_CATEGORIES, type HelpCategory };

export const helpPosts = sqliteTable(
	'help_posts',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		flatId: integer('flat_id')
			.notNull()
			.references(() => flats.id, { onDelete: 'cascade' }),
		/** Null once the author's account is gone: the post then belongs to "a former neighbour". */
		authorId: integer('author_id').references(() => users.id, { onDelete: 'set null' }),
		/** A neighbour without a smartphone, for whom a verbinder posts (the author). */
		onBehalfOf: text('on_behalf_of'),
		type: text('type', { enum: ['offer', 'request'] }).notNull(),
		category: text('category', { enum: HELP_CATEGORIES }).notNull(),
		title: text('title').notNull(),
		description: text('description').notNull().default(''),
		when: text('when', { enum: ['day', 'period', 'flexible'] }).notNull(),
		/** Local dates in the flat's time zone, YYYY-MM-DD. */
		startDate: text('start_date'),
		endDate: text('end_date'),
		anonymous: integer('anonymous', { mode: 'boolean' }).notNull().default(false),
		status: text('status', { enum: ['open', 'accepted', 'done_pending', 'done', 'closed'] })
			.notNull()
			.default('open'),
		expiresAt: instant('expires_at').notNull(),
		extended: integer('extended', { mode: 'boolean' }).notNull().default(false),
		reminderSentAt: instant('reminder_sent_at'),
		doneMarkedBy: integer('done_marked_by').references(() => users.id, { onDelete: 'set null' }),
		doneMarkedAt: instant('done_marked_at'),
		closedAt: instant('closed_at'),
		/** Hidden by a verbinder after a report: gone from the board, kept for its author. */
		hidden: integer('hidden', { mode: 'boolean' }).notNull().default(false),
		createdAt: createdAt()
	},
	(t) => [
		index('help_posts_board').on(t.flatId, t.status, t.createdAt),
		index('help_posts_author').on(t.authorId, t.createdAt),
		index('help_posts_expiry').on(t.status, t.expiresAt)
	]
);

export const helpResponses = sqliteTable(
	'help_responses',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		postId: integer('post_id')
			.notNull()
			.references(() => helpPosts.id, { onDelete: 'cascade' }),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		message: text('message').notNull().default(''),
		status: text('status', { enum: ['waiting', 'accepted', 'declined'] })
			.notNull()
			.default('waiting'),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('help_responses_post_user').on(t.postId, t.userId)]
);

export const helpMessages = sqliteTable(
	'help_messages',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		postId: integer('post_id')
			.notNull()
			.references(() => helpPosts.id, { onDelete: 'cascade' }),
		authorId: integer('author_id').references(() => users.id, { onDelete: 'set null' }),
		body: text('body').notNull(),
		hidden: integer('hidden', { mode: 'boolean' }).notNull().default(false),
		createdAt: createdAt()
	},
	(t) => [index('help_messages_post').on(t.postId, t.createdAt)]
);

/**
 * Completed help, one row each, never updated: the balance is counted from here, so it
 * cannot drift the way a counter can.
 */
export const helpRecords = sqliteTable(
	'help_records',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		flatId: integer('flat_id')
			.notNull()
			.references(() => flats.id, { onDelete: 'cascade' }),
		postId: integer('post_id').references(() => helpPosts.id, { onDelete: 'set null' }),
		giverId: integer('giver_id').references(() => users.id, { onDelete: 'set null' }),
		/** Null when the help went to a neighbour without an account (posted on their behalf). */
		receiverId: integer('receiver_id').references(() => users.id, { onDelete: 'set null' }),
		/** Helping at a Buurtkamer activity: the series and the occurrence's local date. */
		activityId: integer('activity_id').references(() => activities.id, { onDelete: 'set null' }),
		occurrence: text('occurrence'),
		thanks: text('thanks'),
		completedAt: instant('completed_at').notNull()
	},
	(t) => [
		index('help_records_giver').on(t.giverId, t.completedAt),
		index('help_records_receiver').on(t.receiverId, t.completedAt),
		index('help_records_flat').on(t.flatId, t.completedAt),
		uniqueIndex('help_records_post').on(t.postId),
		uniqueIndex('help_records_activity').on(t.activityId, t.occurrence, t.giverId)
	]
);

/**
 * What happened that someone should hear of. Stored with a type and parameters, and
 * rendered in the recipient's language when shown; delivery comes with the push work.
 */
export const notifications = sqliteTable(
	'notifications',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		flatId: integer('flat_id')
			.notNull()
			.references(() => flats.id, { onDelete: 'cascade' }),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		type: text('type').notNull(),
		link: text('link').notNull(),
		params: text('params', { mode: 'json' }).$type<Record<string, string | number>>().notNull(),
		/** The person the text names (a newcomer): their account's deletion takes it along. */
		aboutUserId: integer('about_user_id').references(() => users.id, { onDelete: 'cascade' }),
		createdAt: createdAt(),
		readAt: instant('read_at')
	},
	(t) => [index('notifications_user').on(t.userId, t.createdAt)]
);

/** A member's report of a post or a thread message, for the verbinders' queue. */
export const reports = sqliteTable(
	'reports',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		flatId: integer('flat_id')
			.notNull()
			.references(() => flats.id, { onDelete: 'cascade' }),
		reporterId: integer('reporter_id').references(() => users.id, { onDelete: 'set null' }),
		postId: integer('post_id').references(() => helpPosts.id, { onDelete: 'cascade' }),
		messageId: integer('message_id').references(() => helpMessages.id, { onDelete: 'cascade' }),
		reason: text('reason').notNull(),
		status: text('status', { enum: ['open', 'hidden', 'restored', 'removed', 'dismissed'] })
			.notNull()
			.default('open'),
		handledAt: instant('handled_at'),
		createdAt: createdAt()
	},
	(t) => [index('reports_flat_status').on(t.flatId, t.status, t.createdAt)]
);

/** One member no longer sees another's posts, and neither can respond to the other. */
export const blocks = sqliteTable(
	'blocks',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		flatId: integer('flat_id')
			.notNull()
			.references(() => flats.id, { onDelete: 'cascade' }),
		blockerId: integer('blocker_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		blockedId: integer('blocked_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		createdAt: createdAt()
	},
	(t) => [
		uniqueIndex('blocks_pair').on(t.flatId, t.blockerId, t.blockedId),
		index('blocks_blocked').on(t.flatId, t.blockedId)
	]
);

/**
 * "Kees keeps Ans's spare key": seen only by the two, ended by either, reviewed now and then.
 * No address is stored: the two know where they live.
 */
export const spareKeys = sqliteTable(
	'spare_keys',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		flatId: integer('flat_id')
			.notNull()
			.references(() => flats.id, { onDelete: 'cascade' }),
		ownerId: integer('owner_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		holderId: integer('holder_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		reviewedAt: instant('reviewed_at').notNull(),
		reminderSentAt: instant('reminder_sent_at'),
		createdAt: createdAt()
	},
	(t) => [
		uniqueIndex('spare_keys_pair').on(t.flatId, t.ownerId, t.holderId),
		index('spare_keys_holder').on(t.holderId),
		index('spare_keys_review').on(t.reviewedAt)
	]
);

export type HelpPost = typeof helpPosts.$inferSelect;
export type HelpResponse = typeof helpResponses.$inferSelect;

export { RECURRENCES, type Recurrence };

/**
 * A Buurtkamer activity: one date or a series. Occurrences are derived from the rule in the
 * flat's local time (10:00 stays 10:00 across DST); only exceptions are stored.
 */
export const activities = sqliteTable(
	'activities',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		flatId: integer('flat_id')
			.notNull()
			.references(() => flats.id, { onDelete: 'cascade' }),
		authorId: integer('author_id').references(() => users.id, { onDelete: 'set null' }),
		title: text('title').notNull(),
		description: text('description').notNull().default(''),
		place: text('place').notNull(),
		/** Local date of the first occurrence (YYYY-MM-DD) and local wall times (HH:MM). */
		startDate: text('start_date').notNull(),
		startTime: text('start_time').notNull(),
		endTime: text('end_time').notNull(),
		recurrence: text('recurrence', { enum: RECURRENCES }).notNull().default('none'),
		/** The series ends on this local date, or after this many occurrences (or neither). */
		untilDate: text('until_date'),
		count: integer('count'),
		/** No occurrence from this local date on takes place until the series is resumed. */
		pausedFrom: text('paused_from'),
		/** People who can come, helpers included in neither; null means no limit. */
		capacity: integer('capacity'),
		helpersWanted: integer('helpers_wanted').notNull().default(0),
		status: text('status', { enum: ['proposed', 'published'] })
			.notNull()
			.default('published'),
		/** Goes up with every change, so calendar apps replace their copy (iCal SEQUENCE). */
		sequence: integer('sequence').notNull().default(0),
		createdAt: createdAt(),
		updatedAt: instant('updated_at')
			.notNull()
			.default(sql`(unixepoch('subsec') * 1000)`)
	},
	(t) => [index('activities_flat').on(t.flatId, t.status, t.startDate)]
);

/** One occurrence cancelled or changed; keyed by the date the rule gives it. */
export const activityChanges = sqliteTable(
	'activity_changes',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		activityId: integer('activity_id')
			.notNull()
			.references(() => activities.id, { onDelete: 'cascade' }),
		/** The occurrence's own local date from the rule (iCal RECURRENCE-ID). */
		occurrence: text('occurrence').notNull(),
		cancelled: integer('cancelled', { mode: 'boolean' }).notNull().default(false),
		reason: text('reason'),
		/** Overrides for a moved or edited occurrence; null keeps the series' value. */
		date: text('date'),
		startTime: text('start_time'),
		endTime: text('end_time'),
		place: text('place'),
		note: text('note'),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('activity_changes_occurrence').on(t.activityId, t.occurrence)]
);

/** "I'm coming" (with guests) or "I'll help" for one occurrence; full means the waiting list. */
export const activityRsvps = sqliteTable(
	'activity_rsvps',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		activityId: integer('activity_id')
			.notNull()
			.references(() => activities.id, { onDelete: 'cascade' }),
		occurrence: text('occurrence').notNull(),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: ['coming', 'helping'] }).notNull(),
		guests: integer('guests').notNull().default(0),
		waiting: integer('waiting', { mode: 'boolean' }).notNull().default(false),
		createdAt: createdAt()
	},
	(t) => [
		uniqueIndex('activity_rsvps_member').on(t.activityId, t.occurrence, t.userId),
		index('activity_rsvps_user').on(t.userId),
		// The server's clock finds the occurrences of the coming days that people answered.
		index('activity_rsvps_occurrence').on(t.occurrence)
	]
);

/** The reminder on the day went out for this occurrence (so a restart never sends it twice). */
export const activityReminders = sqliteTable(
	'activity_reminders',
	{
		activityId: integer('activity_id')
			.notNull()
			.references(() => activities.id, { onDelete: 'cascade' }),
		occurrence: text('occurrence').notNull(),
		sentAt: instant('sent_at').notNull()
	},
	(t) => [primaryKey({ columns: [t.activityId, t.occurrence] })]
);

/** A member's private calendar feed: only the SHA-256 of the URL's token is kept. */
export const calendarFeeds = sqliteTable(
	'calendar_feeds',
	{
		id: text('id').primaryKey(),
		flatId: integer('flat_id')
			.notNull()
			.references(() => flats.id, { onDelete: 'cascade' }),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('calendar_feeds_member').on(t.flatId, t.userId)]
);

export type Activity = typeof activities.$inferSelect;
export type ActivityChange = typeof activityChanges.$inferSelect;

/** The welcome page in one language, written by verbinders (Markdown, sanitised when shown). */
export const welcomePages = sqliteTable(
	'welcome_pages',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		flatId: integer('flat_id')
			.notNull()
			.references(() => flats.id, { onDelete: 'cascade' }),
		locale: text('locale').notNull(),
		body: text('body').notNull(),
		updatedBy: integer('updated_by').references(() => users.id, { onDelete: 'set null' }),
		updatedAt: instant('updated_at').notNull()
	},
	(t) => [uniqueIndex('welcome_pages_flat_locale').on(t.flatId, t.locale)]
);

/** The first-day checklist: each step a new member has done (once). */
export const welcomeSteps = sqliteTable(
	'welcome_steps',
	{
		membershipId: integer('membership_id')
			.notNull()
			.references(() => memberships.id, { onDelete: 'cascade' }),
		step: text('step', { enum: WELCOME_STEPS }).notNull(),
		doneAt: instant('done_at').notNull()
	},
	(t) => [primaryKey({ columns: [t.membershipId, t.step] })]
);

/** "New on floor 4: Samira" — a newcomer's hello, shown on the board for a while. */
export const greetings = sqliteTable(
	'greetings',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		flatId: integer('flat_id')
			.notNull()
			.references(() => flats.id, { onDelete: 'cascade' }),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		body: text('body').notNull(),
		createdAt: createdAt()
	},
	(t) => [
		index('greetings_flat').on(t.flatId, t.createdAt),
		uniqueIndex('greetings_member').on(t.flatId, t.userId)
	]
);

export {
	MAP_CATEGORIES,
	AFTER_HOURS_PRESETS,
	type MapCategory,
	type OpeningHours,
	type AfterHoursPreset
};

/**
 * One place on the flat's social map. Entries with `afterHours` form the always-visible
 * emergency block; a `preset` entry keeps its name in the reader's language until edited.
 */
export const mapEntries = sqliteTable(
	'map_entries',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		flatId: integer('flat_id')
			.notNull()
			.references(() => flats.id, { onDelete: 'cascade' }),
		category: text('category', { enum: MAP_CATEGORIES }).notNull(),
		name: text('name').notNull().default(''),
		helpsWith: text('helps_with').notNull().default(''),
		phone: text('phone').notNull().default(''),
		website: text('website').notNull().default(''),
		address: text('address').notNull().default(''),
		hours: text('hours', { mode: 'json' }).$type<OpeningHours>().notNull().default([]),
		afterHours: integer('after_hours', { mode: 'boolean' }).notNull().default(false),
		preset: text('preset', { enum: AFTER_HOURS_PRESETS }),
		sortOrder: integer('sort_order').notNull().default(0),
		createdAt: createdAt()
	},
	(t) => [index('map_entries_flat').on(t.flatId, t.afterHours, t.sortOrder)]
);

export { CHANNELS, NOTIFY_GROUPS, type Channel, type NotifyGroup };

/** A member's choice for one kind of notification in one flat; absent means the quiet default. */
export const notificationPrefs = sqliteTable(
	'notification_prefs',
	{
		membershipId: integer('membership_id')
			.notNull()
			.references(() => memberships.id, { onDelete: 'cascade' }),
		group: text('group', { enum: NOTIFY_GROUPS }).notNull(),
		channel: text('channel', { enum: CHANNELS }).notNull()
	},
	(t) => [primaryKey({ columns: [t.membershipId, t.group] })]
);

/** A browser or phone that receives pushes for a user (all their flats). */
export const pushSubscriptions = sqliteTable(
	'push_subscriptions',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		endpoint: text('endpoint').notNull().unique(),
		p256dh: text('p256dh').notNull(),
		auth: text('auth').notNull(),
		/** "Android · Chrome": how the member recognises the device in their list. */
		label: text('label').notNull().default(''),
		createdAt: createdAt(),
		lastSentAt: instant('last_sent_at')
	},
	(t) => [index('push_subscriptions_user').on(t.userId)]
);

/**
 * Pushes waiting to go out, one per device. Sending happens off the request path from here,
 * so a restart loses nothing; a row waits (`notBefore`) for quiet hours, for the ten
 * minutes between pushes of one thread, or for a retry after the push service said "later".
 */
export const pushOutbox = sqliteTable(
	'push_outbox',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		subscriptionId: integer('subscription_id')
			.notNull()
			.references(() => pushSubscriptions.id, { onDelete: 'cascade' }),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		flatId: integer('flat_id')
			.notNull()
			.references(() => flats.id, { onDelete: 'cascade' }),
		/** The thread (a post, an activity) the push is about: later ones fold into it. */
		thread: text('thread').notNull(),
		/** The person the text names, as on the notification: deleted with their account. */
		aboutUserId: integer('about_user_id').references(() => users.id, { onDelete: 'cascade' }),
		/** Small JSON: { title, body, url, tag } in the recipient's language. */
		payload: text('payload', { mode: 'json' })
			.$type<{ title: string; body: string; url: string; tag: string }>()
			.notNull(),
		/** How many notifications this push stands for (folded ones included). */
		count: integer('count').notNull().default(1),
		/** Held back by quiet hours: goes out in the morning as part of one summary. */
		quiet: integer('quiet', { mode: 'boolean' }).notNull().default(false),
		notBefore: instant('not_before').notNull(),
		attempts: integer('attempts').notNull().default(0),
		status: text('status', { enum: ['pending', 'sent', 'failed'] })
			.notNull()
			.default('pending'),
		sentAt: instant('sent_at'),
		createdAt: createdAt()
	},
	(t) => [
		index('push_outbox_due').on(t.status, t.notBefore),
		index('push_outbox_thread').on(t.subscriptionId, t.thread, t.createdAt)
	]
);
