import { m } from '$lib/paraglide/messages';
import { formatDate } from '$lib/format';
import type { HelpCategory } from '$lib/help';

/** The word for each kind of help, in the reader's language. */
export function categoryLabel(category: HelpCategory): string {
	const labels: Record<HelpCategory, () => string> = {
		plants: m.cat_plants,
		pets: m.cat_pets,
		spare_key: m.cat_spare_key,
		letters: m.cat_letters,
		bins: m.cat_bins,
		errands: m.cat_errands,
		small_jobs: m.cat_small_jobs,
		lend: m.cat_lend,
		company: m.cat_company,
		other: m.cat_other
	};
	return labels[category]();
}

/** When help is wanted: "Op 12 juli", "Van 12 juli tot en met 19 juli", the year when not this one. */
export function whenLabel(
	post: {
		when: 'day' | 'period' | 'flexible';
		startDate: string | null;
		endDate: string | null;
	},
	today?: string
): string {
	const date = (d: string) => formatDate(d, undefined, today);
	if (post.when === 'day' && post.startDate) return m.help_when_day({ date: date(post.startDate) });
	if (post.when === 'period' && post.startDate && post.endDate)
		return m.help_when_period({ from: date(post.startDate), to: date(post.endDate) });
	return m.help_when_flexible();
}

/** Who asks or offers: a name, "a neighbour" (anonymous), or a verbinder for someone. */
export function authorLabel(post: {
	authorName: string | null;
	onBehalfOf: string | null;
}): string {
	if (post.onBehalfOf)
		return post.authorName
			? m.help_by_for({ verbinder: post.authorName, name: post.onBehalfOf })
			: m.help_for({ name: post.onBehalfOf });
	return post.authorName ? m.help_by({ name: post.authorName }) : m.help_by_neighbour();
}

export function statusLabel(status: string): string {
	switch (status) {
		case 'open':
			return m.help_status_open();
		case 'accepted':
			return m.help_status_accepted();
		case 'done_pending':
			return m.help_status_done_pending();
		case 'done':
			return m.help_status_done();
		default:
			return m.help_status_closed();
	}
}

export function roleLabel(role: string): string {
	return role === 'verbinder'
		? m.role_verbinder()
		: role === 'professional'
			? m.role_professional()
			: m.role_resident();
}
