import { redirect } from '@sveltejs/kit';
import { endSession } from '$lib/server/auth';
import type { Actions, PageServerLoad } from './$types';
import { links } from '$lib/links';

export const load: PageServerLoad = () => redirect(303, links.home());

export const actions: Actions = {
	default: (event) => {
		endSession(event);
		redirect(303, links.home());
	}
};
