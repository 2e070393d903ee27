import { m } from '$lib/paraglide/messages';
import { formatDate } from '$lib/format';
import type { Measure, Shown, Slice } from '$lib/server/figures';

/** Each measure's name and what it counts, in plain words: the page, the CSV and the admin's totals. */
export const MEASURE_WORDS: Record<Measure, { name: () => string; about: () => string }> = {
	requests: { name: m.figures_m_requests, about: m.figures_d_requests },
	answered: { name: m.figures_m_answered, about: m.figures_d_answered },
	done: { name: m.figures_m_done, about: m.figures_d_done },
	offersTaken: { name: m.figures_m_offers_taken, about: m.figures_d_offers_taken },
	held: { name: m.figures_m_held, about: m.figures_d_held },
	attending: { name: m.figures_m_attending, about: m.figures_d_attending },
	newMembers: { name: m.figures_m_new_members, about: m.figures_d_new_members },
	gaveAndReceived: { name: m.figures_m_gave_and_received, about: m.figures_d_gave_and_received }
};

/** A count as a table says it: the number, or the words "fewer than 3". */
export const sayCount = (count: Shown) =>
	typeof count === 'number' ? String(count) : m.figures_fewer();

/** A month of the window as people read it: "6 juni – 5 juli". */
export const sayMonth = (slice: Slice, today: string) =>
	m.figures_range({
		from: formatDate(slice.start, undefined, today),
		to: formatDate(slice.end, undefined, today)
	});
