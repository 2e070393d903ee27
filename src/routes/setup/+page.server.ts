import { error, fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as admin from '$lib/server/admin';
import { startSession } from '$lib/server/auth';
import { parseForm } from '$lib/server/form';
import { setupSchema } from '$lib/schemas';
import { getLocale } from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';
import { links } from '$lib/links';

/** Setup exists only until the first flat does; after that it is a 404, for POSTs too. */
function ensureOpen() {
	if (!admin.setupOpen(getDb())) error(404, { message: m.error_not_found() });
}

export const load: PageServerLoad = () => {
	ensureOpen();
	return { timeZone: 'Europe/Amsterdam' };
};

export const actions: Actions = {
	default: async (event) => {
		ensureOpen();
		const form = parseForm(setupSchema, await event.request.formData());
		if (!form.ok) return fail(400, { values: form.values, errors: form.errors });
		const { adminName, password, ...flat } = form.data;
		let userId: number;
		try {
			({ userId } = await admin.setup(getDb(), { adminName, password, locale: getLocale(), flat }));
		} catch (e) {
			if (e instanceof admin.SetupError) error(404, { message: m.error_not_found() });
			throw e;
		}
		startSession(event, { id: userId, locale: getLocale() });
		redirect(303, links.admin());
	}
};
