import { sql } from 'drizzle-orm';
import { integer } from 'drizzle-orm/sqlite-core';

/** Instants are stored as UTC milliseconds; local time is computed with the flat's time zone. */
export const instant = (name: string) => integer(name, { mode: 'timestamp_ms' });

/** When a row was made, filled in by SQLite itself. */
export const createdAt = () =>
	instant('created_at')
		.notNull()
		.default(sql`(unixepoch('subsec') * 1000)`);
