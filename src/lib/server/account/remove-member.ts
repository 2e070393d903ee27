import type { DB } from '../db';
import * as members from '../members';
import { erase } from './erase';

/**
 * A verbinder ends a membership (moving out, or refusing a waiting request); the member's open
 * posts close. An account left with no flat and no admin rights is deleted the way its owner
 * would delete it (`erase`): we keep no data we do not need. One transaction.
 */
export function removeMember(db: DB, flatId: number, membershipId: number, now = new Date()) {
	db.transaction((tx) => {
		const m = members.removable(tx, flatId, membershipId);
		if (members.isLastFlat(tx, m)) return erase(tx, m.userId, now);
		members.leave(tx, flatId, m, now);
	});
}
