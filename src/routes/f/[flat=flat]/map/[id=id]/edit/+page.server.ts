import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as socialmap from '$lib/server/socialmap';
import { action } from '$lib/server/action';
import { hoursToFields, mapEntrySchema, removeEntrySchema } from '$lib/schemas';
import { links } from '$lib/links';
import type { Actions, PageServerLoad } from './$types';
import { entryContext } from '../../context';

export const load: PageServerLoad = (event) => {
	const { entry: e } = entryContext(event);
	return {
		entry: { id: e.id, name: e.name, preset: e.preset },
		values: {
			category: e.category,
			name: e.name,
			helpsWith: e.helpsWith,
			phone: e.phone,
			website: e.website,
			address: e.address,
			afterHours: e.afterHours ? 'on' : '',
			...hoursToFields(e.hours)
		}
	};
};

export const actions: Actions = {
	/** Saves the place, then back to the map at that place. */
	save: action({
		name: 'save',
		guard: entryContext,
		schema: mapEntrySchema,
		run: ({ flat, entry }, input) => {
			socialmap.update(getDb(), flat.id, entry.id, input);
			redirect(303, links.map(flat.slug, { done: 'saved', entry: entry.id }));
		}
	}),

	/** Takes the place off the map once the editor said they are sure. */
	remove: action({
		name: 'remove',
		guard: entryContext,
		schema: removeEntrySchema,
		run: ({ flat, entry }) => {
			socialmap.remove(getDb(), flat.id, entry.id);
			redirect(303, links.map(flat.slug, { done: 'removed' }));
		}
	})
};
