import { fail } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as admin from '$lib/server/admin';
import * as flats from '$lib/server/flats';
import * as members from '$lib/server/members';
import { requireAdmin } from '$lib/server/auth/guard';
import { fieldError, parseForm } from '$lib/server/form';
import { flatSchema, verbinderSchema } from '$lib/schemas';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireAdmin(event);
	return { flats: flats.listForAdmin(getDb()) };
};

export const actions: Actions = {
	createFlat: async (event) => {
		requireAdmin(event);
		const form = parseForm(flatSchema, await event.request.formData());
		if (!form.ok)
			return fail(400, { action: 'createFlat', values: form.values, errors: form.errors });
		try {
			const flat = admin.createFlat(getDb(), form.data);
			return { action: 'createFlat', created: flat.name };
		} catch (e) {
			if (e instanceof flats.FlatError)
				return fail(400, {
					action: 'createFlat',
					values: form.values,
					errors: fieldError('slug', m.err_slug_taken())
				});
			throw e;
		}
	},

	/** A login code for a flat's (first) verbinder, shown once to pass on. */
	verbinder: async (event) => {
		requireAdmin(event);
		const form = parseForm(verbinderSchema, await event.request.formData());
		if (!form.ok)
			return fail(400, { action: 'verbinder', values: form.values, errors: form.errors });
		const db = getDb();
		const flat = flats.listForAdmin(db).find((f) => f.id === form.data.flatId);
		if (!flat)
			return fail(400, {
				action: 'verbinder',
				values: form.values,
				errors: fieldError('flatId', m.err_choose())
			});
		try {
			const code = admin.handVerbinder(db, { flatId: flat.id, name: form.data.name });
			return { action: 'verbinder', handed: { flat: flat.name, name: form.data.name, code } };
		} catch (e) {
			if (e instanceof members.MemberError && e.code === 'name_taken')
				return fail(400, {
					action: 'verbinder',
					values: form.values,
					errors: fieldError('name', m.join_name_taken())
				});
			throw e;
		}
	}
};
