import { DomainError } from '../errors';

/** What a verbinder does with a report. */
export type Outcome = 'hide' | 'restore' | 'remove' | 'dismiss';

export type ModerationCode = 'not_found' | 'self' | 'wrong_state';

/** A report or post that is not there, a block of oneself, or a report already handled. */
export class ModerationError extends DomainError<ModerationCode> {
	constructor(code: ModerationCode) {
		super('moderation', code);
	}
}
