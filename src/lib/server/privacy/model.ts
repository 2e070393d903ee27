import { DomainError } from '../errors';

/** How long things are kept; the public privacy page says the same in words. */
export const KEEP = {
	/** A closed or expired post, with its answers and messages, after it closed. */
	postMonths: 12,
	/** A message in a thread, whatever the post's state. */
	messageMonths: 6,
	/** A notification that was read. */
	readNotificationMonths: 3,
	/** A push that went out (or could not). */
	pushDays: 7
} as const;

type Codes = 'not_found' | 'admin' | 'last_verbinder' | 'wrong_password';

/** Why an account cannot be deleted (now). */
export class PrivacyError extends DomainError<Codes> {
	constructor(
		code: Codes,
		/** The flat that would be left without a verbinder. */
		readonly flat?: string
	) {
		super('privacy', code);
	}
}
