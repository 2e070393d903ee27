import { getDb } from '$lib/server/db';
import * as help from '$lib/server/help';
import { action } from '$lib/server/action';
import { requireMember } from '$lib/server/auth/guard';
import { waitingDaysSchema } from '$lib/schemas';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const verbinder = (event: RequestEvent) => requireMember(event, 'help.waiting');

export const load: PageServerLoad = (event) => {
	const { flat, user } = verbinder(event);
	return {
		requests: help.waiting(getDb(), flat, user.id),
		waitingDays: flat.waitingDays
	};
};

export const actions: Actions = {
	days: action({
		name: 'days',
		guard: verbinder,
		schema: waitingDaysSchema,
		run: ({ flat }, { days }) => {
			help.setWaitingDays(getDb(), flat.id, days);
			return { saved: true };
		}
	})
};
