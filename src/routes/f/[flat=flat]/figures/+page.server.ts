import { getDb } from '$lib/server/db';
import * as figures from '$lib/server/figures';
import { requireMember } from '$lib/server/auth/guard';
import { getTextDirection } from '$lib/paraglide/runtime';
import type { PageServerLoad } from './$types';

/**
 * The flat's figures for verbinders and professionals: counts only, each below three as
 * "fewer than 3", with each measure's bars worked out here so the page draws them without
 * a script.
 */
export const load: PageServerLoad = (event) => {
	const { flat } = requireMember(event, 'figures.view');
	const shown = figures.forFlat(getDb(), flat);
	const rtl = getTextDirection() === 'rtl';
	return {
		slices: shown.slices,
		box: { width: figures.CHART.width, height: figures.CHART.height },
		measures: shown.measures.map((m) => ({ ...m, bars: figures.bars(m.months, rtl) }))
	};
};
