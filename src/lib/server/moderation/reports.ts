import { and, desc, eq, inArray, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { DB } from '../db';
import { helpMessages, helpPosts, reports, users } from '../db/schema';
import * as notify from '../notify';
import { ModerationError, type Outcome } from './model';

/** A member reports a post, or a message in a thread they take part in (checked by the caller). */
export function report(
	db: DB,
	flatId: number,
	reporterId: number,
	target: { postId: number } | { messageId: number },
	reason: string
): void {
	if ('postId' in target) {
		const post = db
			.select({ id: helpPosts.id })
			.from(helpPosts)
			.where(and(eq(helpPosts.id, target.postId), eq(helpPosts.flatId, flatId)))
			.get();
		if (!post) throw new ModerationError('not_found');
		db.insert(reports).values({ flatId, reporterId, postId: post.id, reason }).run();
	} else {
		const message = db
			.select({ id: helpMessages.id })
			.from(helpMessages)
			.innerJoin(helpPosts, eq(helpPosts.id, helpMessages.postId))
			.where(and(eq(helpMessages.id, target.messageId), eq(helpPosts.flatId, flatId)))
			.get();
		if (!message) throw new ModerationError('not_found');
		db.insert(reports).values({ flatId, reporterId, messageId: message.id, reason }).run();
	}
	notify.record(
		db,
		notify
			.verbinders(db, flatId)
			.filter((userId) => userId !== reporterId)
			.map((userId) => ({ flatId, userId, type: 'report_new' as const, link: 'reports' }))
	);
}

/** The verbinders' queue: open reports, and hidden content that can be restored. */
export function queue(db: DB, flatId: number) {
	const reporter = alias(users, 'reporter');
	return db
		.select({
			id: reports.id,
			reason: reports.reason,
			status: reports.status,
			createdAt: reports.createdAt,
			reporter: reporter.name,
			postId: reports.postId,
			postTitle: helpPosts.title,
			messageId: reports.messageId,
			messageBody: helpMessages.body
		})
		.from(reports)
		.leftJoin(reporter, eq(reporter.id, reports.reporterId))
		.leftJoin(helpMessages, eq(helpMessages.id, reports.messageId))
		.leftJoin(
			helpPosts,
			or(eq(helpPosts.id, reports.postId), eq(helpPosts.id, helpMessages.postId))
		)
		.where(and(eq(reports.flatId, flatId), inArray(reports.status, ['open', 'hidden'])))
		.orderBy(desc(reports.createdAt))
		.all();
}

/**
 * A verbinder handles a report: hide or restore the post or message, remove it, or leave it.
 * The reporter gets a short answer; nobody else hears of it.
 */
export function handle(
	db: DB,
	flatId: number,
	reportId: number,
	outcome: Outcome,
	now = new Date()
) {
	db.transaction((tx) => {
		const r = tx
			.select()
			.from(reports)
			.where(and(eq(reports.id, reportId), eq(reports.flatId, flatId)))
			.get();
		if (!r) throw new ModerationError('not_found');
		if (outcome === 'restore' ? r.status !== 'hidden' : r.status !== 'open' && outcome !== 'remove')
			throw new ModerationError('wrong_state');
		if (r.reporterId)
			notify.record(tx, {
				flatId,
				userId: r.reporterId,
				type: 'report_handled',
				link: '',
				params: { outcome }
			});
		const hidden = outcome === 'hide';
		if (outcome === 'hide' || outcome === 'restore') {
			if (r.postId) tx.update(helpPosts).set({ hidden }).where(eq(helpPosts.id, r.postId)).run();
			if (r.messageId)
				tx.update(helpMessages).set({ hidden }).where(eq(helpMessages.id, r.messageId)).run();
		}
		const status = (
			{ hide: 'hidden', restore: 'restored', remove: 'removed', dismiss: 'dismissed' } as const
		)[outcome];
		tx.update(reports).set({ status, handledAt: now }).where(eq(reports.id, reportId)).run();
		if (outcome === 'remove') {
			// Removing deletes the content; its reports go with it.
			if (r.postId) tx.delete(helpPosts).where(eq(helpPosts.id, r.postId)).run();
			if (r.messageId) tx.delete(helpMessages).where(eq(helpMessages.id, r.messageId)).run();
		}
	});
}
