import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { prepared, type DB } from '../db';
import { flats, memberships, summaryRounds } from '../db/schema';
import * as notify from '../notify';
import { anythingNew, gather, since, tally } from './content';
import { dueAt, inTime } from './due';
import { SUMMARY_LINK, type SummaryFlat } from './model';

/** Flats are read in batches by id: a round never holds all of a national server's flats at once. */
const BATCH = 500;

const flatBatch = prepared((db) =>
	db
		.select({
			id: flats.id,
			name: flats.name,
			timeZone: flats.timeZone,
			summaryDay: flats.summaryDay,
			summaryTime: flats.summaryTime,
			createdAt: flats.createdAt
		})
		.from(flats)
		.where(gt(flats.id, sql.placeholder('after')))
		.orderBy(asc(flats.id))
		.limit(BATCH)
		.prepare()
);

/** Whether the flat's summary at this moment went out already (the rounds' primary key). */
const roundAt = prepared((db) =>
	db
		.select({ flatId: summaryRounds.flatId })
		.from(summaryRounds)
		.where(
			and(
				eq(summaryRounds.flatId, sql.placeholder('flatId')),
				eq(summaryRounds.dueAt, sql.placeholder('dueAt'))
			)
		)
		.prepare()
);

/** The flat's active members with what decides whether they get a summary. */
const readers = prepared((db) =>
	db
		.select({ id: memberships.id, userId: memberships.userId, role: memberships.role })
		.from(memberships)
		.where(and(eq(memberships.flatId, sql.placeholder('flatId')), eq(memberships.status, 'active')))
		.prepare()
);

/** The flats of one batch whose summary is due now and not sent yet, each with its moment. */
function dueIn(db: DB, batch: SummaryFlat[], now: Date) {
	// Most flats keep the same day, time and zone: their moment is worked out once.
	const moments = new Map<string, Date>();
	const out: { flat: SummaryFlat; due: Date }[] = [];
	for (const flat of batch) {
		const key = `${flat.timeZone}|${flat.summaryDay}|${flat.summaryTime}`;
		let due = moments.get(key);
		if (!due) moments.set(key, (due = dueAt(flat, now)));
		if (!inTime(flat, due, now)) continue;
		if (roundAt(db).get({ flatId: flat.id, dueAt: due.getTime() })) continue;
		out.push({ flat, due });
	}
	return out;
}

/**
 * One flat's summary, in one transaction: the round's row first (its key refuses a second
 * one, so a restart or a second process sends nothing twice), then a notification for each
 * member who asked for a summary and has something new in theirs. A failure undoes the flat's
 * round and all its notifications and pushes together, so the next round tries it again.
 * Returns how many members got one.
 */
export function sendOne(db: DB, flat: SummaryFlat, due: Date, now = new Date()): number {
	return db.transaction((tx) => {
		const claimed = tx
			.insert(summaryRounds)
			.values({ flatId: flat.id, dueAt: due, sent: 0, doneAt: now })
			.onConflictDoNothing()
			.returning({ flatId: summaryRounds.flatId })
			.get();
		if (!claimed) return 0;
		const g = gather(tx, flat, since(tx, flat, due), due);
		if (!anythingNew(g)) return 0;
		const members = readers(tx).all({ flatId: flat.id });
		const chosen = notify.prefs.forMemberships(
			tx,
			members.map((m) => m.id)
		);
		// The count is the same in every language: the text is written per reader when pushed.
		const items = members.flatMap((m) => {
			if (!notify.prefs.wantsSummary(m.role, chosen.get(m.id)!)) return [];
			const mine = tally(g, m);
			if (!mine.news) return [];
			return [
				{
					flatId: flat.id,
					userId: m.userId,
					type: 'weekly_summary' as const,
					link: SUMMARY_LINK,
					params: { count: mine.count }
				}
			];
		});
		notify.record(tx, items, now);
		tx.update(summaryRounds)
			.set({ sent: items.length })
			.where(and(eq(summaryRounds.flatId, flat.id), eq(summaryRounds.dueAt, due)))
			.run();
		return items.length;
	});
}

type Counts = { summaries: number; summariesSent: number; summariesFailed: number };

/**
 * The steps of one round over every flat: each step is one batch read or one flat sent, so a
 * runner may pause between them. A flat that fails is logged and left for the next round.
 */
function* steps(db: DB, now: Date, counts: Counts): Generator<void> {
	let after = 0;
	for (;;) {
		const batch = flatBatch(db).all({ after });
		if (batch.length === 0) return;
		after = batch[batch.length - 1]!.id;
		const due = dueIn(db, batch, now);
		yield;
		for (const { flat, due: at } of due) {
			try {
				counts.summariesSent += sendOne(db, flat, at, now);
				counts.summaries++;
			} catch (e) {
				counts.summariesFailed++;
				console.error('weekly summary failed', { flatId: flat.id, dueAt: at }, e);
			}
			yield;
		}
		if (batch.length < BATCH) return;
	}
}

const counted = (): Counts => ({ summaries: 0, summariesSent: 0, summariesFailed: 0 });

/**
 * Sends every weekly summary that is due, in one go: for the clock round (`jobs.round`) and
 * the operator's `npm run admin -- tick`.
 */
export function tick(db: DB, now = new Date()): Counts {
	const counts = counted();
	const work = steps(db, now, counts);
	while (!work.next().done);
	return counts;
}

/**
 * The same for the running server, giving way between flats: requests wait for one flat's
 * transaction at most, not for a round over every flat of a national server.
 */
export async function drain(db: DB, now = new Date()): Promise<Counts> {
	const counts = counted();
	const work = steps(db, now, counts);
	while (!work.next().done) await new Promise((go) => setImmediate(go));
	return counts;
}
