import type { Flat, HelpCategory, Membership, Role } from '../db/schema';
import { DomainError } from '../errors';

type Codes = 'name_taken' | 'already_member' | 'last_verbinder' | 'not_found' | 'admin';

/** Why a change to who lives in a flat cannot be made. */
export class MemberError extends DomainError<Codes> {
	constructor(code: Codes) {
		super('members', code);
	}
}

export type JoinInput = {
	flat: Flat;
	name: string;
	houseNumber: string | null;
	password: string;
	locale: string;
};

export type MemberRow = {
	id: number;
	userId: number;
	name: string;
	role: Role;
	status: Membership['status'];
	houseNumber: string | null;
	createdAt: Date;
	addedByAdmin: boolean;
	/** In another flat too (or the administrator): a login code is not this flat's to give. */
	elsewhere: boolean;
};

export type Profile = {
	talents: HelpCategory[];
	tags: string[];
	languages: string[];
	notifyMatches: boolean;
	showBalance: boolean;
};
