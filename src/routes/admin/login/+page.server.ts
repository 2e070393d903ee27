import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as admin from '$lib/server/admin';
import { startSession } from '$lib/server/auth';
import { checkLogin } from '$lib/server/auth/password';
import { limits, minutesToWait } from '$lib/server/auth/rate-limit';
import { action } from '$lib/server/action';
import { fieldError } from '$lib/server/form';
import { nameKey } from '$lib/server/members/name';
import { adminLoginSchema } from '$lib/schemas';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';
import { links } from '$lib/links';

export const load: PageServerLoad = ({ locals }) => {
	if (locals.user?.isAdmin) redirect(303, links.admin());
};

export const actions: Actions = {
	/** Rate limited per account like the residents' login, with the same answers. */
	default: action({
		name: 'login',
		guard: () => null,
		schema: adminLoginSchema,
		run: async (_, { name, password }, event) => {
			const account = admin.forLogin(getDb(), name);
			// Guesses count against the account they are aimed at, however its name was typed.
			const limit = await limits.login.check(
				event,
				account ? `user:${account.userId}` : `admin|${nameKey(name)}`
			);
			if (limit.limited)
				return fail(429, {
					action: 'login',
					values: { name },
					errors: fieldError('form', m.rate_limited({ minutes: minutesToWait(limit.retryAfter) }))
				});
			if (!(await checkLogin(account, password)) || !account)
				return fail(400, {
					action: 'login',
					values: { name },
					errors: fieldError('form', m.login_failed())
				});
			startSession(event, { id: account.userId, locale: account.locale });
			redirect(303, links.admin());
		}
	})
};
