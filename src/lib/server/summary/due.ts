import { addDays, localDate, localInstant } from '../time';
import { LATE_LIMIT, type Schedule } from './model';

/** The day of the week (0 = Sunday) of a local date, read as a calendar date. */
const weekday = (date: string) => new Date(`${date}T12:00:00Z`).getUTCDay();

/**
 * The flat's latest summary moment at or before `now`: its day of the week at its local time,
 * in its own zone. Worked out from the local date, so 18:00 stays 18:00 across a change of
 * summer time (16:00 UTC in Amsterdam on the Sunday it starts, 17:00 UTC in winter).
 */
export function dueAt(flat: Schedule, now: Date): Date {
	const today = localDate(now, flat.timeZone);
	const back = (weekday(today) - flat.summaryDay + 7) % 7;
	const date = addDays(today, -back);
	const at = localInstant(date, flat.summaryTime, flat.timeZone);
	return at <= now ? at : localInstant(addDays(date, -7), flat.summaryTime, flat.timeZone);
}

/** The summary moment before `due`: where "new since the last one" begins when none was sent. */
export function previousDue(flat: Schedule, due: Date): Date {
	return dueAt(flat, new Date(due.getTime() - 1));
}

/**
 * Whether a summary due at `due` is still to be sent at `now`: after the flat began (a new flat
 * waits for its first whole week) and not longer ago than the late limit.
 */
export function inTime(flat: { createdAt: Date }, due: Date, now: Date): boolean {
	return due > flat.createdAt && now.getTime() - due.getTime() < LATE_LIMIT;
}
