import { and, eq } from 'drizzle-orm';
import type { DB } from '../db';
import { users } from '../db/schema';
import * as loginCode from '../auth/login-code';
import * as flats from '../flats';
import * as members from '../members';
import * as notify from '../notify';
import { cleanName, nameKey } from '../members/name';
import * as adminLog from './log';

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
 * The admin page's hand-over: a verbinder for a flat picked from the list, with the flat's
 * name for the answer. A flat that is not there (any more) is 'not_found'.
 */
export function handOver(
	db: DB,
	input: { flatId: number; name: string },
	now = new Date()
): { flat: string; code: string } {
	const flat = flats.byId(db, input.flatId);
	if (!flat) throw new flats.FlatError('not_found');
	return { flat: flat.name, code: handVerbinder(db, input, now) };
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
