import { and, eq, gte, inArray, sql } from 'drizzle-orm';
import { listOf, prepared, type DB } from '../db';
import { helpRecords } from '../db/schema';
import { localDate, startOfDay } from '../time';
import type { Balance, Nudge } from './model';

/** The balance looks back one year: old help fades, nobody carries a debt for ever. */
const YEAR = 365 * 24 * 60 * 60 * 1000;

/** Helps given and received in the last 12 months, counted from the record of completed help. */
export function forMember(db: DB, flatId: number, userId: number, now = new Date()): Balance {
	return forMembers(db, flatId, [userId], now).get(userId)!;
}

/**
 * Completed helps per member of a list (a JSON array, so one prepared query serves one member
 * on every board visit and the whole flat on the members page), since a moment in ms.
 */
const countBy = (column: typeof helpRecords.giverId | typeof helpRecords.receiverId) =>
	prepared((db) =>
		db
			.select({ userId: column, n: sql<number>`count(*)` })
			.from(helpRecords)
			.where(
				and(
					eq(helpRecords.flatId, sql.placeholder('flatId')),
					inArray(column, listOf('userIds')),
					gte(helpRecords.completedAt, sql.placeholder('since'))
				)
			)
			.groupBy(column)
			.prepare()
	);
const given = countBy(helpRecords.giverId);
const received = countBy(helpRecords.receiverId);

/** The same for several members at once: two grouped queries, not two per member. */
export function forMembers(
	db: DB,
	flatId: number,
	userIds: number[],
	now = new Date()
): Map<number, Balance> {
	const result = new Map(userIds.map((id): [number, Balance] => [id, { given: 0, received: 0 }]));
	if (userIds.length === 0) return result;
	const params = { flatId, userIds: JSON.stringify(userIds), since: now.getTime() - YEAR };
	for (const row of given(db).all(params)) result.get(row.userId!)!.given = row.n;
	for (const row of received(db).all(params)) result.get(row.userId!)!.received = row.n;
	return result;
}

/** Which friendly line fits a balance: never a score, just a nudge. */
export function nudge(b: Balance): Nudge {
	if (b.given === 0 && b.received === 0) return 'start';
	if (b.given >= b.received + 3) return 'ask';
	if (b.received >= b.given + 3) return 'offer';
	return 'even';
}

const helpedSince = prepared((db) =>
	db
		.select({ n: sql<number>`count(*)` })
		.from(helpRecords)
		.where(
			and(
				eq(helpRecords.flatId, sql.placeholder('flatId')),
				gte(helpRecords.completedAt, sql.placeholder('since'))
			)
		)
		.prepare()
);

/** How often neighbours in the flat helped each other this calendar month (local time). */
export function flatThisMonth(
	db: DB,
	flat: { id: number; timeZone: string },
	now = new Date()
): number {
	const month = localDate(now, flat.timeZone).slice(0, 8) + '01';
	const since = startOfDay(month, flat.timeZone).getTime();
	return helpedSince(db).get({ flatId: flat.id, since })!.n;
}
