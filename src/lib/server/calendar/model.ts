import type { Recurrence, Role } from '../db/schema';
import { DomainError } from '../errors';

/** An occurrence moves at most a month either way; the agenda looks that far around it. */
export const MOVE_DAYS = 31;
export const AGENDA_DAYS = 28;
export const MAX_GUESTS = 5;

export type FlatRef = {
	id: number;
	timeZone: string;
	residentActivities: 'propose' | 'publish';
};
export type Actor = { userId: number; role: Role };

export type ActivityInput = {
	title: string;
	description: string;
	place: string;
	startDate: string;
	startTime: string;
	endTime: string;
	recurrence: Recurrence;
	untilDate: string | null;
	count: number | null;
	capacity: number | null;
	helpersWanted: number;
};

export type OccurrenceChange = {
	date: string;
	startTime: string;
	endTime: string;
	place: string;
	note: string | null;
};

type Codes = 'not_found' | 'not_allowed' | 'past' | 'cancelled' | 'full' | 'wrong_state';

/** What the calendar refuses; the words for each code are in `$lib/server/refusals.ts`. */
export class CalendarError extends DomainError<Codes> {
	constructor(code: Codes) {
		super('calendar', code);
	}
}

/** Links relative to the flat, as notifications store them. */
export const activityLink = (id: number) => `calendar/${id}`;
export const occurrenceLink = (id: number, date: string) => `calendar/${id}/${date}`;

/** One occurrence as people see it: the series' values with this date's change applied. */
export type Occurrence = {
	activityId: number;
	/** The date the rule gives (the key of RSVPs and changes). */
	occurrence: string;
	date: string;
	startTime: string;
	endTime: string;
	start: Date;
	end: Date;
	title: string;
	description: string;
	place: string;
	note: string | null;
	recurrence: Recurrence;
	capacity: number | null;
	helpersWanted: number;
	cancelled: boolean;
	reason: string | null;
	changed: boolean;
	paused: boolean;
};

export type AgendaItem = Occurrence & {
	coming: number;
	helpers: number;
	mine: 'coming' | 'helping' | 'waiting' | null;
};

export type Attendee = { userId: number; name: string; guests: number };
