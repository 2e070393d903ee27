import { getDb } from '$lib/server/db';
import * as admin from '$lib/server/admin';
import * as figures from '$lib/server/figures';
import * as flats from '$lib/server/flats';
import { requireAdmin } from '$lib/server/auth/guard';
import { action } from '$lib/server/action';
import { flatSchema, verbinderSchema } from '$lib/schemas';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireAdmin(event);
	// The figures of all flats together: totals only, never one flat's.
	return { flats: flats.listForAdmin(getDb()), totals: await figures.totals(getDb()) };
};

export const actions: Actions = {
	createFlat: action({
		name: 'createFlat',
		guard: requireAdmin,
		schema: flatSchema,
		run: (_, input) => ({ created: admin.createFlat(getDb(), input).name })
	}),

	/** A login code for a flat's (first) verbinder, shown once to pass on. */
	verbinder: action({
		name: 'verbinder',
		guard: requireAdmin,
		schema: verbinderSchema,
		// The flat is picked from the list: one that is gone is picked again.
		refusals: { not_found: { status: 400, field: 'flatId', message: () => m.err_choose() } },
		run: (_, { flatId, name }) => ({
			handed: { ...admin.handOver(getDb(), { flatId, name }), name }
		})
	})
};
