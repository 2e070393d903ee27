import { error, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as admin from '$lib/server/admin';
import { startSession } from '$lib/server/auth';
import { action } from '$lib/server/action';
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
	/** The admin and the first flat; someone quicker meanwhile makes it a 404 (refusals.ts). */
	default: action({
		name: 'setup',
		guard: ensureOpen,
		schema: setupSchema,
		run: async (_, { adminName, password, ...flat }, event) => {
			const locale = getLocale();
			const { userId } = await admin.setup(getDb(), { adminName, password, locale, flat });
			startSession(event, { id: userId, locale });
			redirect(303, links.admin());
		}
	})
};
