import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as socialmap from '$lib/server/socialmap';
import { hoursToFields } from '$lib/schemas';
import { links } from '$lib/links';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';
import { entryContext, submitEntry } from '../../context';

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
	save: (event) => submitEntry(event, entryContext(event).entry),
	/** Takes the place off the map once the editor said they are sure. */
	remove: async (event) => {
		const { flat, entry } = entryContext(event);
		const form = await event.request.formData();
		if (form.get('confirm') !== 'on')
			return fail(400, { action: 'remove', message: m.map_err_confirm() });
		try {
			socialmap.remove(getDb(), flat.id, entry.id);
		} catch (e) {
			if (!(e instanceof socialmap.MapError)) throw e;
			return fail(400, { action: 'remove', message: m.map_err_preset() });
		}
		redirect(303, links.map(flat.slug, { done: 'removed' }));
	}
};
