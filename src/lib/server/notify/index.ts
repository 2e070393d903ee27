import type { DB } from '../db';
import { notifications } from '../db/schema';

export type NotificationType =
	| 'request_match'
	| 'response_new'
	| 'response_accepted'
	| 'response_declined'
	| 'message_new'
	| 'done_marked'
	| 'done_confirmed'
	| 'thanks_received'
	| 'post_expiring'
	| 'post_closed'
	| 'report_handled'
	| 'key_added'
	| 'key_review';

export type NewNotification = {
	flatId: number;
	userId: number;
	type: NotificationType;
	link: string;
	params?: Record<string, string | number>;
};

/** Stores notifications; they are rendered in each recipient's language when shown. */
export function record(db: DB, items: NewNotification | NewNotification[]): void {
	const rows = (Array.isArray(items) ? items : [items]).map((n) => ({
		...n,
		params: n.params ?? {}
	}));
	if (rows.length) db.insert(notifications).values(rows).run();
}
