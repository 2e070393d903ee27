import { sql } from 'drizzle-orm';
import {
	index,
	integer,
	primaryKey,
	sqliteTable,
	text,
	uniqueIndex
} from 'drizzle-orm/sqlite-core';
import { RECURRENCES, type Recurrence } from '../../../calendar';
import { createdAt, instant } from './columns';
import { flats } from './flats';
import { users } from './users';

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

/**
 * Bumped by every change to a flat's calendar, in the same transaction: each server process
 * keeps the board's week and works it out anew when the number it kept it with is behind.
 */
export const calendarVersions = sqliteTable('calendar_versions', {
	flatId: integer('flat_id')
		.primaryKey()
		.references(() => flats.id, { onDelete: 'cascade' }),
	version: integer('version').notNull()
});

/**
 * A date poll for an activity: 2–5 dates and times instead of one; members tick what suits
 * them, and a verbinder turns one option into the activity. Closes by itself after 14 days.
 */
export const activityPolls = sqliteTable(
	'activity_polls',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		flatId: integer('flat_id')
			.notNull()
			.references(() => flats.id, { onDelete: 'cascade' }),
		authorId: integer('author_id').references(() => users.id, { onDelete: 'set null' }),
		title: text('title').notNull(),
		description: text('description').notNull().default(''),
		place: text('place').notNull(),
		status: text('status', { enum: ['open', 'decided', 'closed'] })
			.notNull()
			.default('open'),
		/** The activity an option became. */
		activityId: integer('activity_id').references(() => activities.id, { onDelete: 'set null' }),
		closesAt: instant('closes_at').notNull(),
		createdAt: createdAt()
	},
	(t) => [
		index('activity_polls_flat').on(t.flatId, t.status),
		index('activity_polls_author').on(t.authorId),
		index('activity_polls_closing').on(t.status, t.closesAt),
		// Deleting an activity sets its poll's activity_id to null: found by this, not a scan.
		index('activity_polls_activity').on(t.activityId)
	]
);

/** One date and time a poll offers (local to the flat). */
export const activityPollOptions = sqliteTable(
	'activity_poll_options',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		pollId: integer('poll_id')
			.notNull()
			.references(() => activityPolls.id, { onDelete: 'cascade' }),
		date: text('date').notNull(),
		startTime: text('start_time').notNull(),
		endTime: text('end_time').notNull()
	},
	(t) => [index('activity_poll_options_poll').on(t.pollId)]
);

/** A member's tick on an option: it suits them. */
export const activityPollVotes = sqliteTable(
	'activity_poll_votes',
	{
		optionId: integer('option_id')
			.notNull()
			.references(() => activityPollOptions.id, { onDelete: 'cascade' }),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		createdAt: createdAt()
	},
	(t) => [
		primaryKey({ columns: [t.optionId, t.userId] }),
		index('activity_poll_votes_user').on(t.userId)
	]
);
