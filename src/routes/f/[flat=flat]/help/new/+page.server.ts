import { requireMember } from '$lib/server/auth/guard';
import { POST_TYPES } from '$lib/help';
import type { Actions, PageServerLoad } from './$types';
import { submitPost } from '../submit-post';

export const load: PageServerLoad = (event) => {
	const { membership } = requireMember(event, 'help.post');
	const asked = event.url.searchParams.get('type');
	// One of the form's own types, or a request: asking is what the board most wants to make easy.
	const type = POST_TYPES.find((t) => t === asked) ?? 'request';
	return { type, canPostForOthers: membership.role === 'verbinder' };
};

export const actions: Actions = {
	default: submitPost
};
