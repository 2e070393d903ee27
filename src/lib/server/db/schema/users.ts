import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt } from './columns';

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

export type User = typeof users.$inferSelect;
