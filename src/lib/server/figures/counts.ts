import { and, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { prepared, type DB } from '../db';
import { helpPosts, helpRecords, helpResponses, memberships } from '../db/schema';
import { ANSWER_WITHIN_MS, MEASURES, MONTHS, type Counts, type Window } from './model';
import { heldIn } from './held';

/**
 * Which month of the window an instant falls in (0 = the oldest): how many month starts after
 * the first it is at or past. The starts come in as placeholders `b1` … `b5`.
 */
export const monthOf = (column: SQLiteColumn) =>
	sql<number>`(${sql.join(
		Array.from(
			{ length: MONTHS - 1 },
			(_, i) => sql`(${column} >= ${sql.placeholder(`b${i + 1}`)})`
		),
		sql` + `
	)})`;

/** The window's instants as the queries' placeholders. */
export function windowParams(window: Window) {
	return {
		...Object.fromEntries(window.bounds.map((b, i) => [`b${i}`, b])),
		from: window.bounds[0]!,
		to: window.to
	};
}

/** Posts that show how help went: requests and offers, not the ones a verbinder hid. */
export const POST_STATUSES = helpPosts.status.enumValues;

/** A request's first response came within two days of it being posted. */
export const answeredInTime = sql<number>`(
	select min(${helpResponses.createdAt}) from ${helpResponses}
	where ${helpResponses.postId} = ${helpPosts.id}
) <= ${helpPosts.createdAt} + ${ANSWER_WITHIN_MS}`;

/** The help was given: marked done by both, or on the record of completed help. */
const completed = sql`(${helpPosts.status} = 'done' or exists (
	select 1 from ${helpRecords} where ${helpRecords.postId} = ${helpPosts.id}
))`;

/** Someone took the offer: accepted (the post moved on, or the response says so) or done. */
const taken = sql`(${helpPosts.status} in ('accepted', 'done_pending', 'done') or exists (
	select 1 from ${helpResponses}
	where ${helpResponses.postId} = ${helpPosts.id} and ${helpResponses.status} = 'accepted'
) or ${completed})`;

/** The help columns of the counts, summed over a set of posts. */
export const postSums = {
	requests: sql<number>`coalesce(sum(${helpPosts.type} = 'request'), 0)`,
	answered: sql<number>`coalesce(sum(${helpPosts.type} = 'request' and ${answeredInTime}), 0)`,
	done: sql<number>`coalesce(sum(${helpPosts.type} = 'request' and ${completed}), 0)`,
	offersTaken: sql<number>`coalesce(sum(${helpPosts.type} = 'offer' and ${taken}), 0)`
};

/**
 * The posts of a flat in the window, counted per month. `status in (…all…)` lets SQLite walk
 * the board's index (flat, status, created) by range for each status instead of every post
 * the flat ever had.
 */
const postsByMonth = prepared((db) =>
	db
		.select({ month: monthOf(helpPosts.createdAt), ...postSums })
		.from(helpPosts)
		.where(
			and(
				eq(helpPosts.flatId, sql.placeholder('flatId')),
				inArray(helpPosts.status, POST_STATUSES),
				gte(helpPosts.createdAt, sql.placeholder('from')),
				lt(helpPosts.createdAt, sql.placeholder('to')),
				inArray(helpPosts.type, ['request', 'offer']),
				eq(helpPosts.hidden, false)
			)
		)
		.groupBy(sql`1`)
		.prepare()
);

/** Neighbours who joined the flat in the window (and were let in), per month. */
const membersByMonth = prepared((db) =>
	db
		.select({ month: monthOf(memberships.createdAt), n: sql<number>`count(*)` })
		.from(memberships)
		.where(
			and(
				eq(memberships.flatId, sql.placeholder('flatId')),
				eq(memberships.status, 'active'),
				gte(memberships.createdAt, sql.placeholder('from')),
				lt(memberships.createdAt, sql.placeholder('to'))
			)
		)
		.groupBy(sql`1`)
		.prepare()
);

/** Who gave and who received, per month: ids only, to count people who did both. */
const helpByMonth = prepared((db) =>
	db
		.selectDistinct({
			month: monthOf(helpRecords.completedAt),
			giverId: helpRecords.giverId,
			receiverId: helpRecords.receiverId
		})
		.from(helpRecords)
		.where(
			and(
				eq(helpRecords.flatId, sql.placeholder('flatId')),
				gte(helpRecords.completedAt, sql.placeholder('from')),
				lt(helpRecords.completedAt, sql.placeholder('to'))
			)
		)
		.prepare()
);

/** Zero for every measure and month. */
export function emptyCounts(): Counts {
	return Object.fromEntries(
		MEASURES.map((key) => [key, { total: 0, months: Array<number>(MONTHS).fill(0) }])
	) as Counts;
}

const sum = (list: number[]) => list.reduce((a, b) => a + b, 0);

function add(counts: Counts, key: keyof Counts, month: number, n: number) {
	counts[key].months[month]! += n;
	counts[key].total += n;
}

/**
 * People who both gave and received help: per month those who did both that month, and in
 * the total those who did both in the window (so the total is not the months added up).
 */
export function bothWays(
	rows: { month: number; giverId: number | null; receiverId: number | null }[]
) {
	const gave = new Map<number, Set<number>>();
	const received = new Map<number, Set<number>>();
	const note = (map: Map<number, Set<number>>, person: number, month: number) =>
		map.set(person, (map.get(person) ?? new Set()).add(month));
	for (const r of rows) {
		if (r.giverId !== null) note(gave, r.giverId, r.month);
		if (r.receiverId !== null) note(received, r.receiverId, r.month);
	}
	const months = Array<number>(MONTHS).fill(0);
	let total = 0;
	for (const [person, given] of gave) {
		const got = received.get(person);
		if (!got) continue;
		total++;
		for (const month of given) if (got.has(month)) months[month]!++;
	}
	return { total, months };
}

/**
 * The exact counts of one flat in the window. They never leave the server as they are: the
 * page and the CSV get them through `shown`.
 */
export function counts(db: DB, flat: { id: number; timeZone: string }, window: Window): Counts {
	const params = { flatId: flat.id, ...windowParams(window) };
	const out = emptyCounts();
	for (const row of postsByMonth(db).all(params))
		for (const key of ['requests', 'answered', 'done', 'offersTaken'] as const)
			add(out, key, row.month, row[key]);
	for (const row of membersByMonth(db).all(params)) add(out, 'newMembers', row.month, row.n);
	out.gaveAndReceived = bothWays(helpByMonth(db).all(params));
	const { held, attending } = heldIn(db, flat, window);
	out.held = { total: sum(held), months: held };
	out.attending = { total: sum(attending), months: attending };
	return out;
}
