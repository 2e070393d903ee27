import { and, desc, eq, gte, inArray, isNull, lte, ne, sql } from 'drizzle-orm';
import { prepared, type DB } from '../db';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import {
	helpMessages,
	helpPosts,
	helpRecords,
	helpResponses,
	memberships,
	users,
	type HelpCategory,
	type HelpPost,
	type Role
} from '../db/schema';
import { can } from '../auth/roles';
import * as moderation from '../moderation';
import * as notify from '../notify';
import * as prefs from '../notify/prefs';
import { addDays, DAY, startOfDay } from '../time';

export const FLEXIBLE_DAYS = 14;
export const EXTEND_DAYS = 14;
export const AUTO_CONFIRM_DAYS = 7;
export const MAX_PERIOD_DAYS = 42;
export const PAGE_SIZE = 20;

export type FlatRef = { id: number; timeZone: string };
export type Author = { userId: number; role: Role };

export type PostInput = {
	type: 'offer' | 'request';
	category: HelpCategory;
	title: string;
	description: string;
	when: 'day' | 'period' | 'flexible';
	startDate: string | null;
	endDate: string | null;
	anonymous: boolean;
	onBehalfOf: string | null;
};

export class HelpError extends Error {
	constructor(
		readonly code: 'not_found' | 'not_allowed' | 'wrong_state' | 'already' | 'own_post' | 'once'
	) {
		super(code);
	}
}

/** Link to a post, relative to its flat: the flat's pages put the slug in front. */
export const postLink = (id: number) => `help/${id}`;

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
			const all = prefs
				.listeners(tx, flat.id, 'requests')
				.filter((userId) => userId !== author.userId && !fits.includes(userId));
			const note = (userId: number, type: 'request_match' | 'request_new') => ({
				flatId: flat.id,
				userId,
				type,
				link: postLink(id),
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

// Everyone speaks Dutch here; a shared other language is what makes a match for letters.
const COMMON = new Set(['nederlands', 'dutch', 'nl', 'هولندي', 'الهولندية']);
const norm = (language: string) => language.trim().toLocaleLowerCase();

/** Active members who want to hear of fitting requests and named this category a talent. */
const talented = prepared((db) =>
	db
		.select({ userId: memberships.userId, role: memberships.role })
		.from(memberships)
		.where(
			and(
				eq(memberships.flatId, sql.placeholder('flatId')),
				eq(memberships.status, 'active'),
				eq(memberships.notifyMatches, true),
				sql`exists (select 1 from json_each(${memberships.talents}) where value = ${sql.placeholder('category')})`
			)
		)
		.prepare()
);

/**
 * Members who asked to hear of requests that fit them: the category is one of their talents,
 * or it is about letters and they share a language (other than Dutch) with the author.
 */
export function matches(
	db: DB,
	flatId: number,
	authorId: number,
	category: HelpCategory
): number[] {
	const rows = talented(db).all({ flatId, category });
	if (category === 'letters') rows.push(...sharedLanguage(db, flatId, authorId));
	const fits = rows
		.filter((r) => r.userId !== authorId && can(r.role, 'help.view'))
		.map((r) => r.userId);
	return [...new Set(fits)];
}

/** Members who want to hear of fitting requests and speak a language of the author's. */
function sharedLanguage(db: DB, flatId: number, authorId: number) {
	const author = db
		.select({ languages: memberships.languages })
		.from(memberships)
		.where(and(eq(memberships.flatId, flatId), eq(memberships.userId, authorId)))
		.get();
	const authorLanguages = new Set(
		(author?.languages ?? []).map(norm).filter((l) => !COMMON.has(l))
	);
	if (authorLanguages.size === 0) return [];
	return db
		.select({
			userId: memberships.userId,
			role: memberships.role,
			languages: memberships.languages
		})
		.from(memberships)
		.where(
			and(
				eq(memberships.flatId, flatId),
				eq(memberships.status, 'active'),
				eq(memberships.notifyMatches, true)
			)
		)
		.all()
		.filter((r) => r.languages.some((l) => authorLanguages.has(norm(l))));
}

function post(db: DB, flatId: number, postId: number): HelpPost {
	const found = db
		.select()
		.from(helpPosts)
		.where(and(eq(helpPosts.id, postId), eq(helpPosts.flatId, flatId)))
		.get();
	if (!found) throw new HelpError('not_found');
	return found;
}

/**
 * A post as far as this member may know it exists: a hidden post only for its author, and
 * nothing between two neighbours when one blocked the other.
 */
function visible(db: DB, flatId: number, postId: number, viewerId: number): HelpPost {
	const p = post(db, flatId, postId);
	if (p.authorId === viewerId) return p;
	if (p.hidden) throw new HelpError('not_found');
	if (p.authorId && moderation.blockedWith(db, flatId, viewerId).includes(p.authorId))
		throw new HelpError('not_found');
	return p;
}

function own(db: DB, flatId: number, postId: number, userId: number): HelpPost {
	const p = post(db, flatId, postId);
	if (p.authorId !== userId) throw new HelpError('not_allowed');
	return p;
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
				link: postLink(postId),
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

export type BoardFilter = {
	type?: 'offer' | 'request';
	category?: HelpCategory;
	mine?: boolean;
	page?: number;
};

/** Either the placeholder's value is null (no filter) or the column equals it. */
const anyOr = (column: SQLiteColumn, name: string) =>
	sql`(${sql.placeholder(name)} is null or ${column} = ${sql.placeholder(name)})`;

/**
 * The board's query in its two shapes (the flat's open posts, or the viewer's own), built
 * once: every visit of the board runs it, and building it cost more than running it.
 */
const boardQuery = (mine: boolean) =>
	prepared((db) =>
		db
			.select({
				id: helpPosts.id,
				type: helpPosts.type,
				category: helpPosts.category,
				title: helpPosts.title,
				when: helpPosts.when,
				startDate: helpPosts.startDate,
				endDate: helpPosts.endDate,
				status: helpPosts.status,
				anonymous: helpPosts.anonymous,
				onBehalfOf: helpPosts.onBehalfOf,
				authorId: helpPosts.authorId,
				authorName: users.name
			})
			.from(helpPosts)
			.leftJoin(users, eq(users.id, helpPosts.authorId))
			.where(
				and(
					eq(helpPosts.flatId, sql.placeholder('flatId')),
					mine
						? eq(helpPosts.authorId, sql.placeholder('viewerId'))
						: and(eq(helpPosts.hidden, false), eq(helpPosts.status, 'open')),
					moderation.apart(
						helpPosts.authorId,
						sql.placeholder('flatId'),
						sql.placeholder('viewerId')
					),
					anyOr(helpPosts.type, 'type'),
					anyOr(helpPosts.category, 'category')
				)
			)
			.orderBy(desc(helpPosts.createdAt), desc(helpPosts.id))
			.limit(sql.placeholder('limit'))
			.offset(sql.placeholder('offset'))
			.prepare()
	);
const boardQueries = { open: boardQuery(false), mine: boardQuery(true) };

/**
 * The flat's board: open posts, newest first, a page at a time ("mine" shows your own posts
 * in every state). An anonymous request shows no name to anyone but its author; neighbours who
 * blocked each other do not see each other's posts.
 */
export function board(db: DB, flatId: number, viewerId: number, filter: BoardFilter = {}) {
	const page = Math.max(1, filter.page ?? 1);
	const rows = boardQueries[filter.mine ? 'mine' : 'open'](db).all({
		flatId,
		viewerId,
		type: filter.type ?? null,
		category: filter.category ?? null,
		limit: PAGE_SIZE + 1,
		offset: (page - 1) * PAGE_SIZE
	});
	return {
		posts: rows.slice(0, PAGE_SIZE).map(({ authorId, authorName, ...row }) => ({
			...row,
			mine: authorId === viewerId,
			authorName: row.anonymous && authorId !== viewerId ? null : authorName
		})),
		page,
		more: rows.length > PAGE_SIZE
	};
}

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
	const p = visible(db, flatId, postId, viewerId);
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
	const receiverId = p.type === 'request' ? (p.onBehalfOf ? null : p.authorId) : helper?.userId;
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
				link: postLink(postId),
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
		const params = { title: p.title };
		notify.record(tx, [
			{ flatId, userId: chosen.userId, type: 'response_accepted', link: postLink(postId), params },
			...others.map((o) => ({
				flatId,
				userId: o.userId,
				type: 'response_declined' as const,
				link: postLink(postId),
				params
			}))
		]);
	});
}

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
				link: postLink(postId),
				params: { title: p.title }
			});
	});
}

