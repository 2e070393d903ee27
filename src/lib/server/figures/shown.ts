import {
	FEWER,
	MEASURES,
	THRESHOLD,
	type Counts,
	type Figures,
	type Shown,
	type Slice
} from './model';

/**
 * The one rule for every count that leaves the server: below three it is "fewer than 3",
 * zero too, so a small number never points at the one or two neighbours behind it.
 */
export function shown(count: number): Shown {
	return count < THRESHOLD ? FEWER : count;
}

/** Exact counts turned into what may be shown, measure by measure. */
export function figures(slices: Slice[], counts: Counts): Figures {
	return {
		slices,
		measures: MEASURES.map((key) => ({
			key,
			total: shown(counts[key].total),
			months: counts[key].months.map(shown)
		}))
	};
}
