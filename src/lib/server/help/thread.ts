import { and, eq, ne, sql } from 'drizzle-orm';
import type { DB } from '../db';
import {
	helpMessages,
	helpPosts,
	helpRecords,
	helpResponses,
	users,
	type HelpPost
} from '../db/schema';
import * as notify from '../notify';
import { postInFlat } from '../../stored-links';
import { isLostFound } from '../../help';
import { HelpError } from './model';
import { own, post, seenBy, visible } from './posts';

/** The accepted helper (or taker, on an offer), if any. */
function accepted(db: DB, postId: number) {
	return db
		.select({ id: helpResponses.id, userId: helpResponses.userId, name: users.name })
		.from(helpResponses)
		.innerJoin(users, eq(users.id, helpResponses.userId))
		.where(and(eq(helpResponses.postId, postId), eq(helpResponses.status, 'accepted')))
		.get();
}

/** Who wrote a post: for the server only (blocking), never for a page. */
export function authorOf(db: DB, flatId: number, postId: number): number | null {
	return post(db, flatId, postId).authorId;
}

/**
 * One post as a member sees it. The author's name of an anonymous request reaches only the
 * author and the accepted helper; responses only the author; the thread only the two.
 */
export function view(db: DB, flatId: number, postId: number, viewerId: number) {
	return viewOf(db, visible(db, flatId, postId, viewerId), viewerId);
}

/** One post as a member sees it (see `view`), or null when it is not there for them. */
export function find(db: DB, flatId: number, postId: number, viewerId: number) {
	const p = seenBy(db, flatId, postId, viewerId);
	return p ? viewOf(db, p, viewerId) : null;
}

function viewOf(db: DB, p: HelpPost, viewerId: number) {
	const postId = p.id;
	const author = p.authorId
		? db.select({ name: users.name }).from(users).where(eq(users.id, p.authorId)).get()
		: undefined;
	const helper = accepted(db, postId);
	const isAuthor = p.authorId === viewerId;
	const isHelper = helper?.userId === viewerId;
	const participant = isAuthor || isHelper;
	const responses = isAuthor
		? db
				.select({
					id: helpResponses.id,
					name: users.name,
					message: helpResponses.message,
					status: helpResponses.status
				})
				.from(helpResponses)
				.innerJoin(users, eq(users.id, helpResponses.userId))
				.where(eq(helpResponses.postId, postId))
				.orderBy(helpResponses.createdAt)
				.all()
		: [];
	const mine = db
		.select({ message: helpResponses.message, status: helpResponses.status })
		.from(helpResponses)
		.where(and(eq(helpResponses.postId, postId), eq(helpResponses.userId, viewerId)))
		.get();
	const messages = participant
		? db
				.select({
					id: helpMessages.id,
					body: helpMessages.body,
					mine: sql<number>`${helpMessages.authorId} = ${viewerId}`,
					name: users.name,
					createdAt: helpMessages.createdAt
				})
				.from(helpMessages)
				.leftJoin(users, eq(users.id, helpMessages.authorId))
				.where(and(eq(helpMessages.postId, postId), eq(helpMessages.hidden, false)))
				.orderBy(helpMessages.createdAt, helpMessages.id)
				.all()
				.map((m) => ({ ...m, mine: !!m.mine }))
		: [];
	const record = participant
		? db.select().from(helpRecords).where(eq(helpRecords.postId, postId)).get()
		: undefined;
	const lostFound = isLostFound(p.type);
	// A lost or found thing going back is not help received: nobody thanks it on the record.
	const asker = p.onBehalfOf ? null : p.authorId;
	const receiverId = lostFound ? null : p.type === 'request' ? asker : helper?.userId;
	return {
		post: {
			id: p.id,
			type: p.type,
			category: p.category,
			title: p.title,
			description: p.description,
			when: p.when,
			startDate: p.startDate,
			endDate: p.endDate,
			status: p.status,
			anonymous: p.anonymous,
			onBehalfOf: p.onBehalfOf,
			extended: p.extended,
			expiresAt: p.expiresAt,
			createdAt: p.createdAt,
			authorName: p.anonymous && !participant ? null : (author?.name ?? null),
			formerNeighbour: !p.authorId,
			hidden: p.hidden
		},
		isAuthor,
		isHelper,
		helperName: participant ? (helper?.name ?? null) : null,
		responses,
		myResponse: mine ?? null,
		messages,
		doneMarkedByMe: p.doneMarkedBy === viewerId,
		// Blocking an anonymous author would tell who it is: only once the name is known.
		canBlock: !isAuthor && !!p.authorId && (!p.anonymous || participant),
		isReceiver: receiverId === viewerId,
		lostFound,
		/** The author may say a lost or found thing is back with its owner. */
		canReturn: lostFound && isAuthor && (p.status === 'open' || p.status === 'accepted'),
		thanks: record?.thanks ?? null
	};
}

/** "I can help" on a request, "I'd like this" on an offer. */
export function respond(db: DB, flatId: number, postId: number, userId: number, message: string) {
	const p = visible(db, flatId, postId, userId);
	if (p.authorId === userId) throw new HelpError('own_post');
	if (p.status !== 'open') throw new HelpError('wrong_state');
	db.transaction((tx) => {
		const done = tx
			.insert(helpResponses)
			.values({ postId, userId, message })
			.onConflictDoNothing()
			.returning({ id: helpResponses.id })
			.get();
		if (!done) throw new HelpError('already');
		if (p.authorId)
			notify.record(tx, {
				flatId,
				userId: p.authorId,
				type: 'response_new',
				link: postInFlat(postId),
				params: { title: p.title }
			});
	});
}

