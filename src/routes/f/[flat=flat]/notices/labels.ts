import type { ComponentProps } from 'svelte';
import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/paraglide/runtime';
import { formatDate } from '$lib/format';
import type { NoticeKind } from '$lib/notices';
import type Icon from '$lib/components/Icon.svelte';

type IconName = ComponentProps<typeof Icon>['name'];

/** Each kind of notice with its icon and its word: an icon is never shown alone. */
const KINDS: Record<NoticeKind, { icon: IconName; word: typeof m.notice_kind_other }> = {
	maintenance: { icon: 'small_jobs', word: m.notice_kind_maintenance },
	buurtkamer: { icon: 'company', word: m.notice_kind_buurtkamer },
	safety: { icon: 'shield', word: m.notice_kind_safety },
	house_rules: { icon: 'board', word: m.notice_kind_house_rules },
	other: { icon: 'other', word: m.notice_kind_other }
};

export const kindIcon = (kind: NoticeKind): IconName => KINDS[kind].icon;

/** The kind's word, in the page's language or in the one given (the poster's second). */
export const kindWord = (kind: NoticeKind, locale?: Locale) =>
	KINDS[kind].word({}, locale ? { locale } : {});

/** "From 10 March to 12 March", in the page's language. */
export const validity = (n: { validFrom: string; validUntil: string }, today?: string) =>
	m.notice_valid({
		from: formatDate(n.validFrom, undefined, today),
		until: formatDate(n.validUntil, undefined, today)
	});

/** A language's own name ("العربية"), for "also in" links and the form's language parts. */
export const languageName = (locale: Locale) => m.language_name({}, { locale });
