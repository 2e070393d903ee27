import { fail, redirect } from '@sveltejs/kit';
import { resolve } from '$app/paths';
import { getDb } from '$lib/server/db';
import * as privacy from '$lib/server/privacy';
import { action } from '$lib/server/action';
import { clearSession } from '$lib/server/auth/cookies';
import { requireUser } from '$lib/server/auth/guard';
import { limits, minutesToWait } from '$lib/server/auth/rate-limit';
import { fieldError } from '$lib/server/form';
import type { Refusal } from '$lib/server/refusals';
import { deleteSchema } from '$lib/schemas';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

/** What stops this person deleting their account, in their language, beside the form. */
const refusals: Record<string, Refusal> = {
	admin: { status: 400, field: 'form', message: () => m.privacy_delete_admin() },
	last_verbinder: {
		status: 400,
		field: 'form',
		message: (e) =>
			m.privacy_delete_last_verbinder({ flat: (e as privacy.PrivacyError).flat ?? '' })
	},
	not_found: { status: 400, field: 'form', message: () => m.err_invalid() },
	wrong_password: {
		status: 400,
		field: 'password',
		message: () => m.privacy_delete_wrong_password()
	}
};

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const refusal = privacy.deleteRefusal(getDb(), user.id);
	// An account that is gone is no refusal to show: the next request logs out.
	const shown = refusal && refusal.code !== 'not_found' ? refusals[refusal.code] : undefined;
	return { refusal: shown ? shown.message(refusal!) : null };
};

export const actions: Actions = {
	delete: action({
		name: 'delete',
		guard: requireUser,
		schema: deleteSchema,
		refusals,
		run: async (user, { password }, event) => {
			// Guessing the password here is slowed down like at the login, per account and per address.
			const limit = await limits.login.check(event, `delete:${user.id}`);
			if (limit.limited)
				return fail(429, {
					action: 'delete',
					errors: fieldError('form', m.rate_limited({ minutes: minutesToWait(limit.retryAfter) }))
				});
			await privacy.deleteWithPassword(getDb(), user.id, password);
			clearSession(event);
			// Neighbours' names may sit in the browser's HTTP cache: they go with the account.
			event.setHeaders({ 'clear-site-data': '"cache"' });
			redirect(303, `${resolve('/')}?goodbye`);
		}
	})
};
