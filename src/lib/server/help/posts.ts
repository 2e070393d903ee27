import { and, eq, inArray, sql } from 'drizzle-orm';
import { prepared, type DB } from '../db';
import { helpPosts, helpResponses, type HelpPost } from '../db/schema';
import * as moderation from '../moderation';
import * as notify from '../notify';
import { addDays, DAY, startOfDay } from '../time';
import { postInFlat } from '../../stored-links';
import { matches } from './matches';
import {
	EXTEND_DAYS,
	FLEXIBLE_DAYS,
	HelpError,
	type Author,
	type FlatRef,
	type PostInput
} from './model';

/** A post of this flat, if there is one. */
function row(db: DB, flatId: number, postId: number): HelpPost | undefined {
	return db
		.select()
		.from(helpPosts)
		.where(and(eq(helpPosts.id, postId), eq(helpPosts.flatId, flatId)))
		.get();
}

/** A post of this flat; none is `not_found`. */
export function post(db: DB, flatId: number, postId: number): HelpPost {
	const found = row(db, flatId, postId);
	if (!found) throw new HelpError('not_found');
	return found;
}

/**
 * A post as far as this member may know it exists, or null: a hidden post only for its author,
 * and nothing between two neighbours when one blocked the other.
 */
export function seenBy(db: DB, flatId: number, postId: number, viewerId: number) {
	const p = row(db, flatId, postId);
	if (!p || p.authorId === viewerId) return p ?? null;
	if (p.hidden) return null;
	if (p.authorId && moderation.blockedWith(db, flatId, viewerId).includes(p.authorId)) return null;
	return p;
}

/** A post this member may know exists (see `seenBy`); any other is `not_found`. */
export function visible(db: DB, flatId: number, postId: number, viewerId: number): HelpPost {
	const p = seenBy(db, flatId, postId, viewerId);
	if (!p) throw new HelpError('not_found');
	return p;
}

/** A post of this member's own; someone else's is `not_allowed`. */
export function own(db: DB, flatId: number, postId: number, userId: number): HelpPost {
	const p = post(db, flatId, postId);
	if (p.authorId !== userId) throw new HelpError('not_allowed');
	return p;
}

/** When a post stops showing: the day after its last day, or two weeks for "flexible". */
function expiry(
	flat: FlatRef,
	input: Pick<PostInput, 'when' | 'startDate' | 'endDate'>,
	now: Date
) {
	const last =
		input.when === 'day' ? input.startDate : input.when === 'period' ? input.endDate : null;
	if (!last) return new Date(now.getTime() + FLEXIBLE_DAYS * DAY);
	return startOfDay(addDays(last, 1), flat.timeZone);
}

function clean(input: PostInput, author: Author) {
	return {
		type: input.type,
		category: input.category,
		title: input.title,
		description: input.description,
		when: input.when,
		startDate: input.when === 'flexible' ? null : input.startDate,
		endDate: input.when === 'period' ? input.endDate : null,
		// Only a request can hide its author; offers are made in the open.
		anonymous: input.type === 'request' && input.anonymous,
		// Only a verbinder posts for a neighbour without a smartphone.
		onBehalfOf: author.role === 'verbinder' ? input.onBehalfOf : null
	};
}

/** A new post, every column `clean` gives plus its flat, author and times: built once. */
const insertPost = prepared((db) =>
	db
		.insert(helpPosts)
		.values({
			flatId: sql.placeholder('flatId'),
			authorId: sql.placeholder('authorId'),
			type: sql.placeholder('type'),
			category: sql.placeholder('category'),
			title: sql.placeholder('title'),
			description: sql.placeholder('description'),
			when: sql.placeholder('when'),
			startDate: sql.placeholder('startDate'),
			endDate: sql.placeholder('endDate'),
			anonymous: sql.placeholder('anonymous'),
			onBehalfOf: sql.placeholder('onBehalfOf'),
			expiresAt: sql.placeholder('expiresAt'),
			createdAt: sql.placeholder('createdAt')
		})
		.returning({ id: helpPosts.id })
		.prepare()
);

/** Posts an offer or a request; a request tells the neighbours whose talents fit (if they asked). */
export function create(
	db: DB,
	flat: FlatRef,
	author: Author,
	input: PostInput,
	now = new Date()
): number {
	return db.transaction((tx) => {
		const values = clean(input, author);
		const { id } = insertPost(tx).get({
			flatId: flat.id,
			authorId: author.userId,
			...values,
			expiresAt: expiry(flat, input, now),
			createdAt: now
		})!;
		if (values.type === 'request') {
			const fits = matches(tx, flat.id, author.userId, values.category);
			// Those who asked to hear of every request, and were not told it fits them.
			const all = notify.prefs
				.listeners(tx, flat.id, 'requests')
				.filter((userId) => userId !== author.userId && !fits.includes(userId));
			const note = (userId: number, type: 'request_match' | 'request_new') => ({
				flatId: flat.id,
				userId,
				type,
				link: postInFlat(id),
				params: { title: values.title }
			});
			notify.record(tx, [
				...fits.map((u) => note(u, 'request_match')),
				...all.map((u) => note(u, 'request_new'))
			]);
		}
		return id;
	});
}

/** The author changes an open post. */
export function update(
	db: DB,
	flat: FlatRef,
	postId: number,
	author: Author,
	input: PostInput,
	now = new Date()
): void {
	const p = own(db, flat.id, postId, author.userId);
	if (p.status !== 'open') throw new HelpError('wrong_state');
	db.update(helpPosts)
		.set({ ...clean(input, author), expiresAt: expiry(flat, input, now) })
		.where(eq(helpPosts.id, postId))
		.run();
}

/** The author takes a post back; whoever offered help hears it kindly. */
export function withdraw(db: DB, flatId: number, postId: number, userId: number, now = new Date()) {
	const p = own(db, flatId, postId, userId);
	if (p.status !== 'open' && p.status !== 'accepted') throw new HelpError('wrong_state');
	db.transaction((tx) => {
		tx.update(helpPosts)
			.set({ status: 'closed', closedAt: now })
			.where(eq(helpPosts.id, postId))
			.run();
		const waiting = tx
			.select({ userId: helpResponses.userId })
			.from(helpResponses)
			.where(eq(helpResponses.postId, postId))
			.all();
		notify.record(
			tx,
			waiting.map((r) => ({
				flatId,
				userId: r.userId,
				type: 'post_closed' as const,
				link: postInFlat(postId),
				params: { title: p.title }
			}))
		);
	});
}

/** Once per post, two more weeks. */
export function extend(db: DB, flatId: number, postId: number, userId: number, now = new Date()) {
	const p = own(db, flatId, postId, userId);
	if (p.status !== 'open') throw new HelpError('wrong_state');
	if (p.extended) throw new HelpError('once');
	const from = Math.max(p.expiresAt.getTime(), now.getTime());
	db.update(helpPosts)
		.set({ extended: true, reminderSentAt: null, expiresAt: new Date(from + EXTEND_DAYS * DAY) })
		.where(eq(helpPosts.id, postId))
		.run();
}

/** When a member leaves the flat, their open posts close. */
export function closeForMember(db: DB, flatId: number, userId: number, now = new Date()): void {
	db.update(helpPosts)
		.set({ status: 'closed', closedAt: now })
		.where(
			and(
				eq(helpPosts.flatId, flatId),
				eq(helpPosts.authorId, userId),
				inArray(helpPosts.status, ['open', 'accepted'])
			)
		)
		.run();
}
