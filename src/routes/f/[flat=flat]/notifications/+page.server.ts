import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as notify from '$lib/server/notify';
import { requireMember } from '$lib/server/auth/guard';
import { parseForm } from '$lib/server/form';
import { localDate } from '$lib/server/time';
import { idSchema } from '$lib/schemas';
import { links } from '$lib/links';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

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

export const actions: Actions = {
	/** Opening one marks it read and goes where it points. */
	open: async (event) => {
		const { flat, user } = requireMember(event, 'flat.view');
		const form = parseForm(idSchema, await event.request.formData());
		const link = form.ok ? notify.open(getDb(), flat.id, user.id, form.data.id) : undefined;
		if (link === undefined) return fail(400, { message: m.members_not_found() });
		redirect(
			303,
			link ? `${links.flat(flat.slug)}/${link}` : links.flat(flat.slug, 'notifications')
		);
	},
	allRead: (event) => {
		const { flat, user } = requireMember(event, 'flat.view');
		notify.markAllRead(getDb(), flat.id, user.id);
		return { allRead: true };
	}
};
