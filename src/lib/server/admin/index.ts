import { and, eq } from 'drizzle-orm';
import type { DB } from '../db';
import { users } from '../db/schema';
import { hashPassword } from '../auth/password';
import * as loginCode from '../auth/login-code';
import * as flats from '../flats';
import * as members from '../members';
import { cleanName, nameKey } from '../members/name';

export class SetupError extends Error {
	constructor() {
		super('setup_done');
	}
}

/** Whether the first-run setup is still open: only while there is no flat at all. */
export function setupOpen(db: DB): boolean {
	return flats.count(db) === 0;
}

/** First run: the instance admin's account and the first flat, together or not at all. */
export async function setup(
	db: DB,
	input: { adminName: string; password: string; locale: string; flat: flats.NewFlat }
): Promise<{ userId: number; flatSlug: string }> {
	const passwordHash = await hashPassword(input.password);
	return db.transaction((tx) => {
		if (!setupOpen(tx)) throw new SetupError();
		const name = cleanName(input.adminName);
		const user = tx
			.insert(users)
			.values({ name, nameKey: nameKey(name), passwordHash, locale: input.locale, isAdmin: true })
			.returning({ id: users.id })
			.get();
		const flat = flats.create(tx, input.flat);
		return { userId: user.id, flatSlug: flat.slug };
	});
}

/** The admin account that may log in with this name. */
export function forLogin(db: DB, name: string) {
	return db
		.select({ userId: users.id, passwordHash: users.passwordHash, locale: users.locale })
		.from(users)
		.where(and(eq(users.isAdmin, true), eq(users.nameKey, nameKey(name))))
		.get();
}

/**
 * Hands a flat a new verbinder: a membership without a password and a one-time login code
 * for the admin to pass on. The admin learns nothing else about the flat.
 */
export function handVerbinder(db: DB, input: { flatId: number; name: string }): string {
	return db.transaction((tx) => {
		const userId = members.addWithoutPassword(tx, {
			flatId: input.flatId,
			name: input.name,
			role: 'verbinder'
		});
		return loginCode.issue(tx, { userId, flatId: input.flatId });
	});
}
