import { requireMember } from '$lib/server/auth/guard';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { user } = requireMember(event, 'flat.view');
	return { name: user.name };
};
