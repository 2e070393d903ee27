import { and, desc, eq, inArray } from 'drizzle-orm';
import { listOf, prepared, type DB } from '../db';
import { pushOutbox, pushSubscriptions } from '../db/schema';
import { FOLD_MS, type OutgoingPush, type Payload } from './model';
import { kick } from './worker';

const devicesOf = prepared((db) =>
	db
		.select({ id: pushSubscriptions.id, userId: pushSubscriptions.userId })
		.from(pushSubscriptions)
		.where(inArray(pushSubscriptions.userId, listOf('userIds')))
		.prepare()
);

/**
 * Puts pushes in the outbox, one per device of each user: held through quiet hours and
 * folded per thread. The worker sends them off the request path, within a second. Returns
 * how many went in.
 */
export function queue(db: DB, pushes: OutgoingPush[], now = new Date()): number {
	if (pushes.length === 0) return 0;
	const devices = devicesOf(db).all({
		userIds: JSON.stringify([...new Set(pushes.map((p) => p.userId))])
	});
	let queued = 0;
	for (const p of pushes) {
		const payload = { title: p.title, body: p.body, url: p.url, tag: p.url };
		for (const device of devices.filter((d) => d.userId === p.userId)) {
			queueOne(db, device.id, p, payload, now);
			queued++;
		}
	}
	if (queued) kick();
	return queued;
}

/** One push for one device: folded into a waiting push of the same thread, or queued. */
function queueOne(db: DB, subscriptionId: number, p: OutgoingPush, payload: Payload, now: Date) {
	const last = db
		.select()
		.from(pushOutbox)
		.where(and(eq(pushOutbox.subscriptionId, subscriptionId), eq(pushOutbox.thread, p.thread)))
		.orderBy(desc(pushOutbox.createdAt), desc(pushOutbox.id))
		.limit(1)
		.get();
	if (last?.status === 'pending') {
		db.update(pushOutbox)
			.set({ payload, count: last.count + 1 })
			.where(eq(pushOutbox.id, last.id))
			.run();
		return;
	}
	const foldUntil =
		last?.status === 'sent' && last.sentAt && now.getTime() - last.sentAt.getTime() < FOLD_MS
			? new Date(last.sentAt.getTime() + FOLD_MS)
			: now;
	const notBefore = new Date(Math.max(foldUntil.getTime(), p.quietUntil?.getTime() ?? 0));
	db.insert(pushOutbox)
		.values({
			subscriptionId,
			userId: p.userId,
			flatId: p.flatId,
			thread: p.thread,
			payload,
			aboutUserId: p.about ?? null,
			quiet: !!p.quietUntil,
			notBefore,
			createdAt: now
		})
		.run();
}

/** Drops a user's pushes from one flat that are still waiting to go out. */
export function dropPending(db: DB, flatId: number, userId: number): void {
	db.delete(pushOutbox)
		.where(
			and(
				eq(pushOutbox.flatId, flatId),
				eq(pushOutbox.userId, userId),
				eq(pushOutbox.status, 'pending')
			)
		)
		.run();
}
