import { ECDH } from 'node:crypto';
import { and, desc, eq, ne } from 'drizzle-orm';
import type { DB } from '../db';
import { pushOutbox, pushSubscriptions } from '../db/schema';
import { PushError, type PushCode, type SubscriptionInput } from './model';
import { privateAddressesAllowed, privateLiteral } from './network';

const MAX_ENDPOINT = 1000;
const MAX_LABEL = 100;

/**
 * Stores a device for a user. The endpoint identifies the device: when another user signs in
 * on the same phone it moves to them, and what was still waiting for the previous user is dropped.
 */
export function subscribe(
	db: DB,
	userId: number,
	input: SubscriptionInput,
	label = ''
): { id: number } {
	const endpoint = validEndpoint(input?.endpoint);
	const p256dh = validKey(input?.keys?.p256dh, 65, 'p256dh');
	const auth = validKey(input?.keys?.auth, 16, 'auth');
	if (!isCurvePoint(p256dh)) throw new PushError('p256dh');
	const values = {
		userId,
		endpoint,
		p256dh: p256dh.toString('base64url'),
		auth: auth.toString('base64url'),
		label: label.trim().slice(0, MAX_LABEL)
	};
	return db.transaction((tx) => {
		const existing = tx
			.select({ id: pushSubscriptions.id, userId: pushSubscriptions.userId })
			.from(pushSubscriptions)
			.where(eq(pushSubscriptions.endpoint, endpoint))
			.get();
		if (!existing)
			return tx
				.insert(pushSubscriptions)
				.values(values)
				.returning({ id: pushSubscriptions.id })
				.get();
		const moved = existing.userId !== userId;
		if (moved)
			tx.delete(pushOutbox)
				.where(and(eq(pushOutbox.subscriptionId, existing.id), ne(pushOutbox.userId, userId)))
				.run();
		// For its new owner the device is new, and nothing was sent to them on it yet.
		const fresh = moved ? { createdAt: new Date(), lastSentAt: null } : {};
		tx.update(pushSubscriptions)
			.set({ ...values, ...fresh })
			.where(eq(pushSubscriptions.id, existing.id))
			.run();
		return { id: existing.id };
	});
}

/** A user's devices for the settings page: nothing a page may not show. */
export function devices(db: DB, userId: number) {
	return db
		.select({
			id: pushSubscriptions.id,
			label: pushSubscriptions.label,
			createdAt: pushSubscriptions.createdAt,
			lastSentAt: pushSubscriptions.lastSentAt
		})
		.from(pushSubscriptions)
		.where(eq(pushSubscriptions.userId, userId))
		.orderBy(desc(pushSubscriptions.createdAt), desc(pushSubscriptions.id))
		.all();
}

/** Forgets one of the user's own devices, with its waiting pushes; false if it is not theirs. */
export function removeDevice(db: DB, userId: number, id: number): boolean {
	const result = db
		.delete(pushSubscriptions)
		.where(and(eq(pushSubscriptions.id, id), eq(pushSubscriptions.userId, userId)))
		.run();
	return result.changes > 0;
}

/** Forgets this browser when it turns pushes off: it knows its endpoint, not our id. */
export function unsubscribe(db: DB, userId: number, endpoint: string): boolean {
	// Longer than any endpoint that was let in: it matches no device.
	if (endpoint.length > MAX_ENDPOINT) return false;
	const result = db
		.delete(pushSubscriptions)
		.where(and(eq(pushSubscriptions.endpoint, endpoint), eq(pushSubscriptions.userId, userId)))
		.run();
	return result.changes > 0;
}

function validEndpoint(value: unknown): string {
	if (typeof value !== 'string' || value.length > MAX_ENDPOINT) throw new PushError('endpoint');
	let url: URL;
	try {
		url = new URL(value);
	} catch {
		throw new PushError('endpoint');
	}
	// Push services are reached over https only; credentials in the URL are never a push service's.
	if (url.protocol !== 'https:' || url.username || url.password) throw new PushError('endpoint');
	// Push services are on the public internet (names are checked when a push is sent).
	if (!privateAddressesAllowed() && privateLiteral(value)) throw new PushError('endpoint');
	return value;
}

function validKey(value: unknown, bytes: number, code: Exclude<PushCode, 'endpoint'>): Buffer {
	// Browsers send unpadded base64url; padding is tolerated and dropped. A longer string than
	// the key's own characters and two of padding is refused before it is read or decoded.
	if (
		typeof value !== 'string' ||
		value.length > Math.ceil((bytes * 4) / 3) + 2 ||
		!/^[A-Za-z0-9_-]+={0,2}$/.test(value)
	)
		throw new PushError(code);
	const decoded = Buffer.from(value.replace(/=+$/, ''), 'base64url');
	if (decoded.length !== bytes) throw new PushError(code);
	return decoded;
}

/** An uncompressed point that is really on P-256: anything else would fail at every send. */
function isCurvePoint(key: Buffer): boolean {
	if (key[0] !== 0x04) return false;
	try {
		ECDH.convertKey(key, 'prime256v1', undefined, undefined, 'uncompressed');
		return true;
	} catch {
		return false;
	}
}
