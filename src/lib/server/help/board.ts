import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { prepared, type DB } from '../db';
import { helpPosts, users } from '../db/schema';
import * as moderation from '../moderation';
import { LOST_FOUND_FILTER, LOST_FOUND_TYPES } from '../../help';
import { PAGE_SIZE, type BoardFilter } from './model';

/** Either the placeholder's value is null (no filter) or the column equals it. */
const anyOr = (column: SQLiteColumn, name: string) =>
	sql`(${sql.placeholder(name)} is null or ${column} = ${sql.placeholder(name)})`;

/** The type filter: none, one type, or lost and found together (their own view of the board). */
const typeIs = () =>
	sql`(${sql.placeholder('type')} is null or ${helpPosts.type} = ${sql.placeholder('type')} or (${sql.placeholder('type')} = ${LOST_FOUND_FILTER} and ${inArray(helpPosts.type, [...LOST_FOUND_TYPES])}))`;

/** What a post's card shows (the board, the weekly summary): the author's name only for anonymity's rules to apply. */
export const CARD_COLUMNS = {
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
};

/**
 * The board's query in its two shapes (the flat's open posts, or the viewer's own), built
 * once: every visit of the board runs it, and building it cost more than running it.
 */
const boardQuery = (mine: boolean) =>
	prepared((db) =>
		db
			.select(CARD_COLUMNS)
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
					typeIs(),
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
 * in every state); help and lost or found things together unless the filter picks. An anonymous request shows no name to anyone but its author; neighbours who
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