/** Either of the two says it is done; the other confirms (or a week passes). */
export function markDone(db: DB, flatId: number, postId: number, userId: number, now = new Date()) {
	const { p, other } = participants(db, flatId, postId, userId);
	if (p.status !== 'accepted') throw new HelpError('wrong_state');
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
				link: postLink(postId),
				params: { title: p.title }
			});
	});
}

/** Writes the completed help to the record the balance is counted from. */
function complete(db: DB, p: HelpPost, now: Date): void {
	const helper = accepted(db, p.id);
	const author = p.onBehalfOf ? null : p.authorId;
	const [giverId, receiverId] =
		p.type === 'request' ? [helper?.userId ?? null, author] : [author, helper?.userId ?? null];
	db.update(helpPosts).set({ status: 'done', closedAt: now }).where(eq(helpPosts.id, p.id)).run();
	db.insert(helpRecords)
		.values({ flatId: p.flatId, postId: p.id, giverId, receiverId, completedAt: now })
		.onConflictDoNothing()
		.run();
	const link = postLink(p.id);
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
				link: postLink(postId),
				params: { title: p.title }
			});
	});
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
					link: postLink(p.id),
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

const requestsSince = prepared((db) =>
	db
		.select({ n: sql<number>`count(*)` })
		.from(helpPosts)
		.where(
			and(
				eq(helpPosts.flatId, sql.placeholder('flatId')),
				eq(helpPosts.authorId, sql.placeholder('userId')),
				eq(helpPosts.type, 'request'),
				eq(helpPosts.category, sql.placeholder('category')),
				gte(helpPosts.createdAt, sql.placeholder('since'))
			)
		)
		.prepare()
);

/** Requests this member posted in a category since a moment (for the light-help guard). */
export function recentRequests(
	db: DB,
	flatId: number,
	userId: number,
	category: HelpCategory,
	since: Date
): number {
	return requestsSince(db).get({ flatId, userId, category, since: since.getTime() })!.n;
}
