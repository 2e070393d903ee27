import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { NOTICE_KINDS } from '../../../notices';
import { createdAt, instant } from './columns';
import { flats, memberships } from './flats';
import { users } from './users';

export { NOTICE_KINDS };

/**
 * What a verbinder or a professional tells the whole flat ("the lift is out of order until
 * Friday"): read-only, valid from one local date to another (at most 8 weeks), on the board and
 * the week poster while valid, deleted by the retention job afterwards.
 */
export const notices = sqliteTable(
	'notices',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		flatId: integer('flat_id')
			.notNull()
			.references(() => flats.id, { onDelete: 'cascade' }),
		/** Null once the author's account is gone: the notice stays, nobody's name on it. */
		authorId: integer('author_id').references(() => users.id, { onDelete: 'set null' }),
		kind: text('kind', { enum: NOTICE_KINDS }).notNull(),
		/** Local dates in the flat's time zone, YYYY-MM-DD, both included. */
		validFrom: text('valid_from').notNull(),
		validUntil: text('valid_until').notNull(),
		createdAt: createdAt(),
		updatedAt: instant('updated_at')
	},
	(t) => [index('notices_flat').on(t.flatId, t.validUntil), index('notices_author').on(t.authorId)]
);

/** A notice in one language; Dutch ('nl') is always there and the fallback. */
export const noticeTexts = sqliteTable(
	'notice_texts',
	{
		noticeId: integer('notice_id')
			.notNull()
			.references(() => notices.id, { onDelete: 'cascade' }),
		locale: text('locale').notNull(),
		title: text('title').notNull(),
		body: text('body').notNull().default('')
	},
	(t) => [primaryKey({ columns: [t.noticeId, t.locale] })]
);

/** Who has seen a notice, kept only to count households ("seen by 23 of 41"), never shown. */
export const noticeSeen = sqliteTable(
	'notice_seen',
	{
		noticeId: integer('notice_id')
			.notNull()
			.references(() => notices.id, { onDelete: 'cascade' }),
		membershipId: integer('membership_id')
			.notNull()
			.references(() => memberships.id, { onDelete: 'cascade' }),
		seenAt: createdAt()
	},
	(t) => [primaryKey({ columns: [t.noticeId, t.membershipId] })]
);

/**
 * One weekly summary of a flat: its scheduled instant (the flat's day and time, in its zone)
 * is the key, so a round that ran is never run again, also after a restart in the middle.
 */
export const summaryRounds = sqliteTable(
	'summary_rounds',
	{
		flatId: integer('flat_id')
			.notNull()
			.references(() => flats.id, { onDelete: 'cascade' }),
		dueAt: instant('due_at').notNull(),
		/** How many members got it (0: nothing new, nothing sent). */
		sent: integer('sent').notNull().default(0),
		doneAt: instant('done_at').notNull()
	},
	(t) => [primaryKey({ columns: [t.flatId, t.dueAt] })]
);
