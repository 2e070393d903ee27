import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt, instant } from './columns';
import { flats } from './flats';
import { users } from './users';

/** A browser or phone that receives pushes for a user (all their flats). */
export const pushSubscriptions = sqliteTable(
	'push_subscriptions',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		endpoint: text('endpoint').notNull().unique(),
		p256dh: text('p256dh').notNull(),
		auth: text('auth').notNull(),
		/** "Android · Chrome": how the member recognises the device in their list. */
		label: text('label').notNull().default(''),
		createdAt: createdAt(),
		lastSentAt: instant('last_sent_at')
	},
	(t) => [index('push_subscriptions_user').on(t.userId)]
);

/**
 * Pushes waiting to go out, one per device. Sending happens off the request path from here,
 * so a restart loses nothing; a row waits (`notBefore`) for quiet hours, for the ten
 * minutes between pushes of one thread, or for a retry after the push service said "later".
 */
export const pushOutbox = sqliteTable(
	'push_outbox',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		subscriptionId: integer('subscription_id')
			.notNull()
			.references(() => pushSubscriptions.id, { onDelete: 'cascade' }),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		flatId: integer('flat_id')
			.notNull()
			.references(() => flats.id, { onDelete: 'cascade' }),
		/** The thread (a post, an activity) the push is about: later ones fold into it. */
		thread: text('thread').notNull(),
		/** The person the text names, as on the notification: deleted with their account. */
		aboutUserId: integer('about_user_id').references(() => users.id, { onDelete: 'cascade' }),
		/** Small JSON: { title, body, url, tag } in the recipient's language. */
		payload: text('payload', { mode: 'json' })
			.$type<{ title: string; body: string; url: string; tag: string }>()
			.notNull(),
		/** How many notifications this push stands for (folded ones included). */
		count: integer('count').notNull().default(1),
		/** Held back by quiet hours: goes out in the morning as part of one summary. */
		quiet: integer('quiet', { mode: 'boolean' }).notNull().default(false),
		notBefore: instant('not_before').notNull(),
		attempts: integer('attempts').notNull().default(0),
		status: text('status', { enum: ['pending', 'sent', 'failed'] })
			.notNull()
			.default('pending'),
		sentAt: instant('sent_at'),
		createdAt: createdAt()
	},
	(t) => [
		index('push_outbox_due').on(t.status, t.notBefore),
		index('push_outbox_thread').on(t.subscriptionId, t.thread, t.createdAt)
	]
);
