import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as flats from '$lib/server/flats';
import { limits, minutesToWait } from '$lib/server/auth/rate-limit';
import { action } from '$lib/server/action';
import { fieldError } from '$lib/server/form';
import { codeSchema } from '$lib/schemas';
import { links } from '$lib/links';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => ({ code: url.searchParams.get('code') ?? '' });

export const actions: Actions = {
	/** A typed join code leads to its flat's join page; guesses are limited per address. */
	default: action({
		name: 'join',
		guard: () => null,
		schema: codeSchema,
		refusals: { not_found: { status: 400, field: 'code', message: () => m.join_code_unknown() } },
		run: async (_, { code }, event) => {
			const limit = await limits.joinCode.check(event);
			if (limit.limited)
				return fail(429, {
					action: 'join',
					values: { code },
					errors: fieldError('code', m.rate_limited({ minutes: minutesToWait(limit.retryAfter) }))
				});
			const flat = flats.forJoinCode(getDb(), code);
			redirect(303, links.join(flats.joinCode.format(flat.joinCode)));
		}
	})
};
