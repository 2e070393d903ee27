import { redirect } from '@sveltejs/kit';
import { requireMember } from '$lib/server/auth/guard';
import { links } from '$lib/links';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { flat, membership } = requireMember(event, 'flat.view', { allowPending: true });
	if (membership.status === 'active') redirect(303, links.flat(flat.slug));
};
