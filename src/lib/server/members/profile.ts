import { and, asc, eq, ne } from 'drizzle-orm';
import type { DB } from '../db';
import { memberships, users } from '../db/schema';
import { MemberError, type Profile } from './model';

/**
 * What the profile form saves besides the talents: whether a verbinder may suggest this
 * member for a request that fits. Optional, so a caller that never asks leaves it as it was.
 */
export type ProfileInput = Profile & { suggestable?: boolean };

/** A member's talents and languages in this flat (ABCD: start from what people can do). */
export function profile(
	db: DB,
	flatId: number,
	userId: number
): Profile & { suggestable: boolean } {
	const row = db
		.select({
			talents: memberships.talents,
			tags: memberships.tags,
			languages: memberships.languages,
			notifyMatches: memberships.notifyMatches,
			showBalance: memberships.showBalance,
			suggestable: memberships.suggestable
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

/** Saves a member's talents, languages, what they share and whether they may be suggested. */
export function saveProfile(db: DB, flatId: number, userId: number, input: ProfileInput): void {
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
