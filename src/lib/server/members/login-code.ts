import { and, eq } from 'drizzle-orm';
import type { DB } from '../db';
import { memberships, users } from '../db/schema';
import * as loginCode from '../auth/login-code';
import { MemberError } from './model';

/**
 * A verbinder's one-time login code for a member of this flat who forgot their password: only
 * for an active member whose account is in this flat alone (auth/login-code.ts says why). A
 * refusal is a `LoginCodeError` that names the member, for the verbinder's page.
 */
export function issueLoginCode(db: DB, flatId: number, membershipId: number) {
	const target = db
		.select({ userId: memberships.userId, name: users.name })
		.from(memberships)
		.innerJoin(users, eq(users.id, memberships.userId))
		.where(and(eq(memberships.id, membershipId), eq(memberships.flatId, flatId)))
		.get();
	if (!target) throw new MemberError('not_found');
	const code = loginCode.issue(db, { userId: target.userId, flatId });
	return { name: target.name, code, membershipId };
}
