import type { BoardType, PostCategory, PostType } from '../../help';
import type { Role } from '../db/schema';
import { DomainError } from '../errors';

/** How long a post for "any time" stays on the board. */
export const FLEXIBLE_DAYS = 14;
/**
 * How long a lost or found thing stays on the board: it has no date of its own, and after two
 * weeks a neighbour has seen it or it will not be claimed here.
 */
export const LOST_FOUND_DAYS = 14;
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
	type: PostType;
	category: PostCategory;
	title: string;
	description: string;
	when: 'day' | 'period' | 'flexible';
	startDate: string | null;
	endDate: string | null;
	anonymous: boolean;
	onBehalfOf: string | null;
};

export type BoardFilter = {
	/** One type, or `lost_found` for both of those. */
	type?: BoardType;
	category?: PostCategory;
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
	/** A category of help on a lost or found post, or the other way round. */
	| 'category'
	/** The first day of a post is already over in the flat. */
	| 'past'
	/** A suggestion: the neighbour was suggested for this request already. */
	| 'suggested'
	/** The request already has its most suggestions. */
	| 'full'
	/** The verbinder made their most suggestions of the day. */
	| 'too_many'
	/** The neighbour does not fit, does not want to be suggested, or is no neighbour here. */
	| 'not_candidate';

export class HelpError extends DomainError<Codes> {
	constructor(code: Codes) {
		super('help', code);
	}
}
