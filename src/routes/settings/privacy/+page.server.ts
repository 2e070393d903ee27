import { fail, redirect } from '@sveltejs/kit';
import { resolve } from '$app/paths';
import { getDb } from '$lib/server/db';
import * as privacy from '$lib/server/privacy';
import { clearSession } from '$lib/server/auth/cookies';
import { requireUser } from '$lib/server/auth/guard';
import { limits, minutesToWait } from '$lib/server/auth/rate-limit';
import { fieldError, parseForm } from '$lib/server/form';
import { deleteSchema } from '$lib/schemas';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

/** What stops this person deleting their account, in their language; null when nothing does. */
function refusalMessage(refusal: privacy.PrivacyError | null): string | null {
	if (!refusal) return null;
	if (refusal.code === 'admin') return m.privacy_delete_admin();
	if (refusal.code === 'last_verbinder')
		return m.privacy_delete_last_verbinder({ flat: refusal.flat ?? '' });
	return null;
}

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	return { refusal: refusalMessage(privacy.deleteRefusal(getDb(), user.id)) };
};

export const actions: Actions = {
	delete: async (event) => {
		const user = requireUser(event);
		const form = parseForm(deleteSchema, await event.request.formData());
		if (!form.ok) return fail(400, { values: form.values, errors: form.errors });
		// Guessing the password here is slowed down like at the login, per account and per address.
		const limit = await limits.login.check(event, `delete:${user.id}`);
		if (limit.limited)
			return fail(429, {
				values: form.values,
				errors: fieldError('form', m.rate_limited({ minutes: minutesToWait(limit.retryAfter) }))
			});
		const db = getDb();
		if (!(await privacy.checkPassword(db, user.id, form.data.password)))
			return fail(400, {
				values: form.values,
				errors: fieldError('password', m.privacy_delete_wrong_password())
			});
		try {
			privacy.deleteAccount(db, user.id);
		} catch (e) {
			if (!(e instanceof privacy.PrivacyError)) throw e;
			return fail(400, {
				values: form.values,
				errors: fieldError('form', refusalMessage(e) ?? m.err_invalid())
			});
		}
		clearSession(event);
		// Neighbours' names may sit in the browser's HTTP cache: they go with the account.
		event.setHeaders({ 'clear-site-data': '"cache"' });
		redirect(303, `${resolve('/')}?goodbye`);
	}
};
