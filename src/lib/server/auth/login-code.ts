import { and, eq, gt, ne } from 'drizzle-orm';
import type { DB } from '../db';
import { loginCodes, memberships, users } from '../db/schema';
import { DomainError } from '../errors';
import * as session from './session';
import { CODE_ALPHABET, hashToken, randomCode } from './tokens';

export const LOGIN_CODE_LIFETIME = 72 * 60 * 60 * 1000;
const LENGTH = 12;

/** How a login code is shown and read out: XXXX-XXXX-XXXX. */
export function format(code: string): string {
	return code.match(/.{1,4}/g)!.join('-');
}

/** A code as typed, reduced to what is compared: its letters and digits, upper case. */
export function normalize(input: string): string {
	return input.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/** Why a flat's verbinder may not give this person a login code. */
export type Refusal = 'not_found' | 'pending' | 'elsewhere' | 'admin';

/**
 * Whether a flat may reset this account's password: only an active member whose account is in
 * this flat alone and is not the instance administrator. A code sets the password of the whole
 * account, so a code from any other account would carry a verbinder's power past the flat's
 * door (roles.ts says who else can help, and the privacy page says it to residents).
 */
export function refusal(db: DB, flatId: number, userId: number): Refusal | null {
	const user = db.select({ isAdmin: users.isAdmin }).from(users).where(eq(users.id, userId)).get();
	if (!user) return 'not_found';
	if (user.isAdmin) return 'admin';
	const here = db
		.select({ status: memberships.status })
		.from(memberships)
		.where(and(eq(memberships.flatId, flatId), eq(memberships.userId, userId)))
		.get();
	if (!here) return 'not_found';
	if (here.status !== 'active') return 'pending';
	const other = db
		.select({ id: memberships.id })
		.from(memberships)
		.where(and(eq(memberships.userId, userId), ne(memberships.flatId, flatId)))
		.get();
	return other ? 'elsewhere' : null;
}

/** A login code this flat may not give; `person` is the account's name, for the verbinder. */
export class LoginCodeError extends DomainError<Refusal> {
	constructor(
		code: Refusal,
		readonly person = ''
	) {
		super('loginCode', code);
	}
}

function nameOf(db: DB, userId: number): string {
	return db.select({ name: users.name }).from(users).where(eq(users.id, userId)).get()?.name ?? '';
}

/**
 * Issues a one-time code that lets a person set a (new) password; earlier codes for the same
 * person stop working. Only the hash is stored; the code is returned once, to pass on.
 *
 * A code of a flat (`flatId`, from its verbinder) is for an account of that flat alone, and is
 * checked again when it is used: joining a second flat in between ends it. A code without a
 * flat comes from the server's operator (the command line), who answers for every flat.
 */
export function issue(
	db: DB,
	input: { userId: number; flatId: number | null },
	now = new Date()
): string {
	const code = randomCode(LENGTH);
	db.transaction((tx) => {
		if (input.flatId !== null) {
			const refused = refusal(tx, input.flatId, input.userId);
			if (refused) throw new LoginCodeError(refused, nameOf(tx, input.userId));
		}
		tx.delete(loginCodes).where(eq(loginCodes.userId, input.userId)).run();
		tx.insert(loginCodes)
			.values({
				id: hashToken(code),
				userId: input.userId,
				flatId: input.flatId,
				expiresAt: new Date(now.getTime() + LOGIN_CODE_LIFETIME)
			})
			.run();
	});
	return format(code);
}

/** Whose code this is, while it is valid and its flat may still reset that account. */
export function check(db: DB, input: string, now = new Date()) {
	const code = normalize(input);
	if (code.length !== LENGTH || ![...code].every((c) => CODE_ALPHABET.includes(c)))
		return undefined;
	const owner = db
		.select({ userId: users.id, name: users.name, flatId: loginCodes.flatId })
		.from(loginCodes)
		.innerJoin(users, eq(users.id, loginCodes.userId))
		.where(and(eq(loginCodes.id, hashToken(code)), gt(loginCodes.expiresAt, now)))
		.get();
	if (owner && owner.flatId !== null && refusal(db, owner.flatId, owner.userId)) return undefined;
	return owner;
}

/**
 * Uses a code: sets the new password, ends the person's other sessions and the code itself.
 * Returns the user id, or undefined when the code is unknown, used, expired or no longer the
 * flat's to use.
 */
export function redeem(
	db: DB,
	input: string,
	passwordHash: string,
	now = new Date()
): number | undefined {
	return db.transaction((tx) => {
		const owner = check(tx, input, now);
		if (!owner) return undefined;
		tx.update(users).set({ passwordHash }).where(eq(users.id, owner.userId)).run();
		tx.delete(loginCodes).where(eq(loginCodes.userId, owner.userId)).run();
		session.invalidateAll(tx, owner.userId);
		return owner.userId;
	});
}
