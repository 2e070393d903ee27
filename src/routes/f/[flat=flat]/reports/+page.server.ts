import { fail } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as moderation from '$lib/server/moderation';
import { requireMember } from '$lib/server/auth/guard';
import { parseForm } from '$lib/server/form';
import { reportHandleSchema } from '$lib/schemas';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { flat } = requireMember(event, 'reports.manage');
	return { reports: moderation.queue(getDb(), flat.id) };
};

export const actions: Actions = {
	handle: async (event) => {
		const { flat } = requireMember(event, 'reports.manage');
		const form = parseForm(reportHandleSchema, await event.request.formData());
		if (!form.ok) return fail(400, { message: m.members_not_found() });
		try {
			moderation.handle(getDb(), flat.id, form.data.reportId, form.data.outcome);
		} catch (e) {
			if (e instanceof moderation.ModerationError)
				return fail(400, { message: m.help_err_state() });
			throw e;
		}
		return { handled: form.data.outcome };
	}
};
