import { and, eq } from 'drizzle-orm';
import type { DB } from '../db';
import { users } from '../db/schema';
import { hashPassword } from '../auth/password';
import * as loginCode from '../auth/login-code';
import * as flats from '../flats';
import * as members from '../members';
import * as notify from '../notify';
import { cleanName, nameKey, nameSkeleton } from '../members/name';
import * as adminLog from './log';

export { adminLog as log };

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
			.values({
				name,
				nameKey: nameKey(name),
				nameSkeleton: nameSkeleton(name),
				passwordHash,
				locale: input.locale,
				isAdmin: true
			})
			.returning({ id: users.id })
			.get();
		const flat = createFlat(tx, input.flat);
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

/** A new flat, noted in its own administrator's log from its first day. */
export function createFlat(db: DB, input: flats.NewFlat, now = new Date()) {
	return db.transaction((tx) => {
		const flat = flats.create(tx, input);
		adminLog.record(tx, { flatId: flat.id, action: 'flat_created' }, now);
		return flat;
	});
}

/**
 * Hands a flat a new verbinder: a membership without a password and a one-time login code
 * for the admin to pass on. Whoever redeems it sees what the flat's verbinders see, so the
 * flat is told: its verbinders hear of it, the members page marks the newcomer as added by the
 * administrator, and the flat's log keeps it.
 */
export function handVerbinder(
	db: DB,
	input: { flatId: number; name: string },
	now = new Date()
): string {
	return db.transaction((tx) => {
		const userId = members.addWithoutPassword(tx, {
			flatId: input.flatId,
			name: input.name,
			role: 'verbinder',
			addedByAdmin: true
		});
		adminLog.record(
			tx,
			{ flatId: input.flatId, action: 'verbinder_added', subjectId: userId },
			now
		);
		notify.record(
			tx,
			notify
				.verbinders(tx, input.flatId)
				.filter((id) => id !== userId)
				.map((id) => ({
					flatId: input.flatId,
					userId: id,
					type: 'verbinder_added' as const,
					link: 'members',
					params: { name: cleanName(input.name) },
					about: userId
				})),
			now
		);
		return loginCode.issue(tx, { userId, flatId: input.flatId }, now);
	});
}
