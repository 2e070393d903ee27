import { and, eq, gt } from 'drizzle-orm';
import type { DB } from '../db';
import { loginCodes, users } from '../db/schema';
import * as session from './session';
import { CODE_ALPHABET, hashToken, randomCode } from './tokens';

export const LOGIN_CODE_LIFETIME = 72 * 60 * 60 * 1000;
const LENGTH = 12;

/** How a login code is shown and read out: XXXX-XXXX-XXXX. */
export function format(code: string): string {
	return code.match(/.{1,4}/g)!.join('-');
}

export function normalize(input: string): string {
	return input.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/**
 * Issues a one-time code that lets a person set a (new) password; earlier codes for the same
 * person stop working. Only the hash is stored; the code is returned once, to pass on.
 */
export function issue(
	db: DB,
	input: { userId: number; flatId: number | null },
	now = new Date()
): string {
	const code = randomCode(LENGTH);
	db.transaction((tx) => {
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

/** Whose code this is, while it is valid. */
export function check(db: DB, input: string, now = new Date()) {
	const code = normalize(input);
	if (code.length !== LENGTH || ![...code].every((c) => CODE_ALPHABET.includes(c)))
		return undefined;
	return db
		.select({ userId: users.id, name: users.name, flatId: loginCodes.flatId })
		.from(loginCodes)
		.innerJoin(users, eq(users.id, loginCodes.userId))
		.where(and(eq(loginCodes.id, hashToken(code)), gt(loginCodes.expiresAt, now)))
		.get();
}

/**
 * Uses a code: sets the new password, ends the person's other sessions and the code itself.
 * Returns the user id, or undefined when the code is unknown, used or expired.
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
