/**
 * What the flat's figures count, in the order the page, the CSV and the admin's totals show
 * them. Counts only: no measure ever names or points at a person.
 */
export const MEASURES = [
	'requests',
	'answered',
	'done',
	'offersTaken',
	'held',
	'attending',
	'newMembers',
	'gaveAndReceived'
] as const;

export type Measure = (typeof MEASURES)[number];

/** The figures look back this many months, and show one bar per month. */
export const MONTHS = 6;

/** Below this, a count is not shown: in a flat of fifty, one or two can be pointed at. */
export const THRESHOLD = 3;

/** What a count below the threshold shows as, on the page, in the chart and in the CSV. */
export const FEWER = '<3';

/** A count as it may leave the server: a number of at least 3, or "fewer than 3". */
export type Shown = number | typeof FEWER;

/** A request counts as answered quickly when its first response came within two days. */
export const ANSWER_WITHIN_MS = 2 * 24 * 60 * 60 * 1000;

/** One month of the rolling window: local dates in the flat's zone, both included. */
export type Slice = { start: string; end: string };

/** The rolling window: its months, and the instants the counts run between. */
export type Window = {
	/** The flat's local date today: the last month ends on it. */
	today: string;
	slices: Slice[];
	/** Where each month begins (ms), oldest first; the first is where the window begins. */
	bounds: number[];
	/** Now (ms): nothing from now on counts. */
	to: number;
};

/** Exact counts: they stay on the server, and only go out through `shown`. */
export type Counts = Record<Measure, { total: number; months: number[] }>;

/** The figures as the page and the CSV get them: every count through the threshold rule. */
export type Figures = {
	slices: Slice[];
	measures: { key: Measure; total: Shown; months: Shown[] }[];
};

/** The totals over every flat, for the instance admin: no month, no flat. */
export type Totals = { key: Measure; total: Shown }[];
