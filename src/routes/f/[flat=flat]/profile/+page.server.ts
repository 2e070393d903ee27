import { fail } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as members from '$lib/server/members';
import * as moderation from '$lib/server/moderation';
import { requireMember } from '$lib/server/auth/guard';
import { parseForm } from '$lib/server/form';
import { profileSchema, userIdSchema } from '$lib/schemas';
import type { Actions, PageServerLoad } from './$types';

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

export const actions: Actions = {
	save: async (event) => {
		const { flat, user } = requireMember(event, 'help.view');
		const form = parseForm(profileSchema, await event.request.formData(), ['talents']);
		if (!form.ok) return fail(400, { values: form.values, errors: form.errors });
		members.saveProfile(getDb(), flat.id, user.id, form.data);
		return { saved: true };
	},

	unblock: async (event) => {
		const { flat, user } = requireMember(event, 'help.view');
		const form = parseForm(userIdSchema, await event.request.formData());
		if (form.ok) moderation.unblock(getDb(), flat.id, user.id, form.data.userId);
		return { unblocked: true };
	}
};
