import { and, eq, inArray, sql } from 'drizzle-orm';
import { listOf, prepared, type DB } from '../db';
import { memberships, noticeSeen } from '../db/schema';
import type { SeenCount } from './model';

/** The people who live in the flat: a professional works there, so is no household. */
const LIVING_HERE = ['resident', 'verbinder'] as const;

/**
 * A household: members who gave the same house number live together ("12a" and "12A " too);
 * a member without one is a household of their own.
 */
const household = sql`coalesce(lower(trim(${memberships.houseNumber})), '#' || ${memberships.id})`;

/** Which of these notices a member has seen already: asked on every board visit. */
const alreadySeen = prepared((db) =>
	db
		.select({ noticeId: noticeSeen.noticeId })
		.from(noticeSeen)
		.where(
			and(
				eq(noticeSeen.membershipId, sql.placeholder('membershipId')),
				inArray(noticeSeen.noticeId, listOf('noticeIds'))
			)
		)
		.prepare()
);

const markOne = prepared((db) =>
	db
		.insert(noticeSeen)
		.values({
			noticeId: sql.placeholder('noticeId'),
			membershipId: sql.placeholder('membershipId'),
			seenAt: sql.placeholder('seenAt')
		})
		.onConflictDoNothing()
		.prepare()
);

/**
 * Notes that a member has seen these notices (shown to them in full on the board or on their
 * page), for the count their writer sees. A visit that shows nothing new writes nothing, so the
 * board stays a read.
 */
export function markSeen(db: DB, membershipId: number, noticeIds: number[], now = new Date()) {
	if (noticeIds.length === 0) return;
	const known = new Set(
		alreadySeen(db)
			.all({ membershipId, noticeIds: JSON.stringify(noticeIds) })
			.map((r) => r.noticeId)
	);
	const fresh = noticeIds.filter((id) => !known.has(id));
	if (fresh.length === 0) return;
	db.transaction((tx) => {
		for (const noticeId of fresh) markOne(tx).run({ noticeId, membershipId, seenAt: now });
	});
}

/**
 * For each notice, how many of the flat's households have seen it, out of how many there are
 * ("seen by 23 of 41"). Only the households of members still active who live there count. No
 * names, ever: the writer learns how far a notice reached, not who read it.
 */
export function seenCounts(db: DB, flatId: number, noticeIds: number[]): Map<number, SeenCount> {
	const living = and(
		eq(memberships.flatId, flatId),
		eq(memberships.status, 'active'),
		inArray(memberships.role, [...LIVING_HERE])
	);
	const of =
		db
			.select({ n: sql<number>`count(distinct ${household})` })
			.from(memberships)
			.where(living)
			.get()?.n ?? 0;
	const seen = new Map(
		noticeIds.length === 0
			? []
			: db
					.select({ noticeId: noticeSeen.noticeId, n: sql<number>`count(distinct ${household})` })
					.from(noticeSeen)
					.innerJoin(memberships, eq(memberships.id, noticeSeen.membershipId))
					.where(and(inArray(noticeSeen.noticeId, noticeIds), living))
					.groupBy(noticeSeen.noticeId)
					.all()
					.map((r) => [r.noticeId, r.n] as const)
	);
	return new Map(noticeIds.map((id) => [id, { seen: seen.get(id) ?? 0, of }]));
}
