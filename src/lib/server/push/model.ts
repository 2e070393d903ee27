import { DomainError } from '../errors';
import type { pushOutbox } from '../db/schema';

/** What the browser's `PushSubscription.toJSON()` gives, as far as sending needs it. */
export type SubscriptionInput = {
	endpoint: string;
	keys: { p256dh: string; auth: string };
};

export type PushCode = 'endpoint' | 'p256dh' | 'auth';

/** A subscription no browser would send: the part that is wrong is the code. */
export class PushError extends DomainError<PushCode> {
	constructor(code: PushCode) {
		super('push', code);
	}
}

/**
 * The push service's address is not public: nothing is sent, now or on a later try. A plain
 * error, not a refusal: it happens in the worker, never in answer to a person, and is logged.
 */
export class NotPublicError extends Error {
	constructor(readonly host: string) {
		super(`push service ${host} is not at a public address`);
	}
}

/** What a device shows: small JSON in the recipient's language. */
export type Payload = (typeof pushOutbox.$inferSelect)['payload'];

/** One push to queue for every device of a user. */
export type OutgoingPush = {
	userId: number;
	flatId: number;
	/** What later pushes of the same thread fold into (a post, an activity date). */
	thread: string;
	title: string;
	body: string;
	/** Where a tap leads; also the tag, so the device shows one push per page. */
	url: string;
	/** The person the text names: deleting their account deletes the push too. */
	about?: number | null;
	/** When the recipient's quiet hours end, if they are in them now: the push waits till then. */
	quietUntil: Date | null;
};

/** Where a push goes: the browser's endpoint and the keys its payload is encrypted for. */
export type PushTarget = { endpoint: string; keys: { p256dh: string; auth: string } };
/** The push service's answer, whatever its status; only a failure to reach it rejects. */
export type PushAnswer = { status: number; headers: Record<string, string | string[] | undefined> };
export type Send = (subscription: PushTarget, payload: string) => Promise<PushAnswer>;
/** Pushes sent, put back for later and given up on; subscriptions the push service called gone. */
export type Delivered = { sent: number; retried: number; removed: number; failed: number };

/** Pushes of one thread (a post, an activity date) go out at most this often; later ones fold in. */
export const FOLD_MS = 10 * 60 * 1000;
/** A push that waits longer than a day is stale news; the push service keeps it that long too. */
export const DAY_SECONDS = 24 * 60 * 60;
