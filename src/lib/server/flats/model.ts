import { DomainError } from '../errors';
import type { JoinMode } from '../db/schema';

/** What the admin (or setup) gives for a new flat; the join code is made here. */
export type NewFlat = { name: string; slug: string; timeZone: string; joinMode: JoinMode };

export type FlatCode = 'slug_taken' | 'not_found';

/** The slug is somebody else's (the form points at it, refusals.ts), or no such flat. */
export class FlatError extends DomainError<FlatCode> {
	constructor(code: FlatCode) {
		super('flats', code);
	}
}
