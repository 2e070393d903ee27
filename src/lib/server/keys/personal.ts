import { eq, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { DB } from '../db';
import { flats, spareKeys, users } from '../db/schema';
import type { Personal } from '../auth/personal';

/** Who keeps whose spare key: the pair ends when either of the two goes. */
export const personal: Personal = {
	tables: [
		{
			table: spareKeys,
			columns: [spareKeys.ownerId, spareKeys.holderId],
			erase: 'delete',
			export: { key: 'spareKeys' }
		}
	]
};

/** The person's key kept by someone, and the keys they keep, by the other one's first name. */
export function exportData(db: DB, userId: number) {
	const owner = alias(users, 'owner');
	const holder = alias(users, 'holder');
	const keys = db
		.select({
			flat: flats.name,
			ownerId: spareKeys.ownerId,
			owner: owner.name,
			holder: holder.name,
			createdAt: spareKeys.createdAt,
			reviewedAt: spareKeys.reviewedAt
		})
		.from(spareKeys)
		.innerJoin(flats, eq(flats.id, spareKeys.flatId))
		.innerJoin(owner, eq(owner.id, spareKeys.ownerId))
		.innerJoin(holder, eq(holder.id, spareKeys.holderId))
		.where(or(eq(spareKeys.ownerId, userId), eq(spareKeys.holderId, userId)))
		.all()
		.map(({ ownerId, owner: ownerName, holder: holderName, ...k }) =>
			ownerId === userId
				? { ...k, yourKey: true, keptBy: holderName }
				: { ...k, yourKey: false, keyOf: ownerName }
		);
	return { spareKeys: keys };
}
