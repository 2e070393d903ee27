import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { HELP_CATEGORIES, POST_CATEGORIES, POST_TYPES, type HelpCategory } from '../../../help';
import { activities } from './calendar';
import { createdAt, instant } from './columns';
import { flats } from './flats';
import { users } from './users';

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
		type: text('type', { enum: POST_TYPES }).notNull(),
		category: text('category', { enum: POST_CATEGORIES }).notNull(),
		title: text('title').notNull(),
		description: text('description').notNull().default(''),
		when: text('when', { enum: ['day', 'period', 'flexible'] }).notNull(),
		/** Local dates in the flat's time zone, YYYY-MM-DD. */
		startDate: text('start_date'),
		endDate: text('end_date'),
		anonymous: integer('anonymous', { mode: 'boolean' }).notNull().default(false),
		/** `returned`: a lost or found thing is back with its owner (never help on the record). */
		status: text('status', {
			enum: ['open', 'accepted', 'done_pending', 'done', 'closed', 'returned']
		})
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
		/** When the verbinders heard that this request waits for a neighbour (once). */
		waitingNotifiedAt: instant('waiting_notified_at'),
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

export type HelpPost = typeof helpPosts.$inferSelect;
export type HelpResponse = typeof helpResponses.$inferSelect;

/**
 * A verbinder's suggestion of a neighbour for a request ("Bram thinks you could help with …"):
 * one per neighbour per request; the neighbour's "not now" is theirs alone, the asker never
 * sees suggestions.
 */
export const helpSuggestions = sqliteTable(
	'help_suggestions',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		postId: integer('post_id')
			.notNull()
			.references(() => helpPosts.id, { onDelete: 'cascade' }),
		/** The neighbour suggested. */
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		/** The verbinder who suggested; null once their account is gone. */
		suggestedBy: integer('suggested_by').references(() => users.id, { onDelete: 'set null' }),
		declinedAt: instant('declined_at'),
		createdAt: createdAt()
	},
	(t) => [
		uniqueIndex('help_suggestions_post_user').on(t.postId, t.userId),
		index('help_suggestions_user').on(t.userId),
		index('help_suggestions_by').on(t.suggestedBy)
	]
);
