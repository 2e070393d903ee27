import { and, eq, ne } from 'drizzle-orm';
import type { DB } from '../db';
import { memberships, users, type Flat, type Membership, type Role } from '../db/schema';
import { hashPassword } from '../auth/password';
import * as notify from '../notify';
import { MemberError, type JoinInput } from './model';
import { membership } from './lookup';
import { cleanName, nameKey, nameSkeleton } from './name';

/**
 * True when someone in the flat (member or waiting for approval) already uses this name, or
 * one that looks the same (same confusable skeleton).
 */
export function nameTaken(db: DB, flatId: number, name: string, exceptUserId = 0): boolean {
	return !!db
		.select({ id: users.id })
		.from(memberships)
		.innerJoin(users, eq(users.id, memberships.userId))
		.where(
			and(
				eq(memberships.flatId, flatId),
				eq(users.nameSkeleton, nameSkeleton(name)),
				ne(users.id, exceptUserId)
			)
		)
		.get();
}

/**
 * A new neighbour joins with the flat's code: one account, one membership, active at once or
 * waiting for a verbinder, by the flat's join mode.
 */
export async function join(
	db: DB,
	input: JoinInput
): Promise<{ userId: number; status: Membership['status'] }> {
	const passwordHash = await hashPassword(input.password);
	const name = cleanName(input.name);
	const status = input.flat.joinMode === 'open' ? 'active' : 'pending';
	return db.transaction((tx) => {
		if (nameTaken(tx, input.flat.id, name)) throw new MemberError('name_taken');
		const user = tx
			.insert(users)
			.values({
				name,
				nameKey: nameKey(name),
				nameSkeleton: nameSkeleton(name),
				passwordHash,
				locale: input.locale
			})
			.returning({ id: users.id })
			.get();
		tx.insert(memberships)
			.values({ flatId: input.flat.id, userId: user.id, houseNumber: input.houseNumber, status })
			.run();
		tellVerbinders(tx, input.flat.id, { id: user.id, name }, status);
		return { userId: user.id, status };
	});
}

/** Someone with an account joins a further flat with its code. */
export function joinAsUser(
	db: DB,
	input: { flat: Flat; userId: number; houseNumber: string | null }
): Membership['status'] {
	const user = db.select().from(users).where(eq(users.id, input.userId)).get();
	if (!user) throw new MemberError('not_found');
	// The instance administrator is an identity apart, in no flat: see roles.ts.
	if (user.isAdmin) throw new MemberError('admin');
	if (membership(db, input.flat.id, input.userId)) throw new MemberError('already_member');
	if (nameTaken(db, input.flat.id, user.name, user.id)) throw new MemberError('name_taken');
	const status = input.flat.joinMode === 'open' ? 'active' : 'pending';
	db.transaction((tx) => {
		tx.insert(memberships)
			.values({ flatId: input.flat.id, userId: user.id, houseNumber: input.houseNumber, status })
			.run();
		tellVerbinders(tx, input.flat.id, user, status);
	});
	return status;
}

/** The verbinders hear of a newcomer: one to welcome, or one waiting to be let in. */
function tellVerbinders(
	db: DB,
	flatId: number,
	newcomer: { id: number; name: string },
	status: Membership['status']
) {
	notify.record(
		db,
		notify.verbinders(db, flatId).map((userId) => ({
			flatId,
			userId,
			type: status === 'pending' ? ('member_waiting' as const) : ('member_joined' as const),
			link: 'members',
			params: { name: newcomer.name },
			about: newcomer.id
		}))
	);
}

/** Adds a person without a password yet (a verbinder handed in by the admin). */
export function addWithoutPassword(
	db: DB,
	input: { flatId: number; name: string; role: Role; locale?: string; addedByAdmin?: boolean }
): number {
	const name = cleanName(input.name);
	return db.transaction((tx) => {
		if (nameTaken(tx, input.flatId, name)) throw new MemberError('name_taken');
		const user = tx
			.insert(users)
			.values({
				name,
				nameKey: nameKey(name),
				nameSkeleton: nameSkeleton(name),
				locale: input.locale ?? 'nl'
			})
			.returning({ id: users.id })
			.get();
		tx.insert(memberships)
			.values({
				flatId: input.flatId,
				userId: user.id,
				role: input.role,
				addedByAdmin: input.addedByAdmin ?? false
			})
			.run();
		return user.id;
	});
}
