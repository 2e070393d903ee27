import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt, instant } from './columns';
import { flats } from './flats';
import { helpMessages, helpPosts } from './help';
import { users } from './users';

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
