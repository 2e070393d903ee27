import type { OpeningHours } from '../db/schema';
import { addDays, localDate, localTime } from '../time';

/**
 * Whether a place is open at an instant, read on the flat's wall clock. `closesAt` is the
 * time it closes (maybe after midnight); `opensAt` the next time it opens: the weekday
 * (0 = Sunday), the time and how many days from today (0 today, 1 tomorrow …, 7 the same
 * weekday next week).
 */
export type OpenState = {
	open: boolean;
	closesAt?: string;
	opensAt?: { day: number; time: string; inDays: number };
};

/** The weekday (0 = Sunday … 6 = Saturday) of a local date, whatever the server's zone. */
export function weekday(date: string): number {
	return new Date(`${date}T12:00:00Z`).getUTCDay();
}

/** A range whose end is not after its start runs past midnight: 22:00–02:00. */
export const crossesMidnight = ([start, end]: [string, string]) => end <= start;

const rangesOf = (hours: OpeningHours, day: number) =>
	[...(hours[day] ?? [])].sort((a, b) => a[0].localeCompare(b[0]));

/**
 * Open now? Times are local wall times, so "09:00" means 09:00 on the flat's clock in
 * summer and in winter. A range that runs past midnight belongs to the day it starts:
 * at 01:00 on Saturday, Friday's 22:00–02:00 is still open.
 */
export function isOpen(hours: OpeningHours, timeZone: string, now = new Date()): OpenState {
	const today = localDate(now, timeZone);
	const time = localTime(now, timeZone);
	const day = weekday(today);

	for (const range of rangesOf(hours, (day + 6) % 7))
		if (crossesMidnight(range) && time < range[1]) return { open: true, closesAt: range[1] };
	for (const range of rangesOf(hours, day)) {
		const [start, end] = range;
		if (crossesMidnight(range) ? time >= start : time >= start && time < end)
			return { open: true, closesAt: end };
	}

	for (let inDays = 0; inDays <= 7; inDays++) {
		const d = weekday(addDays(today, inDays));
		const next = rangesOf(hours, d).find(([start]) => inDays > 0 || start > time);
		if (next) return { open: false, opensAt: { day: d, time: next[0], inDays } };
	}
	return { open: false };
}

/** Whether any day has opening hours at all (no hours: the page shows no open/closed badge). */
export function hasHours(hours: OpeningHours): boolean {
	return hours.some((day) => day.length > 0);
}
