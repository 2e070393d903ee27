import { asc, eq } from 'drizzle-orm';
import type { DB } from '../db';
import { flats, notificationPrefs, notifications } from '../db/schema';
import type { Personal } from '../auth/personal';
import { text } from './model';
import type { Locale } from '$lib/paraglide/runtime';
import { forMembership } from './prefs';

/**
 * A person's notifications and choices. Notifications about them (a newcomer's name in the
 * verbinders' bell) go with them too.
 */
export const personal: Personal = {
	tables: [
		{
			table: notifications,
			columns: [notifications.userId, notifications.aboutUserId],
			erase: 'delete',
			export: { key: 'notifications' }
		},
		{
			table: notificationPrefs,
			columns: [notificationPrefs.membershipId],
			erase: 'cascade',
			export: { key: 'memberships.notificationPreferences' }
		}
	]
};

/** The person's notifications, each with its text in their language. */
export function exportData(db: DB, userId: number, locale: Locale) {
	const notes = db
		.select({
			flat: flats.name,
			type: notifications.type,
			params: notifications.params,
			link: notifications.link,
			createdAt: notifications.createdAt,
			readAt: notifications.readAt
		})
		.from(notifications)
		.innerJoin(flats, eq(flats.id, notifications.flatId))
		.where(eq(notifications.userId, userId))
		.orderBy(asc(notifications.createdAt), asc(notifications.id))
		.all()
		.map(({ params, ...n }) => ({ ...n, text: text(n.type, params, locale) }));
	return { notifications: notes };
}

/** The person's choices of what they hear of, in one flat. */
export function exportMembership(db: DB, ms: { id: number }) {
	return { notificationPreferences: forMembership(db, ms.id) };
}
