import { and, eq, ne, sql } from 'drizzle-orm';
import type { DB } from '../db';
import { memberships, users, type Membership, type Role } from '../db/schema';
import { can } from '../auth/roles';
import * as calendar from '../calendar';
import * as help from '../help';
import * as notify from '../notify';
import { MemberError } from './model';
import { find } from './lookup';

function activeVerbinders(db: DB, flatId: number): number {
	return db
		.select({ n: sql<number>`count(*)` })
		.from(memberships)
		.where(
			and(
				eq(memberships.flatId, flatId),
				eq(memberships.role, 'verbinder'),
				eq(memberships.status, 'active')
			)
		)
		.get()!.n;
}

/** A verbinder lets a waiting neighbour in. */
export function approve(db: DB, flatId: number, membershipId: number): void {
	find(db, flatId, membershipId);
	db.update(memberships)
		.set({ status: 'active' })
		.where(and(eq(memberships.id, membershipId), eq(memberships.flatId, flatId)))
		.run();
}

/**
 * Changes a member's role; a flat always keeps at least one verbinder. Someone who becomes a
 * professional no longer sees help posts, so their own open posts close, as when they leave.
 */
export function setRole(
	db: DB,
	flatId: number,
	membershipId: number,
	role: Role,
	now = new Date()
): void {
	db.transaction((tx) => {
		const m = find(tx, flatId, membershipId);
		if (m.role === 'verbinder' && role !== 'verbinder' && activeVerbinders(tx, flatId) <= 1)
			throw new MemberError('last_verbinder');
		tx.update(memberships).set({ role }).where(eq(memberships.id, membershipId)).run();
		if (m.role !== role) notify.forgetUnseen(tx, flatId, m.userId, role);
		if (can(m.role, 'help.view') && !can(role, 'help.view'))
			help.closeForMember(tx, flatId, m.userId, now);
	});
}

/** A membership of this flat that may end: any but the flat's last active verbinder. */
export function removable(db: DB, flatId: number, membershipId: number): Membership {
	const m = find(db, flatId, membershipId);
	if (m.role === 'verbinder' && m.status === 'active' && activeVerbinders(db, flatId) <= 1)
		throw new MemberError('last_verbinder');
	return m;
}

/**
 * True when this is the account's only flat and the account is no administrator's: ending the
 * membership leaves an account nobody needs, which then goes as its owner would delete it.
 */
export function isLastFlat(db: DB, m: Membership): boolean {
	const elsewhere = db
		.select({ id: memberships.id })
		.from(memberships)
		.where(and(eq(memberships.userId, m.userId), ne(memberships.id, m.id)))
		.get();
	const user = db
		.select({ isAdmin: users.isAdmin })
		.from(users)
		.where(eq(users.id, m.userId))
		.get();
	return !elsewhere && !!user && !user.isAdmin;
}

/** Ends one membership: the member's open posts close and their places in activities free up. */
export function leave(db: DB, flatId: number, m: Membership, now = new Date()): void {
	help.closeForMember(db, flatId, m.userId, now);
	calendar.forgetMember(db, flatId, m.userId);
	db.delete(memberships).where(eq(memberships.id, m.id)).run();
}

/**
 * Ends a membership (moving out, or refusing a waiting request), and only that; the account
 * stays. A verbinder's removal goes through `account.removeMember`, which also deletes an
 * account left with no flat: we keep no data we do not need.
 */
export function remove(db: DB, flatId: number, membershipId: number, now = new Date()): void {
	db.transaction((tx) => leave(tx, flatId, removable(tx, flatId, membershipId), now));
}
