import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as socialmap from '$lib/server/socialmap';
import { requireMember } from '$lib/server/auth/guard';
import { action } from '$lib/server/action';
import { mapEntrySchema } from '$lib/schemas';
import { MAP_CATEGORIES } from '$lib/socialmap';
import { links } from '$lib/links';
import type { Actions, PageServerLoad } from './$types';
import { editor } from '../context';

export const load: PageServerLoad = (event) => {
	requireMember(event, 'map.edit');
	// "Add a place" under a kind of help starts with that kind chosen.
	const asked = event.url.searchParams.get('category');
	return { category: MAP_CATEGORIES.find((c) => c === asked) ?? 'neighbourhood_team' };
};

export const actions: Actions = {
	/** Puts the place on the map, then back to the map at that place. */
	default: action({
		name: 'save',
		guard: editor,
		schema: mapEntrySchema,
		run: ({ flat }, input) => {
			const { id } = socialmap.create(getDb(), flat.id, input);
			redirect(303, links.map(flat.slug, { done: 'saved', entry: id }));
		}
	})
};
