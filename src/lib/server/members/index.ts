import { and, asc, eq, ne, sql } from 'drizzle-orm';
import { prepared, type DB } from '../db';
import {
	flats,
	memberships,
	users,
	type Flat,
	type HelpCategory,
	type Membership,
	type Role
} from '../db/schema';
import { hashPassword } from '../auth/password';
import { can } from '../auth/roles';
import { cleanName, nameKey, nameSkeleton } from './name';
import * as calendar from '../calendar';
import * as help from '../help';
import * as notify from '../notify';
import * as privacy from '../privacy';

export { nameKey };

export class MemberError extends Error {
	constructor(
		readonly code: 'name_taken' | 'already_member' | 'last_verbinder' | 'not_found' | 'admin'
	) {
		super(code);
	}
}

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

export type JoinInput = {
	flat: Flat;
	name: string;
	houseNumber: string | null;
	password: string;
	locale: string;
};

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

/** A user's membership of one flat, if any. */
export function membership(db: DB, flatId: number, userId: number): Membership | undefined {
	return membershipOf(db).get({ flatId, userId });
}

const membershipOf = prepared((db) =>
	db
		.select()
		.from(memberships)
		.where(
			and(
				eq(memberships.flatId, sql.placeholder('flatId')),
				eq(memberships.userId, sql.placeholder('userId'))
			)
		)
		.prepare()
);

/** The flats a user belongs to, for `/` and the flat chooser. */
export function flatsOf(db: DB, userId: number) {
	return db
		.select({
			id: flats.id,
			slug: flats.slug,
			name: flats.name,
			role: memberships.role,
			status: memberships.status
		})
		.from(memberships)
		.innerJoin(flats, eq(flats.id, memberships.flatId))
		.where(eq(memberships.userId, userId))
		.orderBy(asc(flats.name))
		.all();
}

/** The account that may log in to a flat with this name, if any. */
export function forLogin(db: DB, flatId: number, name: string) {
	return db
		.select({ userId: users.id, passwordHash: users.passwordHash, locale: users.locale })
		.from(memberships)
		.innerJoin(users, eq(users.id, memberships.userId))
		.where(and(eq(memberships.flatId, flatId), eq(users.nameKey, nameKey(name))))
		.get();
}

export type MemberRow = {
	id: number;
	userId: number;
	name: string;
	role: Role;
	status: Membership['status'];
	houseNumber: string | null;
	createdAt: Date;
	addedByAdmin: boolean;
	/** In another flat too (or the administrator): a login code is not this flat's to give. */
	elsewhere: boolean;
};

/** Everyone in a flat, waiting ones first, then by name: the verbinders' members page. */
export function list(db: DB, flatId: number): MemberRow[] {
	return db
		.select({
			id: memberships.id,
			userId: users.id,
			name: users.name,
			role: memberships.role,
			status: memberships.status,
			houseNumber: memberships.houseNumber,
			createdAt: memberships.createdAt,
			addedByAdmin: memberships.addedByAdmin,
			elsewhere: sql<boolean>`(${users.isAdmin} or exists (select 1 from ${memberships} other
				where other.user_id = ${users.id} and other.flat_id <> ${flatId}))`.mapWith(Boolean)
		})
		.from(memberships)
		.innerJoin(users, eq(users.id, memberships.userId))
		.where(eq(memberships.flatId, flatId))
		.orderBy(sql`${memberships.status} = 'active'`, asc(users.nameKey))
		.all();
}

/** One membership of a flat by id; a membership of another flat is 'not_found'. */
export function find(db: DB, flatId: number, membershipId: number): Membership {
	const found = db
		.select()
		.from(memberships)
		.where(and(eq(memberships.id, membershipId), eq(memberships.flatId, flatId)))
		.get();
	if (!found) throw new MemberError('not_found');
	return found;
}

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

/**
 * Ends a membership (moving out, or refusing a waiting request); the member's open posts
 * close. An account left with no flat and no admin rights is deleted the way its owner would
 * delete it (privacy.erase): we keep no data we do not need.
 */
export function remove(db: DB, flatId: number, membershipId: number, now = new Date()): void {
	db.transaction((tx) => {
		const m = find(tx, flatId, membershipId);
		if (m.role === 'verbinder' && m.status === 'active' && activeVerbinders(tx, flatId) <= 1)
			throw new MemberError('last_verbinder');
		const elsewhere = tx
			.select({ id: memberships.id })
			.from(memberships)
			.where(and(eq(memberships.userId, m.userId), ne(memberships.id, m.id)))
			.get();
		const user = tx
			.select({ isAdmin: users.isAdmin })
			.from(users)
			.where(eq(users.id, m.userId))
			.get();
		if (!elsewhere && user && !user.isAdmin) return privacy.erase(tx, m.userId, now);
		help.closeForMember(tx, flatId, m.userId, now);
		calendar.forgetMember(tx, flatId, m.userId);
		tx.delete(memberships).where(eq(memberships.id, membershipId)).run();
	});
}

export type Profile = {
	talents: HelpCategory[];
	tags: string[];
	languages: string[];
	notifyMatches: boolean;
	showBalance: boolean;
};

/** A member's talents and languages in this flat (ABCD: start from what people can do). */
export function profile(db: DB, flatId: number, userId: number): Profile {
	const row = db
		.select({
			talents: memberships.talents,
			tags: memberships.tags,
			languages: memberships.languages,
			notifyMatches: memberships.notifyMatches,
			showBalance: memberships.showBalance
		})
		.from(memberships)
		.where(and(eq(memberships.flatId, flatId), eq(memberships.userId, userId)))
		.get();
	if (!row) throw new MemberError('not_found');
	return row;
}

/**
 * Whether the profile form's "tell me of fitting requests" box starts ticked: yes for a member
 * who has listed no talent yet (whoever lists "pets" expects to hear of a cat to feed; the
 * column's old default, off, was never their choice), else what they chose.
 */
export function hearsOfMatches(p: Pick<Profile, 'talents' | 'notifyMatches'>): boolean {
	return p.notifyMatches || p.talents.length === 0;
}

export function saveProfile(db: DB, flatId: number, userId: number, input: Profile): void {
	db.update(memberships)
		.set(input)
		.where(and(eq(memberships.flatId, flatId), eq(memberships.userId, userId)))
		.run();
}

/**
 * The neighbours and what they like to help with (ABCD: talents first). First names only; a
 * balance only for those who chose to show it, counted by the caller.
 */
export function directory(db: DB, flatId: number) {
	return db
		.select({
			userId: users.id,
			name: users.name,
			role: memberships.role,
			talents: memberships.talents,
			tags: memberships.tags,
			languages: memberships.languages,
			showBalance: memberships.showBalance
		})
		.from(memberships)
		.innerJoin(users, eq(users.id, memberships.userId))
		.where(
			and(
				eq(memberships.flatId, flatId),
				eq(memberships.status, 'active'),
				ne(memberships.role, 'professional')
			)
		)
		.orderBy(asc(users.nameKey))
		.all();
}
