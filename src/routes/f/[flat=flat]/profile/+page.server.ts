import { getDb } from '$lib/server/db';
import * as members from '$lib/server/members';
import * as moderation from '$lib/server/moderation';
import { requireMember } from '$lib/server/auth/guard';
import { action } from '$lib/server/action';
import { profileSchema, userIdSchema } from '$lib/schemas';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = (event) => {
	const { flat, user } = requireMember(event, 'help.view');
	const db = getDb();
	const profile = members.profile(db, flat.id, user.id);
	return {
		profile,
		hearsOfMatches: members.hearsOfMatches(profile),
		blocked: moderation.blockedBy(db, flat.id, user.id)
	};
};

const neighbour = (event: RequestEvent) => requireMember(event, 'help.view');

export const actions: Actions = {
	save: action({
		name: 'save',
		guard: neighbour,
		schema: profileSchema,
		lists: ['talents'],
		run: ({ flat, user }, profile) => {
			members.saveProfile(getDb(), flat.id, user.id, profile);
			return { saved: true };
		}
	}),

	unblock: action({
		name: 'unblock',
		guard: neighbour,
		schema: userIdSchema,
		run: ({ flat, user }, { userId }) => {
			moderation.unblock(getDb(), flat.id, user.id, userId);
			return { unblocked: true };
		}
	})
};
