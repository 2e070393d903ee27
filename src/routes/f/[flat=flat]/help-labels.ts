import type { ComponentProps } from 'svelte';
import { m } from '$lib/paraglide/messages';
import { formatDate } from '$lib/format';
import type Icon from '$lib/components/Icon.svelte';
import type { PostCategory, PostType } from '$lib/help';

const CATEGORIES: Record<PostCategory, typeof m.cat_other> = {
	plants: m.cat_plants,
	pets: m.cat_pets,
	spare_key: m.cat_spare_key,
	letters: m.cat_letters,
	bins: m.cat_bins,
	errands: m.cat_errands,
	small_jobs: m.cat_small_jobs,
	lend: m.cat_lend,
	company: m.cat_company,
	other: m.cat_other,
	keys: m.lost_cat_keys,
	pet: m.lost_cat_pet,
	parcel: m.lost_cat_parcel,
	clothing: m.lost_cat_clothing
};

/**
 * The word for each kind of help or lost thing, in the reader's language (or the one asked
 * for: the poster prints two).
 */
export function categoryLabel(category: PostCategory, options?: { locale?: 'nl' | 'en' | 'ar' }) {
	return CATEGORIES[category]({}, options);
}

type IconName = ComponentProps<typeof Icon>['name'];
/** The lost and found things borrow the pictures of the help they resemble. */
const LOST_FOUND_ICONS: Partial<Record<PostCategory, IconName>> = {
	keys: 'key',
	pet: 'pets',
	parcel: 'lend',
	clothing: 'person'
};

/** The picture beside a category's word: every category has one. */
export function categoryIcon(category: PostCategory): IconName {
	return LOST_FOUND_ICONS[category] ?? (category as IconName);
}

/** The short word for a post's type on a card or a post: "Vraag", "Aanbod", "Gevonden", "Kwijt". */
export function typeLabel(type: PostType): string {
	const labels: Record<PostType, () => string> = {
		request: m.help_type_request,
		offer: m.help_type_offer,
		found: m.lost_type_found,
		lost: m.lost_type_lost
	};
	return labels[type]();
}

/** What a neighbour answers: "I can help", "I would like this", "That's mine", "I found it". */
export function respondLabel(type: PostType): string {
	const labels: Record<PostType, () => string> = {
		request: m.help_respond_request,
		offer: m.help_respond_offer,
		found: m.lost_respond_found,
		lost: m.lost_respond_lost
	};
	return labels[type]();
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
		case 'returned':
			return m.lost_status_returned();
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
