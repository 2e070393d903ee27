import {
	index,
	integer,
	primaryKey,
	sqliteTable,
	text,
	uniqueIndex
} from 'drizzle-orm/sqlite-core';
import { WELCOME_STEPS } from '../../../welcome';
import { createdAt, instant } from './columns';
import { flats, memberships } from './flats';
import { users } from './users';

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
