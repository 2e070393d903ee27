import type { DB } from './db';
import * as calendar from './calendar';
import * as help from './help';
import * as keys from './keys';

const EVERY = 10 * 60 * 1000;

/**
 * The server's own clock: every ten minutes it closes posts past their time, reminds authors
 * the day before, confirms help nobody confirmed within a week, reminds neighbours of the
 * day's activities, counts finished helping at them, and asks every six months
 * whether a spare key is still where it was. Each step is safe to
 * repeat, so a restart or a missed run loses nothing.
 */
export function startJobs(db: DB): void {
	const run = () => {
		try {
			const done = { ...help.tick(db), ...calendar.tick(db), keysToReview: keys.remind(db) };
			if (Object.values(done).some(Boolean)) console.log('housekeeping', done);
		} catch (e) {
			console.error('housekeeping failed', e);
		}
	};
	run();
	setInterval(run, EVERY).unref();
}
