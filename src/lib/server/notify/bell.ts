/** The bell: what a member reads of their notifications, and marks read. */
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { getLocale, type Locale } from '$lib/paraglide/runtime';
import { prepared, type DB } from '../db';
import { notifications } from '../db/schema';
import { text } from './model';

/** How many of a member's notifications in this flat are unread: the number on the bell. */
export function unreadCount(db: DB, flatId: number, userId: number): number {
	return unread(db).get({ flatId, userId })!.n;
}

const unread = prepared((db) =>
	db
		.select({ n: sql<number>`count(*)` })
		.from(notifications)
		.where(
			and(
				eq(notifications.userId, sql.placeholder('userId')),
				eq(notifications.flatId, sql.placeholder('flatId')),
				isNull(notifications.readAt)
			)
		)
		.prepare()
);

/** A member's latest notifications in this flat, newest first, with their text in `locale`. */
export function list(
	db: DB,
	flatId: number,
	userId: number,
	limit = 50,
	locale: Locale = getLocale()
) {
	return db
		.select({
			id: notifications.id,
			type: notifications.type,
			link: notifications.link,
			params: notifications.params,
			createdAt: notifications.createdAt,
			read: sql<number>`${notifications.readAt} is not null`
		})
		.from(notifications)
		.where(and(eq(notifications.userId, userId), eq(notifications.flatId, flatId)))
		.orderBy(desc(notifications.createdAt), desc(notifications.id))
		.limit(limit)
		.all()
		.map((n) => ({ ...n, read: !!n.read, text: text(n.type, n.params, locale) }));
}

/** Marks one notification read and returns where it points (relative to the flat). */
export function open(db: DB, flatId: number, userId: number, id: number, now = new Date()) {
	const row = db
		.update(notifications)
		.set({ readAt: now })
		.where(
			and(
				eq(notifications.id, id),
				eq(notifications.userId, userId),
				eq(notifications.flatId, flatId)
			)
		)
		.returning({ link: notifications.link })
		.get();
	return row?.link;
}

/** Marks all of a member's notifications in this flat read. */
export function markAllRead(db: DB, flatId: number, userId: number, now = new Date()): void {
	db.update(notifications)
		.set({ readAt: now })
		.where(
			and(
				eq(notifications.userId, userId),
				eq(notifications.flatId, flatId),
				isNull(notifications.readAt)
			)
		)
		.run();
}
