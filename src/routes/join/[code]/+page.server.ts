import { error, fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as flats from '$lib/server/flats';
import * as members from '$lib/server/members';
import { startSession } from '$lib/server/auth';
import { setLastFlat } from '$lib/server/auth/cookies';
import { limits, minutesToWait } from '$lib/server/auth/rate-limit';
import { fieldError, parseForm } from '$lib/server/form';
import { joinAsMemberSchema, joinSchema } from '$lib/schemas';
import { links } from '$lib/links';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** The flat behind the code in the URL; a wrong or old code is a kind page, not a stack trace. */
async function flatFor(event: RequestEvent) {
	const limit = await limits.joinCode.check(event);
	if (limit.limited)
		error(429, { message: m.rate_limited({ minutes: minutesToWait(limit.retryAfter) }) });
	const flat = flats.byJoinCode(getDb(), event.params.code);
	if (!flat) error(404, { message: m.join_code_unknown() });
	return flat;
}

/** A newcomer lands on the welcome page (or, while waiting for approval, the waiting page). */
function landing(slug: string, status: 'active' | 'pending') {
	return status === 'pending' ? links.flat(slug, 'waiting') : links.welcome(slug);
}

export const load: PageServerLoad = async (event) => {
	const flat = await flatFor(event);
	const user = event.locals.user;
	if (user && members.membership(getDb(), flat.id, user.id)) redirect(303, links.flat(flat.slug));
	return {
		flat: { name: flat.name },
		code: flats.joinCode.format(flat.joinCode),
		userName: user?.name ?? null
	};
};

export const actions: Actions = {
	/** A new neighbour: a first name, a password, and in they go. */
	join: async (event) => {
		const flat = await flatFor(event);
		const form = parseForm(joinSchema, await event.request.formData());
		if (!form.ok) return fail(400, { values: form.values, errors: form.errors });
		const limit = await limits.join.check(event);
		if (limit.limited)
			return fail(429, {
				values: form.values,
				errors: fieldError('form', m.rate_limited({ minutes: minutesToWait(limit.retryAfter) }))
			});
		let result;
		try {
			result = await members.join(getDb(), { flat, ...form.data });
		} catch (e) {
			if (e instanceof members.MemberError && e.code === 'name_taken')
				return fail(400, { values: form.values, errors: fieldError('name', m.join_name_taken()) });
			throw e;
		}
		startSession(event, { id: result.userId, locale: form.data.locale });
		setLastFlat(event, flat.slug);
		redirect(303, landing(flat.slug, result.status));
	},

	/** Someone who already has an account (another flat) joins this one too. */
	member: async (event) => {
		const flat = await flatFor(event);
		const user = event.locals.user;
		if (!user) redirect(303, links.login(event.url.pathname));
		const form = parseForm(joinAsMemberSchema, await event.request.formData());
		if (!form.ok) return fail(400, { values: form.values, errors: form.errors });
		let status;
		try {
			status = members.joinAsUser(getDb(), { flat, userId: user.id, ...form.data });
		} catch (e) {
			if (e instanceof members.MemberError && e.code === 'already_member')
				redirect(303, links.flat(flat.slug));
			if (e instanceof members.MemberError && e.code === 'name_taken')
				return fail(400, {
					values: form.values,
					errors: fieldError('form', m.join_name_taken_member())
				});
			if (e instanceof members.MemberError && e.code === 'admin')
				return fail(400, { values: form.values, errors: fieldError('form', m.join_admin_apart()) });
			throw e;
		}
		setLastFlat(event, flat.slug);
		redirect(303, landing(flat.slug, status));
	}
};
