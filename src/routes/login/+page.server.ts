import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as flats from '$lib/server/flats';
import * as members from '$lib/server/members';
import { startSession } from '$lib/server/auth';
import { lastFlat, setLastFlat } from '$lib/server/auth/cookies';
import { checkLogin } from '$lib/server/auth/password';
import { limits, minutesToWait } from '$lib/server/auth/rate-limit';
import { action } from '$lib/server/action';
import { fieldError } from '$lib/server/form';
import { loginSchema } from '$lib/schemas';
import { links, safeRedirect } from '$lib/links';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

/**
 * The device remembers the flat it logged in to, and the form starts with it filled in. Only
 * the web name the cookie holds comes back, never looked up: a visitor who sets the cookie
 * by hand learns nothing about which flats exist.
 */
export const load: PageServerLoad = ({ cookies, url, locals }) => {
	const redirectTo = safeRedirect(url.searchParams.get('redirectTo'), '');
	if (locals.user) redirect(303, redirectTo || links.home());
	const remembered = lastFlat(cookies)?.slice(0, 60) ?? '';
	return { remembered, redirectTo };
};

export const actions: Actions = {
	/**
	 * Rate limited per account before the password is checked, so the refusals are the route's
	 * own: nothing in the domain knows how many guesses came before.
	 */
	default: action({
		name: 'login',
		guard: () => null,
		schema: loginSchema,
		run: async (_, { flat: typed, name, password, redirectTo }, event) => {
			const db = getDb();
			const flat = flats.named(db, typed);
			const account = flat ? members.forLogin(db, flat.id, name) : undefined;
			// The form comes back with what was typed; never the password.
			const values = { flat: typed, name, redirectTo };
			// Guesses count against the account they are aimed at, however its flat was typed.
			const limit = await limits.login.check(
				event,
				account ? `user:${account.userId}` : `none:${flat?.id ?? ''}|${members.nameKey(name)}`
			);
			if (limit.limited)
				return fail(429, {
					action: 'login',
					values,
					errors: fieldError('form', m.rate_limited({ minutes: minutesToWait(limit.retryAfter) }))
				});
			if (!(await checkLogin(account, password)) || !flat || !account)
				return fail(400, { action: 'login', values, errors: fieldError('form', m.login_failed()) });
			startSession(event, { id: account.userId, locale: account.locale });
			setLastFlat(event, flat.slug);
			redirect(303, safeRedirect(redirectTo, links.flat(flat.slug)));
		}
	})
};
