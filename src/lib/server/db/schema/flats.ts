import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { HelpCategory } from '../../../help';
import { createdAt } from './columns';
import { users } from './users';

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
	/** The weekly summary: day of the week (0 = Sunday) and local time, in the flat's zone. */
	summaryDay: integer('summary_day').notNull().default(0),
	summaryTime: text('summary_time').notNull().default('18:00'),
	/** After how many days without a response a request shows to the verbinders (1–7). */
	waitingDays: integer('waiting_days').notNull().default(2),
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
		/** A verbinder may suggest me for a request that fits: off unless the member turns it on. */
		suggestable: integer('suggestable', { mode: 'boolean' }).notNull().default(false),
		createdAt: createdAt()
	},
	(t) => [
		uniqueIndex('memberships_flat_user').on(t.flatId, t.userId),
		index('memberships_user').on(t.userId)
	]
);

export type Flat = typeof flats.$inferSelect;
export type Membership = typeof memberships.$inferSelect;
export type Role = Membership['role'];
export type JoinMode = Flat['joinMode'];
