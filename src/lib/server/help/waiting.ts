import { and, asc, eq, gt, isNotNull, isNull, lte, notExists, or, sql } from 'drizzle-orm';
import { prepared, type DB } from '../db';
import { flats, helpPosts, helpResponses, users } from '../db/schema';
import * as moderation from '../moderation';
import * as notify from '../notify';
import { DAY } from '../time';
import { WAITING_DAYS } from '$lib/schemas/waiting';
import { waitingInFlat } from '../../stored-links';

/** Nobody answered the post yet: not even an answer the author turned down. */
const unanswered = (db: DB) =>
	notExists(
		db
			.select({ one: sql`1` })
			.from(helpResponses)
			.where(eq(helpResponses.postId, helpPosts.id))
	);

/**
 * A flat's requests that wait for a neighbour, oldest first: open, on the board, nobody
 * answered, posted before `before` or already told to the verbinders (a request they heard of
 * stays until someone answers, even when they choose more days later). Built once: it runs on
 * every visit of the waiting page.
 */
const waitingQuery = prepared((db) =>
	db
		.select({
			id: helpPosts.id,
			category: helpPosts.category,
			title: helpPosts.title,
			when: helpPosts.when,
			startDate: helpPosts.startDate,
			endDate: helpPosts.endDate,
			anonymous: helpPosts.anonymous,
			onBehalfOf: helpPosts.onBehalfOf,
			authorId: helpPosts.authorId,
			authorName: users.name,
			createdAt: helpPosts.createdAt
		})
		.from(helpPosts)
		.leftJoin(users, eq(users.id, helpPosts.authorId))
		.where(
			and(
				eq(helpPosts.flatId, sql.placeholder('flatId')),
				eq(helpPosts.status, 'open'),
				or(
					lte(helpPosts.createdAt, sql.placeholder('before')),
					isNotNull(helpPosts.waitingNotifiedAt)
				),
				gt(helpPosts.expiresAt, sql.placeholder('now')),
				eq(helpPosts.type, 'request'),
				eq(helpPosts.hidden, false),
				unanswered(db),
				moderation.apart(helpPosts.authorId, sql.placeholder('flatId'), sql.placeholder('viewerId'))
			)
		)
		.orderBy(asc(helpPosts.createdAt), asc(helpPosts.id))
		.prepare()
);

/**
 * The requests of a flat nobody answered within its waiting days, oldest first, for its
 * verbinders. An anonymous request shows no name, as on the board: the verbinder who posted it
 * is the only one who sees their own; neighbours who blocked each other do not meet here either.
 */
export function waiting(
	db: DB,
	flat: { id: number; waitingDays: number },
	viewerId: number,
	now = new Date()
) {
	const rows = waitingQuery(db).all({
		flatId: flat.id,
		viewerId,
		before: now.getTime() - flat.waitingDays * DAY,
		now: now.getTime()
	});
	return rows.map(({ authorId, authorName, ...row }) => ({
		...row,
		mine: authorId === viewerId,
		formerNeighbour: !authorId,
		authorName: row.anonymous && authorId !== viewerId ? null : authorName,
		days: Math.floor((now.getTime() - row.createdAt.getTime()) / DAY)
	}));
}

/** The verbinders choose after how many days (1–7) an unanswered request shows as waiting. */
export function setWaitingDays(db: DB, flatId: number, days: number): void {
	// The form allows only 1–7; a value from elsewhere is held to that, never stored wild.
	const held = Math.min(WAITING_DAYS.max, Math.max(WAITING_DAYS.min, Math.round(days)));
	db.update(flats).set({ waitingDays: held }).where(eq(flats.id, flatId)).run();
}

/**
 * Requests of every flat that have just started waiting: not told yet. Flat by flat through
 * the board's index (flat, status, created), since each flat has its own number of days.
 */
const newlyWaiting = prepared((db) =>
	db
		.select({
			id: helpPosts.id,
			flatId: helpPosts.flatId,
			authorId: helpPosts.authorId,
			title: helpPosts.title
		})
		.from(flats)
		.innerJoin(
			helpPosts,
			and(
				eq(helpPosts.flatId, flats.id),
				eq(helpPosts.status, 'open'),
				sql`${helpPosts.createdAt} <= ${sql.placeholder('now')} - ${flats.waitingDays} * ${DAY}`
			)
		)
		.where(
			and(
				isNull(helpPosts.waitingNotifiedAt),
				gt(helpPosts.expiresAt, sql.placeholder('now')),
				eq(helpPosts.type, 'request'),
				eq(helpPosts.hidden, false),
				unanswered(db)
			)
		)
		.orderBy(asc(helpPosts.id))
		.prepare()
);

/**
 * The clock's step for waiting requests: each request that has just started waiting is told
 * once to its flat's verbinders, and marked told in the same transaction, so a second round
 * (or a restart) tells nobody twice. The verbinder who wrote the request is not told of it:
 * they know nobody answered, and they posted it themselves. Nor is a verbinder who and the
 * author blocked each other: the waiting page does not show them that request.
 */
export function waitingTick(db: DB, now = new Date()) {
	return db.transaction((tx) => {
		const posts = newlyWaiting(tx).all({ now: now.getTime() });
		const told: notify.NewNotification[] = [];
		const verbinders = new Map<number, number[]>();
		for (const p of posts) {
			if (!verbinders.has(p.flatId)) verbinders.set(p.flatId, notify.verbinders(tx, p.flatId));
			const apart = p.authorId ? moderation.blockedWith(tx, p.flatId, p.authorId) : [];
			for (const userId of verbinders.get(p.flatId)!)
				if (userId !== p.authorId && !apart.includes(userId))
					told.push({
						flatId: p.flatId,
						userId,
						type: 'request_waiting',
						link: waitingInFlat(),
						params: { title: p.title }
					});
			tx.update(helpPosts).set({ waitingNotifiedAt: now }).where(eq(helpPosts.id, p.id)).run();
		}
		notify.record(tx, told, now);
		return { waiting: posts.length };
	});
}
