import { redirect } from '@sveltejs/kit';
import { endSession } from '$lib/server/auth';
import { action } from '$lib/server/action';
import type { Actions, PageServerLoad } from './$types';
import { links } from '$lib/links';

export const load: PageServerLoad = () => redirect(303, links.home());

export const actions: Actions = {
	default: action({
		name: 'logout',
		// Anyone may end their session, or find there was none.
		guard: () => null,
		run: (_, __, event) => {
			endSession(event);
			// Neighbours' names may sit in the browser's HTTP cache and back/forward pages: drop them.
			// (The service worker's own saved pages are not covered by "cache"; the worker clears those.)
			event.setHeaders({ 'clear-site-data': '"cache"' });
			redirect(303, links.home());
		}
	})
};
