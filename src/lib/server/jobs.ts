import type { DB } from './db';
import { sweepLimits } from './auth/rate-limit';
import { round } from './clock';
import * as privacy from './privacy';
import * as summary from './summary';

const EVERY = 10 * 60 * 1000;
const DAILY = 24 * 60 * 60 * 1000;

/**
 * The server's own clock: every ten minutes it sends the weekly summaries that are due (giving
 * way between flats), closes posts past their time, reminds authors
 * the day before, confirms help nobody confirmed within a week, reminds neighbours of the
 * day's activities, counts finished helping at them, and asks every six months
 * whether a spare key is still where it was; once a day it deletes what is kept no longer
 * (see privacy.retention), and rate-limit windows that have ended go every round. Each step is
 * safe to repeat, so a restart or a missed run loses nothing. With several server processes
 * (WORKERS) only one runs it (hooks.server.ts): the rounds would otherwise send reminders twice.
 */
export function startJobs(db: DB): void {
	// Old data is cleaned up once a day (and at start): a restart just runs it a little early.
	let cleanedAt = 0;
	const run = async () => {
		// The weekly summaries on their own, giving way between flats; the round below leaves them out.
		try {
			const sent = await summary.drain(db);
			if (sent.summaries) console.log('weekly summaries', sent);
		} catch (e) {
			console.error('weekly summaries failed', e);
		}
		try {
			const done = round(db, new Date(), { summaries: false });
			if (Object.values(done).some(Boolean)) console.log('housekeeping', done);
			sweepLimits(db);
		} catch (e) {
			console.error('housekeeping failed', e);
		}
		if (Date.now() - cleanedAt < DAILY) return;
		cleanedAt = Date.now();
		try {
			const gone = privacy.retention(db);
			if (Object.values(gone).some(Boolean)) console.log('retention', gone);
		} catch (e) {
			console.error('retention failed', e);
		}
	};
	// The first round runs just after start, so the server listens without waiting for it.
	setTimeout(() => void run(), 1000).unref();
	setInterval(() => void run(), EVERY).unref();
}
