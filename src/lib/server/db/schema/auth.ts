import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt, instant } from './columns';
import { flats } from './flats';
import { users } from './users';

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
