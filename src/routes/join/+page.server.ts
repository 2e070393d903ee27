import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as flats from '$lib/server/flats';
import { limits, minutesToWait } from '$lib/server/auth/rate-limit';
import { fieldError, parseForm } from '$lib/server/form';
import { codeSchema } from '$lib/schemas';
import { links } from '$lib/links';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => ({ code: url.searchParams.get('code') ?? '' });

export const actions: Actions = {
	default: async (event) => {
		const form = parseForm(codeSchema, await event.request.formData());
		if (!form.ok) return fail(400, { values: form.values, errors: form.errors });
		const limit = await limits.joinCode.check(event);
		if (limit.limited)
			return fail(429, {
				values: form.values,
				errors: fieldError('code', m.rate_limited({ minutes: minutesToWait(limit.retryAfter) }))
			});
		const flat = flats.byJoinCode(getDb(), form.data.code);
		if (!flat)
			return fail(400, { values: form.values, errors: fieldError('code', m.join_code_unknown()) });
		redirect(303, links.join(flats.joinCode.format(flat.joinCode)));
	}
};
