import { requireMember } from '$lib/server/auth/guard';
import { MAP_CATEGORIES } from '$lib/socialmap';
import type { Actions, PageServerLoad } from './$types';
import { submitEntry } from '../context';

export const load: PageServerLoad = (event) => {
	requireMember(event, 'map.edit');
	// "Add a place" under a kind of help starts with that kind chosen.
	const asked = event.url.searchParams.get('category');
	return { category: MAP_CATEGORIES.find((c) => c === asked) ?? 'neighbourhood_team' };
};

export const actions: Actions = {
	default: (event) => submitEntry(event)
};
