import { error, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as help from '$lib/server/help';
import { requireMember } from '$lib/server/auth/guard';
import { links } from '$lib/links';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';
import { submitPost } from '../../submit-post';

function postId(raw: string): number {
	if (!/^\d{1,12}$/.test(raw)) error(404, { message: m.error_not_found() });
	return Number(raw);
}

export const load: PageServerLoad = (event) => {
	const { flat, user, membership } = requireMember(event, 'help.post');
	const id = postId(event.params.id);
	let seen;
	try {
		seen = help.view(getDb(), flat.id, id, user.id);
	} catch {
		error(404, { message: m.error_not_found() });
	}
	if (!seen.isAuthor) error(403, { message: m.error_forbidden() });
	if (seen.post.status !== 'open') redirect(303, links.post(flat.slug, id));
	const p = seen.post;
	return {
		id,
		canPostForOthers: membership.role === 'verbinder',
		values: {
			type: p.type,
			category: p.category,
			title: p.title,
			description: p.description,
			when: p.when,
			startDate: p.startDate ?? '',
			endDate: p.endDate ?? '',
			anonymous: p.anonymous ? 'on' : '',
			onBehalfOf: p.onBehalfOf ?? ''
		}
	};
};

export const actions: Actions = {
	default: (event) => submitPost(event, postId(event.params.id))
};
