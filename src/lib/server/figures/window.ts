import { addDays, localDate, startOfDay } from '../time';
import { MONTHS, type Window } from './model';

/** A local date moved by whole months; a day the month lacks becomes its last (31 Aug → 28 Feb). */
export function addMonths(date: string, months: number): string {
	const [y, m, d] = date.split('-').map(Number) as [number, number, number];
	const first = new Date(Date.UTC(y, m - 1 + months, 1));
	const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
	first.setUTCDate(Math.min(d, last));
	return first.toISOString().slice(0, 10);
}

/**
 * The six months up to now, in the flat's zone: whole local days, the last month ending
 * today (so on 5 December the window runs from 6 June). Older rows are forgotten by design:
 * the figures never reach further back, however long the flat has been on the board.
 */
export function rollingWindow(now: Date, timeZone: string): Window {
	const today = localDate(now, timeZone);
	const starts = Array.from({ length: MONTHS }, (_, i) => addDays(addMonths(today, i - MONTHS), 1));
	return {
		today,
		slices: starts.map((start, i) => ({
			start,
			end: i + 1 < MONTHS ? addDays(starts[i + 1]!, -1) : today
		})),
		bounds: starts.map((start) => startOfDay(start, timeZone).getTime()),
		to: now.getTime()
	};
}

/** Which month of the window a local date falls in, or -1 outside it. */
export function sliceOf(window: Window, date: string): number {
	for (let i = window.slices.length - 1; i >= 0; i--) {
		const slice = window.slices[i]!;
		if (date >= slice.start && date <= slice.end) return i;
	}
	return -1;
}
