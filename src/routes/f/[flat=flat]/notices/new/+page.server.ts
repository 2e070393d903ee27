import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as notices from '$lib/server/notices';
import { action } from '$lib/server/action';
import { writing } from '$lib/server/auth/rate-limit';
import { localDate } from '$lib/server/time';
import { noticeSchema } from '$lib/schemas';
import { links } from '$lib/links';
import type { Actions, PageServerLoad } from './$types';
import { writer } from '../context';

export const load: PageServerLoad = (event) => {
	const { flat } = writer(event);
	return { today: localDate(new Date(), flat.timeZone) };
};

export const actions: Actions = {
	/** Posts the notice (every member hears of it), then shows it as neighbours will read it. */
	default: action({
		name: 'default',
		guard: writer,
		schema: noticeSchema,
		limit: writing.post,
		run: ({ user, flat }, input) => {
			const id = notices.create(getDb(), flat, user.id, input);
			redirect(303, links.notice(flat.slug, id));
		}
	})
};
