import { DomainError } from '../errors';
import type { NoticeKind } from '$lib/notices';

export { NOTICE_KINDS, NOTICE_MAX_DAYS, type NoticeKind } from '$lib/notices';

/** Every notice is written in Dutch at least; it is the language every other falls back to. */
export const MAIN_LANGUAGE = 'nl';

/** At most this many notices leave the database in one retention round; the next takes the rest. */
export const EXPIRE_BATCH = 500;

/** One language version of a notice, as its writer typed it. */
export type NoticeText = { locale: string; title: string; body: string };

/** A notice as its writer sends it: Dutch always among the texts. */
export type NoticeInput = {
	kind: NoticeKind;
	validFrom: string;
	validUntil: string;
	texts: NoticeText[];
};

/** A notice as a neighbour reads it: in their language, else in Dutch, with the other languages. */
export type NoticeView = {
	id: number;
	kind: NoticeKind;
	title: string;
	body: string;
	/** The language of the title and body shown. */
	locale: string;
	/** The other languages it is written in, Dutch first. */
	alsoIn: string[];
	validFrom: string;
	validUntil: string;
};

/** How many of the flat's households have seen a notice: counts, never who. */
export type SeenCount = { seen: number; of: number };

export type NoticeCode =
	| 'not_found'
	| 'not_allowed'
	/** The first day is already over in the flat. */
	| 'past'
	/** The last day comes before the first. */
	| 'order'
	/** Longer than eight weeks. */
	| 'too_long'
	/** No Dutch text, or a language that is not the app's. */
	| 'texts';

/** A notice that is not there (or not in this flat), or a change its writer may not make. */
export class NoticeError extends DomainError<NoticeCode> {
	constructor(code: NoticeCode) {
		super('notices', code);
	}
}
