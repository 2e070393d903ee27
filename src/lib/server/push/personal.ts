import { asc, eq } from 'drizzle-orm';
import type { DB } from '../db';
import { pushOutbox, pushSubscriptions } from '../db/schema';
import type { Personal } from '../auth/personal';
import { serviceHost } from './label';

/** A person's devices and the pushes waiting for them, or naming them. */
export const personal: Personal = {
	tables: [
		{
			table: pushSubscriptions,
			columns: [pushSubscriptions.userId],
			erase: 'delete',
			export: { key: 'pushDevices' }
		},
		{
			table: pushOutbox,
			columns: [pushOutbox.userId, pushOutbox.aboutUserId],
			erase: 'delete',
			export: { omitted: 'a push waiting to go out is a copy of a notification, exported there' }
		}
	]
};

/** The person's devices. The endpoint is an address the push service gave: only its host shows. */
export function exportData(db: DB, userId: number) {
	const devices = db
		.select({
			label: pushSubscriptions.label,
			endpoint: pushSubscriptions.endpoint,
			createdAt: pushSubscriptions.createdAt,
			lastSentAt: pushSubscriptions.lastSentAt
		})
		.from(pushSubscriptions)
		.where(eq(pushSubscriptions.userId, userId))
		.orderBy(asc(pushSubscriptions.createdAt))
		.all()
		.map(({ endpoint, ...d }) => ({ ...d, service: serviceHost(endpoint) ?? '' }));
	return { pushDevices: devices };
}
