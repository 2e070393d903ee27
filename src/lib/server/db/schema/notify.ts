import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { CHANNELS, NOTIFY_GROUPS, type Channel, type NotifyGroup } from '../../../notify-groups';
import { createdAt, instant } from './columns';
import { flats, memberships } from './flats';
import { users } from './users';

export { CHANNELS, NOTIFY_GROUPS, type Channel, type NotifyGroup };

/**
 * What happened that someone should hear of. Stored with a type and parameters, and
 * rendered in the recipient's language when shown; delivery comes with the push work.
 */
export const notifications = sqliteTable(
	'notifications',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		flatId: integer('flat_id')
			.notNull()
			.references(() => flats.id, { onDelete: 'cascade' }),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		type: text('type').notNull(),
		link: text('link').notNull(),
		params: text('params', { mode: 'json' }).$type<Record<string, string | number>>().notNull(),
		/** The person the text names (a newcomer): their account's deletion takes it along. */
		aboutUserId: integer('about_user_id').references(() => users.id, { onDelete: 'cascade' }),
		createdAt: createdAt(),
		readAt: instant('read_at')
	},
	(t) => [index('notifications_user').on(t.userId, t.createdAt)]
);

/** A member's choice for one kind of notification in one flat; absent means the quiet default. */
export const notificationPrefs = sqliteTable(
	'notification_prefs',
	{
		membershipId: integer('membership_id')
			.notNull()
			.references(() => memberships.id, { onDelete: 'cascade' }),
		group: text('group', { enum: NOTIFY_GROUPS }).notNull(),
		channel: text('channel', { enum: CHANNELS }).notNull()
	},
	(t) => [primaryKey({ columns: [t.membershipId, t.group] })]
);
