import { getDb } from '$lib/server/db';
import * as moderation from '$lib/server/moderation';
import { requireMember } from '$lib/server/auth/guard';
import { action } from '$lib/server/action';
import { reportHandleSchema } from '$lib/schemas';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { flat } = requireMember(event, 'reports.manage');
	return { reports: moderation.queue(getDb(), flat.id) };
};

export const actions: Actions = {
	handle: action({
		name: 'handle',
		guard: (event) => requireMember(event, 'reports.manage'),
		schema: reportHandleSchema,
		run: ({ flat }, { reportId, outcome }) => {
			moderation.handle(getDb(), flat.id, reportId, outcome);
			return { handled: outcome };
		}
	})
};
