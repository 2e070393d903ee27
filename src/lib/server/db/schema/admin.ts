import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt } from './columns';
import { flats } from './flats';
import { users } from './users';

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
