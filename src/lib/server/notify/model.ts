import { m } from '$lib/paraglide/messages';
import { getLocale, type Locale } from '$lib/paraglide/runtime';
import { formatDate } from '$lib/format';
import type { Channel, NotifyGroup } from '$lib/notify-groups';
import { can, type Permission } from '../auth/roles';
import type { Role } from '../db/schema';

/** What a notification's text may name, read from its stored parameters. */
type Words = { title: string; date: string; time: string; name: string; reason: string };
type Params = Record<string, string | number>;
type Options = { locale: Locale };

type Kind = {
	/** The member's choice (push, the bell, nothing) that covers it. */
	group: NotifyGroup;
	/**
	 * What a member must be allowed to see for it to reach them. Its text names a post, a key
	 * or a neighbour, so a professional (who never sees help) hears nothing of help, even with a
	 * choice left over from before their role changed.
	 */
	needs: Permission;
	/** Its text in the reader's language: the bell shows it, and it is a push's body. */
	text: (w: Words, o: Options, params: Params) => string;
	/**
	 * News for the whole flat (a new request, activity or notice), not about the member: whoever
	 * chose the weekly summary for its group reads it there instead of at once.
	 */
	news?: true;
	/**
	 * Arrives as a push and in the bell whatever the member chose for its group: the weekly
	 * summary itself, which only members who asked for a summary get.
	 */
	pushed?: true;
};

/**
 * Every kind of notification, one row each, as the role matrix is one table of permissions:
 * its group for the member's choices, who may hear of it, and its words. Stored with a type and
 * parameters, a notification is rendered in the reader's language when shown (or pushed).
 */
export const KINDS = {
	request_match: { group: 'matches', needs: 'help.view', text: m.notif_request_match },
	request_new: {
		group: 'requests',
		needs: 'help.view',
		text: m.notif_request_new,
		news: true
	},
	response_new: { group: 'responses', needs: 'help.view', text: m.notif_response_new },
	response_accepted: { group: 'responses', needs: 'help.view', text: m.notif_response_accepted },
	response_declined: { group: 'responses', needs: 'help.view', text: m.notif_response_declined },
	done_marked: { group: 'responses', needs: 'help.view', text: m.notif_done_marked },
	done_confirmed: { group: 'responses', needs: 'help.view', text: m.notif_done_confirmed },
	thanks_received: { group: 'responses', needs: 'help.view', text: m.notif_thanks_received },
	post_closed: { group: 'responses', needs: 'help.view', text: m.notif_post_closed },
	report_handled: {
		group: 'responses',
		needs: 'help.view',
		text: (_, o, p) =>
			p.outcome === 'dismiss' ? m.notif_report_kept({}, o) : m.notif_report_acted({}, o)
	},
	key_added: { group: 'responses', needs: 'keys.use', text: m.notif_key_added },
	message_new: { group: 'messages', needs: 'messages.view', text: m.notif_message_new },
	post_expiring: { group: 'reminders', needs: 'help.view', text: m.notif_post_expiring },
	key_review: { group: 'reminders', needs: 'keys.use', text: m.notif_key_review },
	activity_reminder: {
		group: 'reminders',
		needs: 'calendar.view',
		text: m.notif_activity_reminder
	},
	activity_new: {
		group: 'activities',
		needs: 'calendar.view',
		text: m.notif_activity_new,
		news: true
	},
	activity_proposed: {
		group: 'activities',
		needs: 'calendar.view',
		text: m.notif_activity_proposed
	},
	activity_approved: {
		group: 'activities',
		needs: 'calendar.view',
		text: m.notif_activity_approved
	},
	activity_declined: {
		group: 'activities',
		needs: 'calendar.view',
		text: m.notif_activity_declined
	},
	activity_cancelled: {
		group: 'activities',
		needs: 'calendar.view',
		text: (w, o) =>
			w.reason ? m.notif_activity_cancelled_reason(w, o) : m.notif_activity_cancelled(w, o)
	},
	activity_moved: { group: 'activities', needs: 'calendar.view', text: m.notif_activity_moved },
	activity_restored: {
		group: 'activities',
		needs: 'calendar.view',
		text: m.notif_activity_restored
	},
	activity_promoted: {
		group: 'activities',
		needs: 'calendar.view',
		text: m.notif_activity_promoted
	},
	member_joined: { group: 'joins', needs: 'members.view', text: m.notif_member_joined },
	member_waiting: { group: 'joins', needs: 'members.view', text: m.notif_member_waiting },
	verbinder_added: { group: 'joins', needs: 'members.view', text: m.notif_verbinder_added },
	report_new: { group: 'reports', needs: 'reports.manage', text: m.notif_report_new },
	notice_new: {
		group: 'notices',
		needs: 'notices.view',
		// The title in the reader's language when the notice has it (title_en …), else Dutch.
		text: (w, o, p) => m.notif_notice_new({ title: String(p[`title_${o.locale}`] ?? w.title) }, o),
		news: true
	},
	weekly_summary: {
		group: 'notices',
		needs: 'flat.view',
		text: (_, o, p) => m.notif_weekly_summary({ count: Number(p.count ?? 0) }, o),
		pushed: true
	},
	request_waiting: { group: 'waiting', needs: 'help.waiting', text: m.notif_request_waiting },
	suggestion_new: { group: 'responses', needs: 'help.view', text: m.notif_suggestion_new },
	poll_new: { group: 'activities', needs: 'calendar.view', text: m.notif_poll_new },
	poll_decided: { group: 'activities', needs: 'calendar.view', text: m.notif_poll_decided }
} as const satisfies Record<string, Kind>;

