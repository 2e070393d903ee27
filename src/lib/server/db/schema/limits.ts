import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Rate-limit windows, kept in the database so every server process counts against the same
 * limit. The key names the limit and what it counts (an account, a hashed address); a window
 * runs until `until` (ms since 1970) and is swept once it has ended.
 */
export const rateLimits = sqliteTable(
	'rate_limits',
	{
		key: text('key').primaryKey(),
		count: integer('count').notNull(),
		until: integer('until').notNull()
	},
	(t) => [index('rate_limits_until').on(t.until)]
);
