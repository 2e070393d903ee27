import { DomainError } from '../errors';
import { pollInFlat } from '$lib/stored-links';

/** A poll closes by itself this long after it opened, when nobody turned it into an activity. */
export const POLL_OPEN_DAYS = 14;

export type PollInput = {
	title: string;
	description: string;
	place: string;
	options: { date: string; startTime: string; endTime: string }[];
};

/** One offered date as people see it: how many it suits, and who where the role may know. */
export type PollOptionView = {
	id: number;
	date: string;
	startTime: string;
	endTime: string;
	count: number;
	/** First names of who ticked it; null for a role that sees counts only. */
	names: string[] | null;
	/** Whether the person looking ticked it. */
	mine: boolean;
	/** Ticked by the most (with others, when they tie); never when nobody ticked. */
	top: boolean;
};

export type PollView = {
	id: number;
	title: string;
	description: string;
	place: string;
	status: 'open' | 'decided' | 'closed';
	activityId: number | null;
	/** The date and start the activity has, once decided. */
	decided: { date: string; startTime: string } | null;
	closesAt: Date;
	authorName: string | null;
	/** Best suited first: by count, then by date; equal counts stay equal (no winner is picked). */
	options: PollOptionView[];
};

type Codes = 'not_found' | 'not_allowed' | 'past' | 'poll_options' | 'poll_closed';

/** What a date poll refuses; it is part of the calendar, so its words are the calendar's row. */
export class PollError extends DomainError<Codes> {
	constructor(code: Codes) {
		super('calendar', code);
	}
}

/** A poll's link relative to the flat, as notifications store it. */
export const pollLink = (id: number) => pollInFlat(id);
