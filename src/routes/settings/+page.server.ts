import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as push from '$lib/server/push';
import * as vapid from '$lib/server/push/vapid';
import * as account from '$lib/server/auth/account';
import * as members from '$lib/server/members';
import { setLocale } from '$lib/server/auth/cookies';
import { requireUser } from '$lib/server/auth/guard';
import { action } from '$lib/server/action';
import { fieldError } from '$lib/server/form';
import { limits, minutesToWait } from '$lib/server/auth/rate-limit';
import { changePasswordSchema, deviceSchema, localeSchema } from '$lib/schemas';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';
import { links } from '$lib/links';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const db = getDb();
	return {
		locale: account.get(db, user.id)?.locale ?? 'nl',
		flats: members.flatsOf(db, user.id),
		devices: push.devices(db, user.id),
		// The public half only: the browser needs it to subscribe.
		vapidPublicKey: vapid.publicKey()
	};
};

export const actions: Actions = {
	removeDevice: action({
		name: 'removeDevice',
		guard: requireUser,
		schema: deviceSchema,
		run: (user, { id }) => {
			// Removed already, on another device or by a push service that gave up on it.
			if (!push.removeDevice(getDb(), user.id, id))
				return fail(400, { action: 'removeDevice', message: m.push_device_gone() });
			return { removed: true };
		}
	}),

	language: action({
		name: 'language',
		guard: requireUser,
		schema: localeSchema,
		run: (user, { locale }, event) => {
			account.setLocale(getDb(), user.id, locale);
			setLocale(event, locale);
			// A new page load, so the page (and its direction) comes back in the new language.
			redirect(303, links.settings());
		}
	}),

	/** Rate limited per account, so its refusals are the route's own (as at login). */
	password: action({
		name: 'password',
		guard: requireUser,
		schema: changePasswordSchema,
		run: async (user, { current, password }, event) => {
			// Guessing the current password from a session left open is slowed like a login.
			const limit = await limits.passwordChange.check(event, `user:${user.id}`);
			if (limit.limited)
				return fail(429, {
					action: 'password',
					errors: fieldError(
						'current',
						m.rate_limited({ minutes: minutesToWait(limit.retryAfter) })
					)
				});
			const changed = await account.changePassword(getDb(), {
				userId: user.id,
				keepSessionId: event.locals.session!.id,
				current,
				next: password
			});
			if (!changed)
				return fail(400, {
					action: 'password',
					errors: fieldError('current', m.settings_wrong_password())
				});
			return { saved: true };
		}
	})
};
