import { index, integer, sqliteTable, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt, instant } from './columns';
import { flats } from './flats';
import { users } from './users';

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
