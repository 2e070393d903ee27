import { m } from '$lib/paraglide/messages';

/** A notification in the reader's language, rendered when shown, not when stored. */
export function notificationText(type: string, params: Record<string, string | number>): string {
	const title = String(params.title ?? '');
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
		default:
			return m.notif_other();
	}
}
