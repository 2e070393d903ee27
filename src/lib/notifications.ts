import { m } from '$lib/paraglide/messages';
import { getLocale, type Locale } from '$lib/paraglide/runtime';
import { formatDate } from '$lib/format';

/**
 * A notification in the reader's language, rendered when shown (or pushed), not when stored.
 * Pages use the request's language; a push is written in the recipient's.
 */
export function notificationText(
	type: string,
	params: Record<string, string | number>,
	locale: Locale = getLocale()
): string {
	const o = { locale };
	const title = String(params.title ?? '');
	const date = typeof params.date === 'string' ? formatDate(params.date, locale) : '';
	const time = String(params.time ?? '');
	switch (type) {
		case 'request_match':
			return m.notif_request_match({ title }, o);
		case 'request_new':
			return m.notif_request_new({ title }, o);
		case 'member_joined':
			return m.notif_member_joined({ name: String(params.name ?? '') }, o);
		case 'member_waiting':
			return m.notif_member_waiting({ name: String(params.name ?? '') }, o);
		case 'verbinder_added':
			return m.notif_verbinder_added({ name: String(params.name ?? '') }, o);
		case 'report_new':
			return m.notif_report_new({}, o);
		case 'response_new':
			return m.notif_response_new({ title }, o);
		case 'response_accepted':
			return m.notif_response_accepted({ title }, o);
		case 'response_declined':
			return m.notif_response_declined({ title }, o);
		case 'message_new':
			return m.notif_message_new({ title }, o);
		case 'done_marked':
			return m.notif_done_marked({ title }, o);
		case 'done_confirmed':
			return m.notif_done_confirmed({ title }, o);
		case 'thanks_received':
			return m.notif_thanks_received({ title }, o);
		case 'post_expiring':
			return m.notif_post_expiring({ title }, o);
		case 'post_closed':
			return m.notif_post_closed({ title }, o);
		case 'report_handled':
			return params.outcome === 'dismiss'
				? m.notif_report_kept({}, o)
				: m.notif_report_acted({}, o);
		case 'key_added':
			return m.notif_key_added({}, o);
		case 'key_review':
			return m.notif_key_review({}, o);
		case 'activity_new':
			return m.notif_activity_new({ title, date, time }, o);
		case 'activity_proposed':
			return m.notif_activity_proposed({ title }, o);
		case 'activity_approved':
			return m.notif_activity_approved({ title }, o);
		case 'activity_declined':
			return m.notif_activity_declined({ title }, o);
		case 'activity_cancelled':
			return params.reason
				? m.notif_activity_cancelled_reason({ title, date, reason: String(params.reason) }, o)
				: m.notif_activity_cancelled({ title, date }, o);
		case 'activity_moved':
			return m.notif_activity_moved({ title, date, time }, o);
		case 'activity_restored':
			return m.notif_activity_restored({ title, date }, o);
		case 'activity_promoted':
			return m.notif_activity_promoted({ title, date }, o);
		case 'activity_reminder':
			return m.notif_activity_reminder({ title, time }, o);
		default:
			return m.notif_other({}, o);
	}
}
