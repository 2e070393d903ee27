import { and, inArray, isNotNull, lte, sql } from 'drizzle-orm';
import type { DB } from '../db';
import {
	helpMessages,
	helpPosts,
	loginCodes,
	notifications,
	pushOutbox,
	sessions
} from '../db/schema';
import { DAY } from '../time';
import * as notices from '../notices';
import { KEEP } from './model';

function monthsBefore(now: Date, months: number): Date {
	const d = new Date(now);
	d.setUTCMonth(d.getUTCMonth() - months);
	return d;
}

/**
 * The daily clean-up: we keep what a neighbour needs and nothing longer. Old threads and
 * messages, read notifications, finished sessions and codes and sent pushes go; completed help
 * stays (the balance counts it), only its link to a deleted post is gone. Returns counts.
 */
export function retention(db: DB, now = new Date()) {
	const postsBefore = monthsBefore(now, KEEP.postMonths);
	const messagesBefore = monthsBefore(now, KEEP.messageMonths);
	const notificationsBefore = monthsBefore(now, KEEP.readNotificationMonths);
	const pushesBefore = new Date(now.getTime() - KEEP.pushDays * DAY);
	return db.transaction((tx) => {
		// Answers, messages and reports go with the post (cascade); help_records keep their row.
		const posts = tx
			.delete(helpPosts)
			.where(
				and(
					inArray(helpPosts.status, ['closed', 'done', 'returned']),
					sql`coalesce(${helpPosts.closedAt}, ${helpPosts.expiresAt}) <= ${postsBefore.getTime()}`
				)
			)
			.run().changes;
		const messages = tx
			.delete(helpMessages)
			.where(lte(helpMessages.createdAt, messagesBefore))
			.run().changes;
		const readNotifications = tx
			.delete(notifications)
			.where(
				and(isNotNull(notifications.readAt), lte(notifications.createdAt, notificationsBefore))
			)
			.run().changes;
		const expiredSessions = tx.delete(sessions).where(lte(sessions.expiresAt, now)).run().changes;
		const expiredCodes = tx.delete(loginCodes).where(lte(loginCodes.expiresAt, now)).run().changes;
		const pushes = tx
			.delete(pushOutbox)
			.where(
				and(inArray(pushOutbox.status, ['sent', 'failed']), lte(pushOutbox.createdAt, pushesBefore))
			)
			.run().changes;
		// A notice whose last day is over in its flat: gone from the board and the poster already.
		const expiredNotices = notices.expire(tx, now);
		return {
			posts,
			messages,
			readNotifications,
			expiredSessions,
			expiredCodes,
			pushes,
			expiredNotices
		};
	});
}
