import { getDb } from '$lib/server/db';
import * as balance from '$lib/server/balance';
import * as members from '$lib/server/members';
import { requireMember } from '$lib/server/auth/guard';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { flat, user } = requireMember(event, 'help.view');
	const db = getDb();
	return {
		me: user.id,
		neighbours: members.directory(db, flat.id).map(({ showBalance, role, ...n }) => ({
			...n,
			verbinder: role === 'verbinder',
			// Only for those who chose to show it; never a ranking.
			balance: showBalance ? balance.forMember(db, flat.id, n.userId) : null
		}))
	};
};
