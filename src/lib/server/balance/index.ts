import { and, eq, gte, sql } from 'drizzle-orm';
import type { DB } from '../db';
import { helpRecords } from '../db/schema';
import { localDate, startOfDay } from '../time';

const YEAR = 365 * 24 * 60 * 60 * 1000;

/** Helps given and received in the last 12 months, counted from the record of completed help. */
export function forMember(db: DB, flatId: number, userId: number, now = new Date()) {
	const since = new Date(now.getTime() - YEAR);
	const count = (column: typeof helpRecords.giverId | typeof helpRecords.receiverId) =>
		db
			.select({ n: sql<number>`count(*)` })
			.from(helpRecords)
			.where(
				and(eq(helpRecords.flatId, flatId), eq(column, userId), gte(helpRecords.completedAt, since))
			)
			.get()!.n;
	return { given: count(helpRecords.giverId), received: count(helpRecords.receiverId) };
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
