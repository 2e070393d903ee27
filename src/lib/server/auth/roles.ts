import type { Role } from '../db/schema';

export const ROLES = ['resident', 'verbinder', 'professional'] as const satisfies readonly Role[];

/**
 * The role matrix: what each role of a membership may do inside its flat. Every load and
 * action asks `can` through the guard; nothing else decides access. Professionals (flat
 * coaches, housing corporation) never see help posts, messages or balances: residents
 * trust the board because "the eyes of the government" are not on it.
 */
export const MATRIX = {
	'flat.view': ['resident', 'verbinder', 'professional'],
	'help.view': ['resident', 'verbinder'],
	'help.post': ['resident', 'verbinder'],
	'messages.view': ['resident', 'verbinder'],
	'balance.view': ['resident', 'verbinder'],
	'keys.use': ['resident', 'verbinder'],
	'members.view': ['verbinder'],
	'members.manage': ['verbinder'],
	'members.houseNumbers': ['verbinder'],
	'joinCode.view': ['verbinder'],
	'joinCode.rotate': ['verbinder'],
	'flat.joinMode': ['verbinder'],
	'loginCode.issue': ['verbinder'],
	'reports.manage': ['verbinder'],
	'calendar.view': ['resident', 'verbinder', 'professional'],
	/** Residents' activities wait for a verbinder unless the flat lets them publish. */
	'calendar.add': ['resident', 'verbinder', 'professional'],
	'calendar.rsvp': ['resident', 'verbinder'],
	/** Who is coming by first name; professionals see how many, not who. */
	'calendar.attendees': ['resident', 'verbinder'],
	'calendar.settings': ['verbinder'],
	'calendar.poster': ['verbinder'],
	/** Everyone reads the social map (flat.view); verbinders and professionals keep it up to date. */
	'map.edit': ['verbinder', 'professional'],
	/** The welcome text and the welcome sheet: written by those who welcome new neighbours. */
	'welcome.edit': ['verbinder', 'professional'],
	/** Notices to the whole flat ("the lift is out of order"): everyone reads them. */
	'notices.view': ['resident', 'verbinder', 'professional'],
	'notices.write': ['verbinder', 'professional'],
	/** The weekly summary's day and time, and after how many days a request waits. */
	'flat.summary': ['verbinder'],
	/** Requests waiting for a neighbour, and suggesting one who fits. */
	'help.waiting': ['verbinder'],
	'help.suggest': ['verbinder'],
	/** The flat's figures: counts only, never names. */
	'figures.view': ['verbinder', 'professional']
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof MATRIX;

/*
 * Beside the matrix, the rule for getting back in. A login code sets the password of a whole
 * account, so a flat's verbinder ('loginCode.issue') gives one only to an active member whose
 * account is in that flat alone (auth/login-code.ts `refusal`, checked again when it is used).
 * Someone in several flats (a flat coach, a resident of two blocks) gets a code from the
 * server's operator (`npm run admin -- login-code`), which every one of their flats sees in its
 * administrator's log. The instance administrator is an identity apart: in no flat, never given
 * a code by a flat, and whatever they do to a flat is announced to it (admin/log.ts).
 */

/** Whether a role may do something. */
export function can(role: Role, permission: Permission): boolean {
	return (MATRIX[permission] as readonly Role[]).includes(role);
}
