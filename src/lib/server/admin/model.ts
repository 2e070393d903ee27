import { DomainError } from '../errors';

export type SetupCode = 'setup_done';

/** Setup was finished by someone else meanwhile: the page answers as if it never was. */
export class SetupError extends DomainError<SetupCode> {
	constructor(code: SetupCode = 'setup_done') {
		super('setup', code);
	}
}
