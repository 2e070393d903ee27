import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as notify from '$lib/server/notify';
import { requireMember } from '$lib/server/auth/guard';
import { action } from '$lib/server/action';
import { localDate } from '$lib/server/time';
import { idSchema } from '$lib/schemas';
import { links } from '$lib/links';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = (event) => {
	const { flat, user } = requireMember(event, 'flat.view');
	return {
		timeZone: flat.timeZone,
		notifications: notify.list(getDb(), flat.id, user.id).map((n) => ({
			...n,
			day: localDate(n.createdAt, flat.timeZone)
		}))
	};
};

const member = (event: RequestEvent) => requireMember(event, 'flat.view');

export const actions: Actions = {
	/** Opening one marks it read and goes where it points. */
	open: action({
		name: 'open',
		guard: member,
		schema: idSchema,
		run: ({ flat, user }, { id }) => {
			const link = notify.open(getDb(), flat.id, user.id, id);
			// Not one of yours (or gone): nothing to open.
			if (link === undefined) return fail(400, { action: 'open', message: m.members_not_found() });
			redirect(
				303,
				link ? `${links.flat(flat.slug)}/${link}` : links.flat(flat.slug, 'notifications')
			);
		}
	}),

	allRead: action({
		name: 'allRead',
		guard: member,
		run: ({ flat, user }) => {
			notify.markAllRead(getDb(), flat.id, user.id);
			return { allRead: true };
		}
	})
};
