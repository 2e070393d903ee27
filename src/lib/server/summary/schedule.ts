import { eq } from 'drizzle-orm';
import type { DB } from '../db';
import { flats } from '../db/schema';

/**
 * A verbinder sets when the flat's weekly summary goes out. The next one goes out at the new
 * moment and counts what is new from the last one sent, so moving it tells nothing twice.
 */
export function setSchedule(db: DB, flatId: number, schedule: { day: number; time: string }): void {
	db.update(flats)
		.set({ summaryDay: schedule.day, summaryTime: schedule.time })
		.where(eq(flats.id, flatId))
		.run();
}
