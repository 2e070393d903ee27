import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as account from '$lib/server/auth/account';
import * as loginCode from '$lib/server/auth/login-code';
import * as members from '$lib/server/members';
import { startSession } from '$lib/server/auth';
import { setLastFlat } from '$lib/server/auth/cookies';
import { hashPassword } from '$lib/server/auth/password';
import { limits, minutesToWait } from '$lib/server/auth/rate-limit';
import { action } from '$lib/server/action';
import { fieldError, parseForm } from '$lib/server/form';
import { codeSchema, newPasswordSchema } from '$lib/schemas';
import { links } from '$lib/links';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = ({ url }) => ({ code: url.searchParams.get('code') ?? '' });

/** Codes are guessed like passwords: a few tries per address, then a wait (no name in it). */
async function limited(event: RequestEvent, name: string, values: Record<string, string>) {
	const limit = await limits.loginCode.check(event);
	if (!limit.limited) return null;
	return fail(429, {
		action: name,
		step: 'code' as const,
		values,
		errors: fieldError('code', m.rate_limited({ minutes: minutesToWait(limit.retryAfter) }))
	});
}

const unknown = (name: string, values: Record<string, string>) =>
	fail(400, {
		action: name,
		step: 'code' as const,
		values,
		errors: fieldError('code', m.code_invalid())
	});

export const actions: Actions = {
	/** Step one: is the code valid? Then ask for a new password. */
	check: action({
		name: 'check',
		guard: () => null,
		schema: codeSchema,
		run: async (_, { code }, event) => {
			const stop = await limited(event, 'check', { code });
			if (stop) return stop;
			const owner = loginCode.check(getDb(), code);
			if (!owner) return unknown('check', { code });
			return {
				step: 'password' as const,
				code: loginCode.format(loginCode.normalize(code)),
				name: owner.name
			};
		}
	}),

	/**
	 * Step two: set the password; the code is used up and the person is logged in. Limited like
	 * step one before the code is even looked at, or this step would tell whose a code is; so
	 * it reads its own form, and the limit comes before the form is checked.
	 */
	redeem: action({
		name: 'redeem',
		guard: () => null,
		run: async (_, __, event) => {
			const form = parseForm(newPasswordSchema, await event.request.formData());
			const stop = await limited(event, 'redeem', form.values);
			if (stop) return stop;
			const db = getDb();
			if (!form.ok) {
				const owner = loginCode.check(db, form.values.code ?? '');
				if (!owner) return unknown('redeem', form.values);
				return fail(400, {
					action: 'redeem',
					step: 'password' as const,
					code: form.values.code ?? '',
					name: owner.name,
					errors: form.errors
				});
			}
			const userId = loginCode.redeem(db, form.data.code, await hashPassword(form.data.password));
			if (!userId) return unknown('redeem', form.values);
			const user = account.get(db, userId)!;
			startSession(event, user);
			const flats = members.flatsOf(db, userId);
			const flat = flats.find((f) => f.status === 'active') ?? flats[0];
			if (flat) setLastFlat(event, flat.slug);
			redirect(303, flat ? links.flat(flat.slug) : user.isAdmin ? links.admin() : links.home());
		}
	})
};
