import { eq } from 'drizzle-orm';
import type { DB } from '../db';
import { users } from '../db/schema';
import { hashPassword, verifyPassword } from './password';
import * as session from './session';

/** The account's own settings: language and password. */
export function get(db: DB, userId: number) {
	return db
		.select({ id: users.id, name: users.name, locale: users.locale, isAdmin: users.isAdmin })
		.from(users)
		.where(eq(users.id, userId))
		.get();
}

export function setLocale(db: DB, userId: number, locale: string): void {
	db.update(users).set({ locale }).where(eq(users.id, userId)).run();
}

/**
 * Changes the password when the current one is right; returns whether it did. Every other
 * session of the account ends (a phone left logged in elsewhere, or someone who knew the old
 * password); `keepSessionId`, the device making the change, stays logged in.
 */
export async function changePassword(
	db: DB,
	input: { userId: number; keepSessionId: string; current: string; next: string }
): Promise<boolean> {
	const { userId } = input;
	const row = db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, userId)).get();
	if (!row?.hash || !(await verifyPassword(row.hash, input.current))) return false;
	const passwordHash = await hashPassword(input.next);
	db.transaction((tx) => {
		tx.update(users).set({ passwordHash }).where(eq(users.id, userId)).run();
		session.invalidateOthers(tx, userId, input.keepSessionId);
	});
	return true;
}
