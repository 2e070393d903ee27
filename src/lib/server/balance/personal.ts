import { asc, eq, or } from 'drizzle-orm';
import type { DB } from '../db';
import { activities, flats, helpPosts, helpRecords } from '../db/schema';
import type { Personal } from '../auth/personal';

/**
 * Completed help stays in the record without the person, so nobody else's balance changes
 * when they go.
 */
export const personal: Personal = {
	tables: [
		{
			table: helpRecords,
			columns: [helpRecords.giverId, helpRecords.receiverId],
			erase: 'anonymise',
			export: { key: 'balance' }
		}
	]
};

/** The help the person gave and received, by date, without the other one's id. */
export function exportData(db: DB, userId: number) {
	const balance = db
		.select({
			flat: flats.name,
			date: helpRecords.completedAt,
			post: helpPosts.title,
			activity: activities.title,
			occurrence: helpRecords.occurrence,
			giverId: helpRecords.giverId,
			thanks: helpRecords.thanks
		})
		.from(helpRecords)
		.innerJoin(flats, eq(flats.id, helpRecords.flatId))
		.leftJoin(helpPosts, eq(helpPosts.id, helpRecords.postId))
		.leftJoin(activities, eq(activities.id, helpRecords.activityId))
		.where(or(eq(helpRecords.giverId, userId), eq(helpRecords.receiverId, userId)))
		.orderBy(asc(helpRecords.completedAt), asc(helpRecords.id))
		.all()
		.map(({ giverId, ...r }) => ({
			...r,
			role: giverId === userId ? ('given' as const) : ('received' as const)
		}));
	return { balance };
}
