import { and, eq, isNull, lte } from 'drizzle-orm';
import type { DB } from '../db';
import { helpPosts } from '../db/schema';
import * as notify from '../notify';
import { DAY } from '../time';
import { postInFlat } from '../../stored-links';
import { AUTO_CONFIRM_DAYS } from './model';
import { complete } from './thread';

/**
 * The housekeeping a clock does: close posts past their time, remind authors a day before,
 * and confirm "done" that nobody confirmed within a week. Returns what it did, for the log.
 */
export function tick(db: DB, now = new Date()) {
	return db.transaction((tx) => {
		const expired = tx
			.update(helpPosts)
			.set({ status: 'closed', closedAt: now })
			.where(and(eq(helpPosts.status, 'open'), lte(helpPosts.expiresAt, now)))
			.returning({ id: helpPosts.id })
			.all().length;
		const soon = tx
			.update(helpPosts)
			.set({ reminderSentAt: now })
			.where(
				and(
					eq(helpPosts.status, 'open'),
					isNull(helpPosts.reminderSentAt),
					lte(helpPosts.expiresAt, new Date(now.getTime() + DAY))
				)
			)
			.returning()
			.all();
		notify.record(
			tx,
			soon
				.filter((p) => p.authorId)
				.map((p) => ({
					flatId: p.flatId,
					userId: p.authorId!,
					type: 'post_expiring' as const,
					link: postInFlat(p.id),
					params: { title: p.title }
				}))
		);
		const stale = tx
			.select()
			.from(helpPosts)
			.where(
				and(
					eq(helpPosts.status, 'done_pending'),
					lte(helpPosts.doneMarkedAt, new Date(now.getTime() - AUTO_CONFIRM_DAYS * DAY))
				)
			)
			.all();
		for (const p of stale) complete(tx, p, now);
		return { expired, reminded: soon.length, confirmed: stale.length };
	});
}
