import { getDb } from '$lib/server/db';
import * as figures from '$lib/server/figures';
import { requireMember } from '$lib/server/auth/guard';
import { m } from '$lib/paraglide/messages';
import { MEASURE_WORDS } from '../measure-words';
import type { RequestHandler } from './$types';

/**
 * The figures as a spreadsheet for a housing corporation's report: the page's guard, the
 * page's counts ("<3" below three), headers in the reader's language, no names.
 */
export const GET: RequestHandler = (event) => {
	const { flat } = requireMember(event, 'figures.view');
	const shown = figures.forFlat(getDb(), flat);
	const text = figures.csv(shown, {
		month: m.figures_month(),
		total: m.figures_total(),
		measures: Object.fromEntries(
			figures.MEASURES.map((key) => [key, MEASURE_WORDS[key].name()])
		) as Record<figures.Measure, string>,
		slice: (slice) => m.figures_range({ from: slice.start, to: slice.end })
	});
	const last = shown.slices.at(-1)!.end;
	return new Response(text, {
		headers: {
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': `attachment; filename="figures-${flat.slug}-${last}.csv"`,
			'Cache-Control': 'private, no-store'
		}
	});
};
