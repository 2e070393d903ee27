import { fail } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as members from '$lib/server/members';
import { requireMember } from '$lib/server/auth/guard';
import { parseForm } from '$lib/server/form';
import { profileSchema } from '$lib/schemas';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { flat, user } = requireMember(event, 'help.view');
	return { profile: members.profile(getDb(), flat.id, user.id) };
};

export const actions: Actions = {
	default: async (event) => {
		const { flat, user } = requireMember(event, 'help.view');
		const form = parseForm(profileSchema, await event.request.formData(), ['talents']);
		if (!form.ok) return fail(400, { values: form.values, errors: form.errors });
		members.saveProfile(getDb(), flat.id, user.id, form.data);
		return { saved: true };
	}
};
