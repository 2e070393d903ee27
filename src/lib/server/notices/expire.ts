import { asc, eq, inArray, lt } from 'drizzle-orm';
import type { DB } from '../db';
import { flats, notices } from '../db/schema';
import { addDays, localDate } from '../time';
import { EXPIRE_BATCH } from './model';

/**
 * The retention step: a notice whose last day is over in its own flat is removed, texts and
 * counts with it. No zone is more than a day ahead of UTC, so only notices that ended by
 * today in UTC can be over anywhere; each is then checked against its own flat's today. At
 * most `EXPIRE_BATCH` a round, the oldest first. Returns how many went.
 */
export function expire(db: DB, now = new Date()): number {
	const latest = addDays(localDate(now, 'UTC'), 1);
	const over = db
		.select({ id: notices.id, validUntil: notices.validUntil, timeZone: flats.timeZone })
		.from(notices)
		.innerJoin(flats, eq(flats.id, notices.flatId))
		.where(lt(notices.validUntil, latest))
		.orderBy(asc(notices.validUntil))
		.limit(EXPIRE_BATCH)
		.all()
		.filter((n) => n.validUntil < localDate(now, n.timeZone))
		.map((n) => n.id);
	if (over.length === 0) return 0;
	return db.delete(notices).where(inArray(notices.id, over)).run().changes;
}
