import { requireMember } from '$lib/server/auth/guard';
import type { Actions, PageServerLoad } from './$types';
import { submitPost } from '../submit-post';

export const load: PageServerLoad = (event) => {
	const { membership } = requireMember(event, 'help.post');
	const type = event.url.searchParams.get('type') === 'offer' ? 'offer' : 'request';
	return { type, canPostForOthers: membership.role === 'verbinder' };
};

export const actions: Actions = {
	default: submitPost
};
