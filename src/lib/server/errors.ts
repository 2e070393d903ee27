/**
 * The one kind of error a domain verb throws when a person asked for something that is not
 * theirs to do or no longer fits (someone else was quicker, the activity is full). Each concept
 * names its own codes in its `model.ts` with a subclass, so `help.HelpError` still narrows;
 * routes never map codes themselves: `$lib/server/action.ts` turns every one into an answer,
 * with the words from `$lib/server/refusals.ts`.
 *
 * Anything else thrown is a bug and reaches the log as a 500.
 */
export class DomainError<C extends string = string> extends Error {
	constructor(
		/** The concept that refused, the first half of its entry in the refusals table. */
		readonly concept: Concept,
		readonly code: C
	) {
		super(code);
		this.name = 'DomainError';
	}
}

export type Concept =
	| 'account'
	| 'calendar'
	| 'flats'
	| 'help'
	| 'keys'
	| 'loginCode'
	| 'members'
	| 'moderation'
	| 'notices'
	| 'privacy'
	| 'push'
	| 'setup'
	| 'socialmap';
