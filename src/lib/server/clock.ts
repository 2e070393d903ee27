import type { DB } from './db';
import * as calendar from './calendar';
import * as help from './help';
import * as keys from './keys';
import * as summary from './summary';

// Apart from jobs.ts, which also starts timers and sweeps rate limits: the operator's command
// line runs a round by hand and loads none of the server's request machinery.

/**
 * One round of the clock at `now`: what each concept does when time passes, with counts of
 * what it did. The operator can run one by hand (`npm run admin -- tick`), at a given instant.
 * The server sends the weekly summaries apart (`summary.drain`, giving way between flats), so
 * its round leaves them out rather than go through every flat again in one go.
 */
export function round(db: DB, now = new Date(), { summaries = true } = {}): Record<string, number> {
	return {
		...help.tick(db, now),
		...help.waitingTick(db, now),
		...calendar.tick(db, now),
		...calendar.closePolls(db, now),
		keysToReview: keys.remind(db, now),
		...(summaries ? summary.tick(db, now) : {})
	};
}
