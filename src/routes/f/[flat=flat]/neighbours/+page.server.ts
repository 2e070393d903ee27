import { getDb } from '$lib/server/db';
import * as balance from '$lib/server/balance';
import * as members from '$lib/server/members';
import { requireMember } from '$lib/server/auth/guard';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { flat, user } = requireMember(event, 'help.view');
	const db = getDb();
	const people = members.directory(db, flat.id);
	// Only for those who chose to show it; never a ranking.
	const shown = balance.forMembers(
		db,
		flat.id,
		people.filter((n) => n.showBalance).map((n) => n.userId)
	);
	return {
		me: user.id,
		neighbours: people.map(({ showBalance: _, role, ...n }) => ({
			...n,
			verbinder: role === 'verbinder',
			balance: shown.get(n.userId) ?? null
		}))
	};
};
