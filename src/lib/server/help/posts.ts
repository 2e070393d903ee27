import { and, eq, inArray, sql } from 'drizzle-orm';
import { prepared, type DB } from '../db';
import { helpPosts, helpResponses, type HelpPost } from '../db/schema';
import * as moderation from '../moderation';
import * as notify from '../notify';
import { addDays, DAY, startOfDay } from '../time';
import { postInFlat } from '../../stored-links';
import { fitsType, isLostFound } from '../../help';
import { matches } from './matches';
import {
	EXTEND_DAYS,
	FLEXIBLE_DAYS,
	HelpError,
	LOST_FOUND_DAYS,
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

/**
 * When a post stops showing: the day after its last day, two weeks for "flexible", and two
 * weeks for a lost or found thing, which has no dates.
 */
function expiry(
	flat: FlatRef,
	input: Pick<PostInput, 'type' | 'when' | 'startDate' | 'endDate'>,
	now: Date
) {
	if (isLostFound(input.type)) return new Date(now.getTime() + LOST_FOUND_DAYS * DAY);
	const last =
		input.when === 'day' ? input.startDate : input.when === 'period' ? input.endDate : null;
	if (!last) return new Date(now.getTime() + FLEXIBLE_DAYS * DAY);
	return startOfDay(addDays(last, 1), flat.timeZone);
}

function clean(input: PostInput, author: Author) {
	// A help category on a lost or found post (or the other way round) is a form nobody was shown.
	if (!fitsType(input.type, input.category)) throw new HelpError('category');
	// A lost or found thing has no dates: it is on the board until it is back, or two weeks.
	const when = isLostFound(input.type) ? 'flexible' : input.when;
	return {
		type: input.type,
		category: input.category,
		title: input.title,
		description: input.description,
		when,
		startDate: when === 'flexible' ? null : input.startDate,
		endDate: when === 'period' ? input.endDate : null,
		// Only a request can hide its author; offers, and lost or found things, are in the open:
		// a thing goes back to someone the neighbours know.
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

/**
 * Posts an offer, a request, or a lost or found thing; only a request tells the neighbours
 * whose talents fit (if they asked).
 */
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
	// Help stays help and a found thing stays found or lost: whoever answered, answered that.
	if (isLostFound(p.type) !== isLostFound(input.type)) throw new HelpError('wrong_state');
	db.update(helpPosts)
		.set({
			...clean(input, author),
			// A lost or found thing keeps its two weeks: editing it is not a way to stay up longer.
			expiresAt: isLostFound(p.type) ? p.expiresAt : expiry(flat, input, now)
		})
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

/**
 * The author of a lost or found post says the thing is back with its owner: the post closes
 * as "returned", with nothing on the record of help (it was not a favour asked or offered).
 */
export function returned(db: DB, flatId: number, postId: number, userId: number, now = new Date()) {
	const p = own(db, flatId, postId, userId);
	if (!isLostFound(p.type)) throw new HelpError('wrong_state');
	if (p.status !== 'open' && p.status !== 'accepted') throw new HelpError('wrong_state');
	db.update(helpPosts)
		.set({ status: 'returned', closedAt: now })
		.where(eq(helpPosts.id, postId))
		.run();
}

/**
 * Once per post, two more weeks. A lost or found thing may have it too: a lost key is not
 * found to a timetable, and the board still forgets it after four weeks at most.
 */
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
