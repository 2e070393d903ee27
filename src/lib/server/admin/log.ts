import { and, desc, eq } from 'drizzle-orm';
import type { DB } from '../db';
import { adminLog, users } from '../db/schema';

export type AdminAction = (typeof adminLog.$inferSelect)['action'];

/** Notes what the instance administrator did to a flat, for the flat's verbinders to read. */
export function record(
	db: DB,
	input: { flatId: number; action: AdminAction; subjectId?: number | null },
	now = new Date()
): void {
	db.insert(adminLog)
		.values({
			flatId: input.flatId,
			action: input.action,
			subjectId: input.subjectId ?? null,
			createdAt: now
		})
		.run();
}

/**
 * The administrator's actions on one flat, newest first. The person's name comes from their
 * account while it exists: a deleted account leaves "a former neighbour", not a name.
 */
export function forFlat(db: DB, flatId: number, limit = 50) {
	return db
		.select({
			id: adminLog.id,
			action: adminLog.action,
			name: users.name,
			createdAt: adminLog.createdAt
		})
		.from(adminLog)
		.leftJoin(users, and(eq(users.id, adminLog.subjectId)))
		.where(eq(adminLog.flatId, flatId))
		.orderBy(desc(adminLog.createdAt), desc(adminLog.id))
		.limit(limit)
		.all();
}
