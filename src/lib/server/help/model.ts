import type { HelpCategory, Role } from '../db/schema';
import { DomainError } from '../errors';

/** How long a post for "any time" stays on the board. */
export const FLEXIBLE_DAYS = 14;
/** What "two weeks longer" adds, once per post. */
export const EXTEND_DAYS = 14;
/** "Done" that the other one did not confirm counts as confirmed after this. */
export const AUTO_CONFIRM_DAYS = 7;
/** The longest period a request may ask for: longer sounds like care, not a favour. */
export const MAX_PERIOD_DAYS = 42;
/** Posts on one page of the board. */
export const PAGE_SIZE = 20;

export type FlatRef = { id: number; timeZone: string };
export type Author = { userId: number; role: Role };

export type PostInput = {
	type: 'offer' | 'request';
	category: HelpCategory;
	title: string;
	description: string;
	when: 'day' | 'period' | 'flexible';
	startDate: string | null;
	endDate: string | null;
	anonymous: boolean;
	onBehalfOf: string | null;
};

export type BoardFilter = {
	type?: 'offer' | 'request';
	category?: HelpCategory;
	mine?: boolean;
	page?: number;
};

/** Reasons to remind someone, kindly, that neighbours help now and then (see light.ts). */
export type Concern = 'repeat' | 'long' | 'care';

/**
 * What the post form shows before a post goes up: a kind word about light help (`concerns`)
 * or about harsh words. A period too long (`long`) cannot go up at all.
 */
export type Check = { concerns: Concern[]; harsh: boolean };

type Codes =
	| 'not_found'
	| 'not_allowed'
	| 'wrong_state'
	| 'already'
	| 'own_post'
	| 'once'
	/** The first day of a post is already over in the flat. */
	| 'past';

export class HelpError extends DomainError<Codes> {
	constructor(code: Codes) {
		super('help', code);
	}
}
