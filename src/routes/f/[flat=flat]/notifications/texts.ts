import { m } from '$lib/paraglide/messages';
import { formatDate } from '$lib/format';

/** A notification in the reader's language, rendered when shown, not when stored. */
export function notificationText(type: string, params: Record<string, string | number>): string {
	const title = String(params.title ?? '');
	const date = typeof params.date === 'string' ? formatDate(params.date) : '';
	const time = String(params.time ?? '');
	switch (type) {
		case 'request_match':
			return m.notif_request_match({ title });
		case 'response_new':
			return m.notif_response_new({ title });
		case 'response_accepted':
			return m.notif_response_accepted({ title });
		case 'response_declined':
			return m.notif_response_declined({ title });
		case 'message_new':
			return m.notif_message_new({ title });
		case 'done_marked':
			return m.notif_done_marked({ title });
		case 'done_confirmed':
			return m.notif_done_confirmed({ title });
		case 'thanks_received':
			return m.notif_thanks_received({ title });
		case 'post_expiring':
			return m.notif_post_expiring({ title });
		case 'post_closed':
			return m.notif_post_closed({ title });
		case 'report_handled':
			return params.outcome === 'dismiss' ? m.notif_report_kept() : m.notif_report_acted();
		case 'key_added':
			return m.notif_key_added();
		case 'key_review':
			return m.notif_key_review();
		case 'activity_new':
			return m.notif_activity_new({ title, date, time });
		case 'activity_proposed':
			return m.notif_activity_proposed({ title });
		case 'activity_approved':
			return m.notif_activity_approved({ title });
		case 'activity_declined':
			return m.notif_activity_declined({ title });
		case 'activity_cancelled':
			return params.reason
				? m.notif_activity_cancelled_reason({ title, date, reason: String(params.reason) })
				: m.notif_activity_cancelled({ title, date });
		case 'activity_moved':
			return m.notif_activity_moved({ title, date, time });
		case 'activity_restored':
			return m.notif_activity_restored({ title, date });
		case 'activity_promoted':
			return m.notif_activity_promoted({ title, date });
		case 'activity_reminder':
			return m.notif_activity_reminder({ title, time });
		default:
			return m.notif_other();
	}
}
