import { getDb } from '$lib/server/db';
import * as keys from '$lib/server/keys';
import * as members from '$lib/server/members';
import { requireMember } from '$lib/server/auth/guard';
import { action } from '$lib/server/action';
import { keySchema, newKeySchema } from '$lib/schemas';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = (event) => {
	const { flat, user } = requireMember(event, 'keys.use');
	const db = getDb();
	return {
		keys: keys.list(db, flat.id, user.id),
		neighbours: members
			.directory(db, flat.id)
			.filter((n) => n.userId !== user.id)
			.map(({ userId, name }) => ({ userId, name })),
		timeZone: flat.timeZone
	};
};

const neighbour = (event: RequestEvent) => requireMember(event, 'keys.use');

export const actions: Actions = {
	add: action({
		name: 'add',
		guard: neighbour,
		schema: newKeySchema,
		// Yourself or someone who is no neighbour (any more): choose again from the list.
		refusals: {
			self: { status: 400, field: 'holderId', message: () => m.err_choose() },
			not_member: { status: 400, field: 'holderId', message: () => m.err_choose() }
		},
		run: ({ flat, user }, { holderId }) => {
			keys.add(getDb(), flat.id, user.id, holderId);
			return { added: true };
		}
	}),

	/** "Still fine": the next reminder comes in six months. */
	review: action({
		name: 'review',
		guard: neighbour,
		schema: keySchema,
		run: ({ flat, user }, { keyId }) => keys.review(getDb(), flat.id, keyId, user.id)
	}),

	/** The key went back: either of the two ends it. */
	end: action({
		name: 'end',
		guard: neighbour,
		schema: keySchema,
		run: ({ flat, user }, { keyId }) => keys.end(getDb(), flat.id, keyId, user.id)
	})
};
