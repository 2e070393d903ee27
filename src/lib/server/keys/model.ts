import { DomainError } from '../errors';

/** How long a spare key goes without a check before both get a reminder: half a year. */
export const REVIEW_DAYS = 182;

export type KeyCode = 'not_found' | 'self' | 'not_member';

/** A key that is not one of yours, or a holder who cannot hold it (yourself, not a neighbour). */
export class KeyError extends DomainError<KeyCode> {
	constructor(code: KeyCode) {
		super('keys', code);
	}
}
