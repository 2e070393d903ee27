import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { DB } from '../db';
import { notifications } from '../db/schema';

export type NotificationType =
	| 'request_match'
	| 'response_new'
	| 'response_accepted'
	| 'response_declined'
	| 'message_new'
	| 'done_marked'
	| 'done_confirmed'
	| 'thanks_received'
	| 'post_expiring'
	| 'post_closed'
	| 'report_handled'
	| 'key_added'
	| 'key_review'
	| 'activity_new'
	| 'activity_proposed'
	| 'activity_approved'
	| 'activity_declined'
	| 'activity_cancelled'
	| 'activity_moved'
	| 'activity_restored'
	| 'activity_promoted'
	| 'activity_reminder';

export type NewNotification = {
	flatId: number;
	userId: number;
	type: NotificationType;
	link: string;
	params?: Record<string, string | number>;
};

/** Stores notifications; they are rendered in each recipient's language when shown. */
export function record(db: DB, items: NewNotification | NewNotification[]): void {
	const rows = (Array.isArray(items) ? items : [items]).map((n) => ({
		...n,
		params: n.params ?? {}
	}));
	if (rows.length) db.insert(notifications).values(rows).run();
}

/** How many of a member's notifications in this flat are unread: the number on the bell. */
export function unreadCount(db: DB, flatId: number, userId: number): number {
	return db
		.select({ n: sql<number>`count(*)` })
		.from(notifications)
		.where(
			and(
				eq(notifications.userId, userId),
				eq(notifications.flatId, flatId),
				isNull(notifications.readAt)
			)
		)
		.get()!.n;
}

/** A member's latest notifications in this flat, newest first. */
export function list(db: DB, flatId: number, userId: number, limit = 50) {
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
		.map((n) => ({ ...n, read: !!n.read }));
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
