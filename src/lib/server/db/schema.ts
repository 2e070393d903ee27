import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** Instants are stored as UTC milliseconds; local time is computed with the flat's time zone. */
const instant = (name: string) => integer(name, { mode: 'timestamp_ms' });
const createdAt = () =>
	instant('created_at')
		.notNull()
		.default(sql`(unixepoch('subsec') * 1000)`);

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
	createdAt: createdAt()
});

export const users = sqliteTable('users', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	name: text('name').notNull(),
	/** Lower-cased, trimmed name: login and uniqueness within a flat compare this. */
	nameKey: text('name_key').notNull(),
	/** Null until the person sets one (a new verbinder redeeming a login code). */
	passwordHash: text('password_hash'),
	locale: text('locale').notNull().default('nl'),
	isAdmin: integer('is_admin', { mode: 'boolean' }).notNull().default(false),
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
		createdAt: createdAt()
	},
	(t) => [
		uniqueIndex('memberships_flat_user').on(t.flatId, t.userId),
		index('memberships_user').on(t.userId)
	]
);

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

export type Flat = typeof flats.$inferSelect;
export type User = typeof users.$inferSelect;
export type Membership = typeof memberships.$inferSelect;
export type Role = Membership['role'];
export type JoinMode = Flat['joinMode'];
