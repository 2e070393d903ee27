import { error, fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as flats from '$lib/server/flats';
import * as members from '$lib/server/members';
import { action } from '$lib/server/action';
import { startSession } from '$lib/server/auth';
import { setLastFlat } from '$lib/server/auth/cookies';
import { limits, minutesToWait } from '$lib/server/auth/rate-limit';
import { fieldError } from '$lib/server/form';
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

/** The form's values as typed, to fill it in again (the password never goes back). */
function typed(data: { name: string; houseNumber: string | null; locale: string }) {
	return { name: data.name, houseNumber: data.houseNumber ?? '', locale: data.locale };
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
	join: action({
		name: 'join',
		guard: flatFor,
		schema: joinSchema,
		refusals: {
			name_taken: { status: 400, field: 'name', message: () => m.join_name_taken() }
		},
		run: async (flat, data, event) => {
			const limit = await limits.join.check(event);
			if (limit.limited)
				return fail(429, {
					action: 'join',
					values: typed(data),
					errors: fieldError('form', m.rate_limited({ minutes: minutesToWait(limit.retryAfter) }))
				});
			const result = await members.join(getDb(), { flat, ...data });
			startSession(event, { id: result.userId, locale: data.locale });
			setLastFlat(event, flat.slug);
			redirect(303, landing(flat.slug, result.status));
		}
	}),

	/** Someone who already has an account (another flat) joins this one too. */
	member: action({
		name: 'member',
		guard: async (event) => {
			const flat = await flatFor(event);
			const user = event.locals.user;
			if (!user) redirect(303, links.login(event.url.pathname));
			return { flat, user };
		},
		schema: joinAsMemberSchema,
		refusals: {
			name_taken: { status: 400, field: 'form', message: () => m.join_name_taken_member() },
			admin: { status: 400, field: 'form', message: () => m.join_admin_apart() }
		},
		run: (ctx, data, event) => {
			const { flat } = ctx;
			const db = getDb();
			// Already in: the flat itself, as the join page's load does.
			if (members.membership(db, flat.id, ctx.user.id)) redirect(303, links.flat(flat.slug));
			const status = members.joinAsUser(db, { flat, userId: ctx.user.id, ...data });
			setLastFlat(event, flat.slug);
			redirect(303, landing(flat.slug, status));
		}
	})
};
