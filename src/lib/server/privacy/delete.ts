import { and, asc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { DB } from '../db';
import { flats, memberships, users } from '../db/schema';
import { checkLogin } from '../auth/password';
import * as account from '../account';
import { PrivacyError } from './model';

/** The first flat (by name) this user is the last active verbinder of, if any: one query. */
function lastVerbinderOf(db: DB, userId: number): string | undefined {
	const verbinders = alias(memberships, 'verbinders');
	return db
		.select({ name: flats.name })
		.from(memberships)
		.innerJoin(flats, eq(flats.id, memberships.flatId))
		.innerJoin(
			verbinders,
			and(
				eq(verbinders.flatId, memberships.flatId),
				eq(verbinders.role, 'verbinder'),
				eq(verbinders.status, 'active')
			)
		)
		.where(
			and(
				eq(memberships.userId, userId),
				eq(memberships.role, 'verbinder'),
				eq(memberships.status, 'active')
			)
		)
		.groupBy(memberships.flatId)
		.having(sql`count(*) <= 1`)
		.orderBy(asc(flats.name))
		.get()?.name;
}

/**
 * Why this account cannot be deleted by its owner, or null when it can: an instance admin
 * cannot delete themself, and a flat is never left without a verbinder.
 */
export function deleteRefusal(db: DB, userId: number): PrivacyError | null {
	const user = db.select({ isAdmin: users.isAdmin }).from(users).where(eq(users.id, userId)).get();
	if (!user) return new PrivacyError('not_found');
	if (user.isAdmin) return new PrivacyError('admin');
	const flat = lastVerbinderOf(db, userId);
	return flat ? new PrivacyError('last_verbinder', flat) : null;
}

/** True when this is the account's password; takes as long when the account has none. */
export async function checkPassword(db: DB, userId: number, password: string): Promise<boolean> {
	const found = db
		.select({ passwordHash: users.passwordHash })
		.from(users)
		.where(eq(users.id, userId))
		.get();
	return checkLogin(found, password);
}

/**
 * Deletes an account for good, in one transaction, unless its owner may not (see
 * deleteRefusal). What happens to what they wrote is `account.erase`'s job.
 */
export function deleteAccount(db: DB, userId: number, now = new Date()): void {
	db.transaction((tx) => {
		const refusal = deleteRefusal(tx, userId);
		if (refusal) throw refusal;
		account.erase(tx, userId, now);
	});
}

/**
 * The owner deletes their account with its password typed once more: 'wrong_password', or a
 * refusal of `deleteAccount`.
 */
export async function deleteWithPassword(
	db: DB,
	userId: number,
	password: string,
	now = new Date()
): Promise<void> {
	if (!(await checkPassword(db, userId, password))) throw new PrivacyError('wrong_password');
	deleteAccount(db, userId, now);
}
