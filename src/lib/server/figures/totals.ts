import { and, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { perConnection, prepared, type DB } from '../db';
import { flats, helpPosts, helpRecords, memberships } from '../db/schema';
import { bothWays, POST_STATUSES, postSums } from './counts';
import { heldEverywhere } from './held';
import { MEASURES, type Counts, type Totals } from './model';
import { shown } from './shown';
import { rollingWindow } from './window';

// The instance admin's totals over every flat. Each query starts from the flats and reaches
// each flat's rows through its flat index (a cross join keeps SQLite to that order), so the posts and the help are read for the window
// only; the memberships are read once through, the one pass over a big table (the membership
// index leads with the flat and user, not the date). The activities come from three queries
// over every flat (held.ts), and the answers by their date index. Kept for an hour: it is one
// admin's overview.

const postTotals = prepared((db) =>
	db
		.select(postSums)
		.from(flats)
		.crossJoin(helpPosts)
		.where(
			and(
				eq(helpPosts.flatId, flats.id),
				inArray(helpPosts.status, POST_STATUSES),
				gte(helpPosts.createdAt, sql.placeholder('from')),
				lt(helpPosts.createdAt, sql.placeholder('to')),
				inArray(helpPosts.type, ['request', 'offer']),
				eq(helpPosts.hidden, false)
			)
		)
		.prepare()
);

const memberTotal = prepared((db) =>
	db
		.select({ n: sql<number>`count(*)` })
		.from(memberships)
		.where(
			and(
				eq(memberships.status, 'active'),
				gte(memberships.createdAt, sql.placeholder('from')),
				lt(memberships.createdAt, sql.placeholder('to'))
			)
		)
		.prepare()
);

const helpPeople = prepared((db) =>
	db
		.selectDistinct({
			flatId: helpRecords.flatId,
			giverId: helpRecords.giverId,
			receiverId: helpRecords.receiverId
		})
		.from(flats)
		.crossJoin(helpRecords)
		.where(
			and(
				eq(helpRecords.flatId, flats.id),
				gte(helpRecords.completedAt, sql.placeholder('from')),
				lt(helpRecords.completedAt, sql.placeholder('to'))
			)
		)
		.prepare()
);

// A person is counted per flat: the key joins the flat and the person.
const PER_FLAT = 2 ** 32;

/** The exact totals over every flat, the six months up to now (UTC months; each flat's calendar in its own zone). */
export function exactTotals(db: DB, now: Date): Record<keyof Counts, number> {
	const window = rollingWindow(now, 'UTC');
	const range = { from: window.bounds[0]!, to: window.to };
	const posts = postTotals(db).get(range)!;
	const both = bothWays(
		helpPeople(db)
			.all(range)
			.map((r) => ({
				month: 0,
				giverId: r.giverId === null ? null : r.flatId * PER_FLAT + r.giverId,
				receiverId: r.receiverId === null ? null : r.flatId * PER_FLAT + r.receiverId
			}))
	);
	const { held, attending } = heldEverywhere(db, now);
	return {
		requests: posts.requests,
		answered: posts.answered,
		done: posts.done,
		offersTaken: posts.offersTaken,
		held,
		attending,
		newMembers: memberTotal(db).get(range)!.n,
		gaveAndReceived: both.total
	};
}

const HOUR = 60 * 60 * 1000;
const kept = perConnection(() => ({ hour: -1, totals: [] as Totals }));

/**
 * The totals over every flat as the instance admin sees them: no flat, no month, each
 * total below three shown as "fewer than 3". Worked out at most once an hour per process.
 */
export function totals(db: DB, now = new Date()): Totals {
	const cache = kept(db);
	const hour = Math.floor(now.getTime() / HOUR);
	if (cache.hour !== hour) {
		const exact = exactTotals(db, now);
		cache.totals = MEASURES.map((key) => ({ key, total: shown(exact[key]) }));
		cache.hour = hour;
	}
	return cache.totals;
}
