import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as account from '$lib/server/auth/account';
import { setLocale } from '$lib/server/auth/cookies';
import { action } from '$lib/server/action';
import { languageSwitchSchema } from '$lib/schemas';
import { links, safeRedirect } from '$lib/links';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, links.home());

export const actions: Actions = {
	/** Switches the language: a cookie for everyone, and the account for a logged-in user. */
	default: action({
		name: 'language',
		guard: () => null,
		/** A switch that never refuses: a language it does not know leaves it as it was. */
		schema: languageSwitchSchema,
		run: (_, { locale: chosen, redirectTo }, event) => {
			if (chosen) {
				setLocale(event, chosen);
				if (event.locals.user) account.setLocale(getDb(), event.locals.user.id, chosen);
			}
			redirect(303, safeRedirect(redirectTo));
		}
	})
};
