import { eq } from 'drizzle-orm';
import type { DB } from '../db';
import { users } from '../db/schema';
import { hashPassword, verifyPassword } from './password';

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

/** Changes the password when the current one is right; returns whether it did. */
export async function changePassword(
	db: DB,
	userId: number,
	current: string,
	next: string
): Promise<boolean> {
	const row = db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, userId)).get();
	if (!row?.hash || !(await verifyPassword(row.hash, current))) return false;
	const passwordHash = await hashPassword(next);
	db.update(users).set({ passwordHash }).where(eq(users.id, userId)).run();
	return true;
}
