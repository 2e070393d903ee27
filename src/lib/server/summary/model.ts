import type { HelpType } from '$lib/help';
import { summaryInFlat } from '$lib/stored-links';
import type { NoticeView } from '../notices';
import type { HelpPost, Role } from '../db/schema';

/** A flat's weekly summary moment: a day of the week (0 = Sunday) at a local time, in its zone. */
export type Schedule = { timeZone: string; summaryDay: number; summaryTime: string };

/** What the summary needs of a flat. */
export type SummaryFlat = Schedule & { id: number; name: string; createdAt: Date };

/** Who reads a summary: what their role may see, whose posts they do not meet (blocks). */
export type Reader = { userId: number; role: Role };

/**
 * A server that was off longer than this after a summary was due skips that week: a summary
 * about Sunday that arrives on Monday afternoon tells nobody anything new.
 */
export const LATE_LIMIT = 12 * 60 * 60 * 1000;

/** The activities a summary lists: those in the week after it. */
export const AHEAD_DAYS = 7;

/** At most this many new posts in a summary: beyond that, the board has them. */
export const MAX_POSTS = 50;

/** The stored link of the summary page, inside its flat. */
export const SUMMARY_LINK = summaryInFlat();

/** A new open request or offer, as the board shows it; the name is null for "a neighbour". */
export type SummaryPost = {
	id: number;
	type: HelpType;
	category: HelpPost['category'];
	title: string;
	when: 'day' | 'period' | 'flexible';
	startDate: string | null;
	endDate: string | null;
	status: string;
	authorName: string | null;
	onBehalfOf: string | null;
	mine: boolean;
};

/** An activity in the week after the summary. */
export type SummaryActivity = {
	activityId: number;
	occurrence: string;
	date: string;
	startTime: string;
	title: string;
	place: string;
	cancelled: boolean;
};

/**
 * One reader's summary: the window it covers, and what their role may see of it (null: the
 * role may not see that part at all, so the page leaves out its heading too).
 */
export type Summary = {
	since: Date;
	until: Date;
	posts: SummaryPost[] | null;
	activities: SummaryActivity[] | null;
	notices: NoticeView[] | null;
	/** How many things it lists: the push says it. */
	count: number;
	/** Whether anything in it is new since the last summary: if not, nothing is sent. */
	news: boolean;
};
