import { redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { getDb } from '$lib/server/db';
import * as account from '$lib/server/auth/account';
import { setLocale } from '$lib/server/auth/cookies';
import { localeSchema } from '$lib/schemas';
import { links, safeRedirect } from '$lib/links';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, links.home());

export const actions: Actions = {
	/** Switches the language: a cookie for everyone, and the account for a logged-in user. */
	default: async (event) => {
		const data = Object.fromEntries(await event.request.formData());
		const parsed = v.safeParse(localeSchema, data);
		const target = safeRedirect(typeof data.redirectTo === 'string' ? data.redirectTo : '/');
		if (parsed.success) {
			setLocale(event, parsed.output.locale);
			if (event.locals.user) account.setLocale(getDb(), event.locals.user.id, parsed.output.locale);
		}
		redirect(303, target);
	}
};
