import { and, eq, isNull, lte, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { DB } from '../db';
import { memberships, spareKeys, users } from '../db/schema';
import * as notify from '../notify';
import { DAY } from '../time';
import { KeyError, REVIEW_DAYS } from './model';

/** The owner records who keeps their spare key; the holder hears of it. */
export function add(db: DB, flatId: number, ownerId: number, holderId: number, now = new Date()) {
	if (ownerId === holderId) throw new KeyError('self');
	const holder = db
		.select({ role: memberships.role })
		.from(memberships)
		.where(
			and(
				eq(memberships.flatId, flatId),
				eq(memberships.userId, holderId),
				eq(memberships.status, 'active')
			)
		)
		.get();
	if (!holder || holder.role === 'professional') throw new KeyError('not_member');
	db.transaction((tx) => {
		const made = tx
			.insert(spareKeys)
			.values({ flatId, ownerId, holderId, reviewedAt: now })
			.onConflictDoNothing()
			.returning({ id: spareKeys.id })
			.get();
		if (made) notify.record(tx, { flatId, userId: holderId, type: 'key_added', link: 'keys' });
	});
}

/** The keys this member lent and keeps, with the other's name: nobody else sees these. */
export function list(db: DB, flatId: number, userId: number) {
	const owner = alias(users, 'owner');
	const holder = alias(users, 'holder');
	return db
		.select({
			id: spareKeys.id,
			ownerId: spareKeys.ownerId,
			owner: owner.name,
			holder: holder.name,
			reviewedAt: spareKeys.reviewedAt
		})
		.from(spareKeys)
		.innerJoin(owner, eq(owner.id, spareKeys.ownerId))
		.innerJoin(holder, eq(holder.id, spareKeys.holderId))
		.where(
			and(
				eq(spareKeys.flatId, flatId),
				or(eq(spareKeys.ownerId, userId), eq(spareKeys.holderId, userId))
			)
		)
		.all()
		.map(({ ownerId, ...k }) => ({ ...k, mine: ownerId === userId }));
}

/** The key, when this member is one of its two ends; else 'not_found'. */
function oneOfTwo(db: DB, flatId: number, keyId: number, userId: number) {
	const where = and(
		eq(spareKeys.id, keyId),
		eq(spareKeys.flatId, flatId),
		or(eq(spareKeys.ownerId, userId), eq(spareKeys.holderId, userId))
	);
	if (!db.select({ id: spareKeys.id }).from(spareKeys).where(where).get())
		throw new KeyError('not_found');
	return where;
}

/** "Still fine": the next reminder comes in six months. */
export function review(db: DB, flatId: number, keyId: number, userId: number, now = new Date()) {
	const where = oneOfTwo(db, flatId, keyId, userId);
	db.update(spareKeys).set({ reviewedAt: now, reminderSentAt: null }).where(where).run();
}

/** Either of the two ends it (the key went back). */
export function end(db: DB, flatId: number, keyId: number, userId: number): void {
	db.delete(spareKeys)
		.where(oneOfTwo(db, flatId, keyId, userId))
		.run();
}

/** Every six months, both get a gentle "is this still right?". */
export function remind(db: DB, now = new Date()): number {
	return db.transaction((tx) => {
		const due = tx
			.update(spareKeys)
			.set({ reminderSentAt: now })
			.where(
				and(
					isNull(spareKeys.reminderSentAt),
					lte(spareKeys.reviewedAt, new Date(now.getTime() - REVIEW_DAYS * DAY))
				)
			)
			.returning()
			.all();
		notify.record(
			tx,
			due.flatMap((k) =>
				[k.ownerId, k.holderId].map((userId) => ({
					flatId: k.flatId,
					userId,
					type: 'key_review' as const,
					link: 'keys'
				}))
			)
		);
		return due.length;
	});
}
