import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as push from '$lib/server/push';
import * as vapid from '$lib/server/push/vapid';
import * as account from '$lib/server/auth/account';
import * as members from '$lib/server/members';
import { setLocale } from '$lib/server/auth/cookies';
import { requireUser } from '$lib/server/auth/guard';
import { fieldError, parseForm } from '$lib/server/form';
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
	removeDevice: async (event) => {
		const user = requireUser(event);
		const form = parseForm(deviceSchema, await event.request.formData());
		if (!form.ok || !push.removeDevice(getDb(), user.id, form.data.id))
			return fail(400, { action: 'removeDevice', message: m.push_device_gone() });
		return { action: 'removeDevice', removed: true };
	},
	language: async (event) => {
		const user = requireUser(event);
		const form = parseForm(localeSchema, await event.request.formData());
		if (!form.ok) return fail(400, { action: 'language', errors: form.errors });
		account.setLocale(getDb(), user.id, form.data.locale);
		setLocale(event, form.data.locale);
		// A new page load, so the page (and its direction) comes back in the new language.
		redirect(303, links.settings());
	},
	password: async (event) => {
		const user = requireUser(event);
		const form = parseForm(changePasswordSchema, await event.request.formData());
		if (!form.ok) return fail(400, { action: 'password', errors: form.errors });
		// Guessing the current password from a session left open is slowed like a login.
		const limit = await limits.passwordChange.check(event, `user:${user.id}`);
		if (limit.limited)
			return fail(429, {
				action: 'password',
				errors: fieldError('current', m.rate_limited({ minutes: minutesToWait(limit.retryAfter) }))
			});
		const changed = await account.changePassword(getDb(), {
			userId: user.id,
			keepSessionId: event.locals.session!.id,
			current: form.data.current,
			next: form.data.password
		});
		if (!changed)
			return fail(400, {
				action: 'password',
				errors: fieldError('current', m.settings_wrong_password())
			});
		return { action: 'password', saved: true };
	}
};