export type NotificationType = keyof typeof KINDS;

export const TYPES = Object.keys(KINDS) as NotificationType[];

/** What a member must be allowed to see for each kind to reach them (see `KINDS`). */
export const NEEDS = Object.fromEntries(TYPES.map((t) => [t, KINDS[t].needs])) as Record<
	NotificationType,
	Permission
>;

/** The kinds a member who chose the weekly summary for their group reads there, not at once. */
export const NEWS = TYPES.filter((t) => (KINDS[t] as Kind).news);

/**
 * How a notification reaches a member, from what they chose for its group: a push (and the
 * bell), the bell only, or not now. 'weekly' holds back the flat's news for the summary, while
 * what is about the member (an answer, a cancelled activity they said yes to) still comes at
 * once, as a push: they asked for less noise, not to miss what concerns them.
 */
export function delivery(type: NotificationType, chosen: Channel): 'push' | 'app' | null {
	const kind: Kind = KINDS[type];
	if (kind.pushed) return 'push';
	if (chosen === 'off' || (chosen === 'weekly' && kind.news)) return null;
	return chosen === 'app' ? 'app' : 'push';
}

/** Which of the member's choices each kind falls under. */
export const GROUP_OF = Object.fromEntries(TYPES.map((t) => [t, KINDS[t].group])) as Record<
	NotificationType,
	NotifyGroup
>;

export type NewNotification = {
	flatId: number;
	userId: number;
	type: NotificationType;
	link: string;
	params?: Params;
	/** The person the text names: deleting their account deletes it (and its push) too. */
	about?: number;
};

/**
 * A notification in the reader's language. Pages use the request's language; a push is
 * written in the recipient's. A type no longer in the table still reads as something new.
 */
export function text(type: string, params: Params, locale: Locale = getLocale()): string {
	if (!Object.hasOwn(KINDS, type)) return m.notif_other({}, { locale });
	const kind: Kind = KINDS[type as NotificationType];
	const words: Words = {
		title: String(params.title ?? ''),
		date: typeof params.date === 'string' ? formatDate(params.date, locale) : '',
		time: String(params.time ?? ''),
		name: String(params.name ?? ''),
		reason: params.reason ? String(params.reason) : ''
	};
	return kind.text(words, { locale }, params);
}

/** The kinds of notification a role may not see. */
export function unseenBy(role: Role): NotificationType[] {
	return TYPES.filter((type) => !can(role, NEEDS[type]));
}
