import { and, eq, gte, inArray, sql } from 'drizzle-orm';
import type { DB } from '../db';
import { helpRecords } from '../db/schema';
import { localDate, startOfDay } from '../time';

const YEAR = 365 * 24 * 60 * 60 * 1000;

/** Helps given and received in the last 12 months, counted from the record of completed help. */
export function forMember(db: DB, flatId: number, userId: number, now = new Date()) {
	return forMembers(db, flatId, [userId], now).get(userId)!;
}

/** The same for several members at once: two grouped queries, not two per member. */
export function forMembers(db: DB, flatId: number, userIds: number[], now = new Date()) {
	const since = new Date(now.getTime() - YEAR);
	const result = new Map(userIds.map((id) => [id, { given: 0, received: 0 }]));
	if (userIds.length === 0) return result;
	const count = (column: typeof helpRecords.giverId | typeof helpRecords.receiverId) =>
		db
			.select({ userId: column, n: sql<number>`count(*)` })
			.from(helpRecords)
			.where(
				and(
					eq(helpRecords.flatId, flatId),
					inArray(column, userIds),
					gte(helpRecords.completedAt, since)
				)
			)
			.groupBy(column)
			.all();
	for (const row of count(helpRecords.giverId)) result.get(row.userId!)!.given = row.n;
	for (const row of count(helpRecords.receiverId)) result.get(row.userId!)!.received = row.n;
	return result;
}

/** Which friendly line fits a balance: never a score, just a nudge. */
export function nudge(b: { given: number; received: number }): 'start' | 'ask' | 'offer' | 'even' {
	if (b.given === 0 && b.received === 0) return 'start';
	if (b.given >= b.received + 3) return 'ask';
	if (b.received >= b.given + 3) return 'offer';
	return 'even';
}

/** How often neighbours in the flat helped each other this calendar month (local time). */
export function flatThisMonth(
	db: DB,
	flat: { id: number; timeZone: string },
	now = new Date()
): number {
	const month = localDate(now, flat.timeZone).slice(0, 8) + '01';
	return db
		.select({ n: sql<number>`count(*)` })
		.from(helpRecords)
		.where(
			and(
				eq(helpRecords.flatId, flat.id),
				gte(helpRecords.completedAt, startOfDay(month, flat.timeZone))
			)
		)
		.get()!.n;
}
