import { and, asc, eq, sql } from 'drizzle-orm';
import { prepared, type DB } from '../db';
import { flats, memberships, users, type Membership } from '../db/schema';
import { MemberError, type MemberRow } from './model';
import { nameKey } from './name';

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
