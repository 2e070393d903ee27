import { error, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as help from '$lib/server/help';
import { requireMember } from '$lib/server/auth/guard';
import { links } from '$lib/links';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';
import { formValues, submitPost } from '../../submit-post';

export const load: PageServerLoad = (event) => {
	const { flat, user, membership } = requireMember(event, 'help.post');
	const id = Number(event.params.id);
	const seen = help.find(getDb(), flat.id, id, user.id);
	if (!seen) error(404, { message: m.error_not_found() });
	if (!seen.isAuthor) error(403, { message: m.error_forbidden() });
	if (seen.post.status !== 'open') redirect(303, links.post(flat.slug, id));
	return {
		id,
		canPostForOthers: membership.role === 'verbinder',
		values: formValues(seen.post)
	};
};

export const actions: Actions = {
	default: submitPost
};