/** The author picks one; the others get a kind "someone else is helping". */
export function accept(
	db: DB,
	flatId: number,
	postId: number,
	authorId: number,
	responseId: number
) {
	const p = own(db, flatId, postId, authorId);
	if (p.status !== 'open') throw new HelpError('wrong_state');
	db.transaction((tx) => {
		const chosen = tx
			.select()
			.from(helpResponses)
			.where(and(eq(helpResponses.id, responseId), eq(helpResponses.postId, postId)))
			.get();
		if (!chosen) throw new HelpError('not_found');
		tx.update(helpResponses)
			.set({ status: 'accepted' })
			.where(eq(helpResponses.id, responseId))
			.run();
		const others = tx
			.update(helpResponses)
			.set({ status: 'declined' })
			.where(and(eq(helpResponses.postId, postId), ne(helpResponses.id, responseId)))
			.returning({ userId: helpResponses.userId })
			.all();
		tx.update(helpPosts).set({ status: 'accepted' }).where(eq(helpPosts.id, postId)).run();
		const link = postInFlat(postId);
		const params = { title: p.title };
		notify.record(tx, [
			{ flatId, userId: chosen.userId, type: 'response_accepted', link, params },
			...others.map((o) => ({
				flatId,
				userId: o.userId,
				type: 'response_declined' as const,
				link,
				params
			}))
		]);
	});
}

/** The two in the thread: the author and the accepted helper; anyone else is `not_allowed`. */
function participants(db: DB, flatId: number, postId: number, userId: number) {
	const p = post(db, flatId, postId);
	const helper = accepted(db, postId);
	if (userId !== p.authorId && userId !== helper?.userId) throw new HelpError('not_allowed');
	const other = userId === p.authorId ? helper?.userId : p.authorId;
	return { p, helper, other };
}

/** A message in the private thread of author and helper. */
export function message(db: DB, flatId: number, postId: number, userId: number, body: string) {
	const { p, other } = participants(db, flatId, postId, userId);
	if (p.status !== 'accepted' && p.status !== 'done_pending') throw new HelpError('wrong_state');
	db.transaction((tx) => {
		tx.insert(helpMessages).values({ postId, authorId: userId, body }).run();
		if (other)
			notify.record(tx, {
				flatId,
				userId: other,
				type: 'message_new',
				link: postInFlat(postId),
				params: { title: p.title }
			});
	});
}

/** Either of the two says it is done; the other confirms (or a week passes). */
export function markDone(db: DB, flatId: number, postId: number, userId: number, now = new Date()) {
	const { p, other } = participants(db, flatId, postId, userId);
	// A lost or found thing is not done but returned (`returned`), and never on the record.
	if (p.status !== 'accepted' || isLostFound(p.type)) throw new HelpError('wrong_state');
	db.transaction((tx) => {
		tx.update(helpPosts)
			.set({ status: 'done_pending', doneMarkedBy: userId, doneMarkedAt: now })
			.where(eq(helpPosts.id, postId))
			.run();
		if (other)
			notify.record(tx, {
				flatId,
				userId: other,
				type: 'done_marked',
				link: postInFlat(postId),
				params: { title: p.title }
			});
	});
}

/** Writes the completed help to the record the balance is counted from. */
export function complete(db: DB, p: HelpPost, now: Date): void {
	const helper = accepted(db, p.id);
	const author = p.onBehalfOf ? null : p.authorId;
	const [giverId, receiverId] =
		p.type === 'request' ? [helper?.userId ?? null, author] : [author, helper?.userId ?? null];
	db.update(helpPosts).set({ status: 'done', closedAt: now }).where(eq(helpPosts.id, p.id)).run();
	db.insert(helpRecords)
		.values({ flatId: p.flatId, postId: p.id, giverId, receiverId, completedAt: now })
		.onConflictDoNothing()
		.run();
	const link = postInFlat(p.id);
	notify.record(
		db,
		[p.authorId, helper?.userId]
			.filter((id): id is number => !!id)
			.map((userId) => ({
				flatId: p.flatId,
				userId,
				type: 'done_confirmed' as const,
				link,
				params: { title: p.title }
			}))
	);
}

/** The other one of the two confirms it is done: the help goes on the record. */
export function confirmDone(
	db: DB,
	flatId: number,
	postId: number,
	userId: number,
	now = new Date()
) {
	const { p } = participants(db, flatId, postId, userId);
	if (p.status !== 'done_pending') throw new HelpError('wrong_state');
	if (p.doneMarkedBy === userId) throw new HelpError('not_allowed');
	db.transaction((tx) => complete(tx, p, now));
}

/** The one who received help leaves a short thank-you for the helper. No stars, no scores. */
export function thank(db: DB, flatId: number, postId: number, userId: number, note: string) {
	// Who asks comes first, as in every step of the thread: an outsider learns nothing of its state.
	const { p } = participants(db, flatId, postId, userId);
	const record = db
		.select()
		.from(helpRecords)
		.where(and(eq(helpRecords.postId, postId), eq(helpRecords.flatId, flatId)))
		.get();
	if (!record) throw new HelpError('wrong_state');
	if (record.receiverId !== userId) throw new HelpError('not_allowed');
	if (record.thanks) throw new HelpError('once');
	db.transaction((tx) => {
		tx.update(helpRecords).set({ thanks: note }).where(eq(helpRecords.id, record.id)).run();
		if (record.giverId)
			notify.record(tx, {
				flatId,
				userId: record.giverId,
				type: 'thanks_received',
				link: postInFlat(postId),
				params: { title: p.title }
			});
	});
}
