import { and, asc, between, eq, gte, inArray, lt, sql } from 'drizzle-orm';
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
				between(flats.id, sql.placeholder('lo'), sql.placeholder('hi')),
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
				between(memberships.flatId, sql.placeholder('lo'), sql.placeholder('hi')),
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
				between(flats.id, sql.placeholder('lo'), sql.placeholder('hi')),
				gte(helpRecords.completedAt, sql.placeholder('from')),
				lt(helpRecords.completedAt, sql.placeholder('to'))
			)
		)
		.prepare()
);

// A person is counted per flat: the key joins the flat and the person.
const PER_FLAT = 2 ** 32;

const flatIds = prepared((db) =>
	db.select({ id: flats.id }).from(flats).orderBy(asc(flats.id)).prepare()
);

/**
 * Flats counted between two breaks. Every flat's rows in one go held the event loop for seconds
 * on the national database (10,000 flats); fifty at a time hold it for tens of ms, and
 * requests are answered in between.
 */
const BATCH = 50;

/** The exact totals over every flat, the six months up to now (UTC months; each flat's calendar in its own zone). */
export async function exactTotals(
	db: DB,
	now: Date,
	batch = BATCH
): Promise<Record<keyof Counts, number>> {
	const window = rollingWindow(now, 'UTC');
	const range = { from: window.bounds[0]!, to: window.to };
	const ids = flatIds(db)
		.all()
		.map((f) => f.id);
	const sum: Record<keyof Counts, number> = {
		requests: 0,
		answered: 0,
		done: 0,
		offersTaken: 0,
		held: 0,
		attending: 0,
		newMembers: 0,
		gaveAndReceived: 0
	};
	for (let i = 0; i < ids.length; i += batch) {
		const part = { lo: ids[i]!, hi: ids[Math.min(i + batch, ids.length) - 1]! };
		const posts = postTotals(db).get({ ...range, ...part })!;
		// A person is counted per flat, so batches of whole flats add up.
		const both = bothWays(
			helpPeople(db)
				.all({ ...range, ...part })
				.map((r) => ({
					month: 0,
					giverId: r.giverId === null ? null : r.flatId * PER_FLAT + r.giverId,
					receiverId: r.receiverId === null ? null : r.flatId * PER_FLAT + r.receiverId
				}))
		);
		const { held, attending } = heldEverywhere(db, now, part);
		sum.requests += posts.requests ?? 0;
		sum.answered += posts.answered ?? 0;
		sum.done += posts.done ?? 0;
		sum.offersTaken += posts.offersTaken ?? 0;
		sum.held += held;
		sum.attending += attending;
		sum.newMembers += memberTotal(db).get({ ...range, ...part })!.n;
		sum.gaveAndReceived += both.total;
		await new Promise((resolve) => setImmediate(resolve));
	}
	return sum;
}

const HOUR = 60 * 60 * 1000;
const kept = perConnection(() => ({ hour: -1, totals: [] as Totals }));

/**
 * The totals over every flat as the instance admin sees them: no flat, no month, each
 * total below three shown as "fewer than 3". Worked out at most once an hour per process.
 */
export async function totals(db: DB, now = new Date()): Promise<Totals> {
	const cache = kept(db);
	const hour = Math.floor(now.getTime() / HOUR);
	if (cache.hour !== hour) {
		const exact = await exactTotals(db, now);
		cache.totals = MEASURES.map((key) => ({ key, total: shown(exact[key]) }));
		cache.hour = hour;
	}
	return cache.totals;
}
