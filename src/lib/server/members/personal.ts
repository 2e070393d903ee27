import { asc, eq } from 'drizzle-orm';
import type { DB } from '../db';
import { flats, memberships } from '../db/schema';
import type { Personal } from '../auth/personal';

/** A person's memberships: where they live, their role, talents and settings. */
export const personal: Personal = {
	tables: [
		{
			table: memberships,
			columns: [memberships.userId],
			erase: 'delete',
			export: { key: 'memberships' }
		}
	]
};

/**
 * Each membership as the export shows it, by flat name; other concepts add their part of each
 * one (privacy/export.ts). `id` and `flatId` are for those parts, not for the download.
 */
export function exportMemberships(db: DB, userId: number) {
	return db
		.select({ membership: memberships, flat: { name: flats.name, slug: flats.slug } })
		.from(memberships)
		.innerJoin(flats, eq(flats.id, memberships.flatId))
		.where(eq(memberships.userId, userId))
		.orderBy(asc(flats.name))
		.all()
		.map(({ membership: ms, flat }) => ({
			id: ms.id,
			flatId: ms.flatId,
			shown: {
				flat,
				role: ms.role,
				status: ms.status,
				houseNumber: ms.houseNumber,
				talents: ms.talents,
				tags: ms.tags,
				languages: ms.languages,
				settings: {
					notifyMatches: ms.notifyMatches,
					showBalance: ms.showBalance,
					welcomeDone: ms.welcomeDone,
					quietStart: ms.quietStart,
					quietEnd: ms.quietEnd
				}
			},
			joinedAt: ms.createdAt
		}));
}
