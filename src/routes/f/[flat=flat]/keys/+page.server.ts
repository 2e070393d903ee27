import { fail, type RequestEvent } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as keys from '$lib/server/keys';
import * as members from '$lib/server/members';
import { requireMember } from '$lib/server/auth/guard';
import { fieldError, parseForm } from '$lib/server/form';
import { keySchema, newKeySchema } from '$lib/schemas';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { flat, user } = requireMember(event, 'keys.use');
	const db = getDb();
	return {
		keys: keys.list(db, flat.id, user.id),
		neighbours: members
			.directory(db, flat.id)
			.filter((n) => n.userId !== user.id)
			.map(({ userId, name }) => ({ userId, name })),
		timeZone: flat.timeZone
	};
};

/** Review or end one of the member's own keys. */
async function change(
	event: RequestEvent,
	run: (flatId: number, keyId: number, userId: number) => void
) {
	const { flat, user } = requireMember(event, 'keys.use');
	const form = parseForm(keySchema, await event.request.formData());
	try {
		if (!form.ok) throw new keys.KeyError('not_found');
		run(flat.id, form.data.keyId, user.id);
	} catch (e) {
		if (e instanceof keys.KeyError) return fail(400, { message: m.keys_not_found() });
		throw e;
	}
	return { done: true };
}

export const actions: Actions = {
	add: async (event) => {
		const { flat, user } = requireMember(event, 'keys.use');
		const form = parseForm(newKeySchema, await event.request.formData());
		if (!form.ok) return fail(400, { errors: form.errors });
		try {
			keys.add(getDb(), flat.id, user.id, form.data.holderId);
		} catch (e) {
			if (e instanceof keys.KeyError)
				return fail(400, { errors: fieldError('holderId', m.err_choose()) });
			throw e;
		}
		return { added: true };
	},
	review: (event) => change(event, (f, k, u) => keys.review(getDb(), f, k, u)),
	end: (event) => change(event, (f, k, u) => keys.end(getDb(), f, k, u))
};
