/**
 * The worker: what is due in the outbox goes to the push service, and what came of it is
 * written back. The retry policy lives here; the transport is send.ts.
 */
import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import { baseLocale, isLocale } from '$lib/paraglide/runtime';
import { prepared, type DB } from '../db';
import { flats, pushOutbox, pushSubscriptions, users } from '../db/schema';
import { serviceHost } from './label';
import {
	DAY_SECONDS,
	NotPublicError,
	type Delivered,
	type Payload,
	type PushAnswer,
	type Send
} from './model';
import { encode, extraCa, webPushSender } from './send';
import { flatPath, notificationsInFlat } from '$lib/stored-links';

const BATCH = 200;
const MAX_ATTEMPTS = 8;
const BASE_DELAY = 30_000;
const MAX_DELAY = 60 * 60_000;
/** Devices handled side by side; one device's pushes go in order. */
const LANES = 8;
/** How often the outbox is asked whether anything is due: what any process queued, or a retry. */
const EVERY = 1_000;

type Due = {
	id: number;
	subscriptionId: number;
	flatId: number;
	payload: Payload;
	count: number;
	quiet: boolean;
	attempts: number;
	endpoint: string;
	p256dh: string;
	auth: string;
	locale: string;
	slug: string;
	flatName: string;
};

type Push = { rows: Due[]; payload: Payload; order: number };

/**
 * Sends what is due in the outbox, oldest first. What quiet hours held back for one device
 * goes out as one summary per flat, in the recipient's language; everything else one by one.
 * A device the push service calls gone is forgotten; "later" is retried with growing pauses.
 */
export async function deliver(db: DB, send: Send, now = new Date()): Promise<Delivered> {
	return (await deliverBatch(db, send, now)).done;
}

async function deliverBatch(db: DB, send: Send, now: Date) {
	const due: Due[] = db
		.select({
			id: pushOutbox.id,
			subscriptionId: pushOutbox.subscriptionId,
			flatId: pushOutbox.flatId,
			payload: pushOutbox.payload,
			count: pushOutbox.count,
			quiet: pushOutbox.quiet,
			attempts: pushOutbox.attempts,
			endpoint: pushSubscriptions.endpoint,
			p256dh: pushSubscriptions.p256dh,
			auth: pushSubscriptions.auth,
			locale: users.locale,
			slug: flats.slug,
			flatName: flats.name
		})
		.from(pushOutbox)
		.innerJoin(pushSubscriptions, eq(pushSubscriptions.id, pushOutbox.subscriptionId))
		.innerJoin(users, eq(users.id, pushOutbox.userId))
		.innerJoin(flats, eq(flats.id, pushOutbox.flatId))
		.where(and(eq(pushOutbox.status, 'pending'), lte(pushOutbox.notBefore, now)))
		.orderBy(asc(pushOutbox.notBefore), asc(pushOutbox.id))
		.limit(BATCH)
		.all();

	const done: Delivered = { sent: 0, retried: 0, removed: 0, failed: 0 };
	await inLanes([...pushesPerDevice(due).values()], async (pushes) => {
		try {
			for (const [i, push] of pushes.entries()) {
				const outcome = await attempt(db, send, push, now, done);
				if (outcome === 'gone') break;
				if (outcome instanceof Date) {
					// The device's service said "later": the rest of its queue waits as long.
					const rest = pushes.slice(i + 1).flatMap((p) => p.rows.map((r) => r.id));
					if (rest.length)
						db.update(pushOutbox)
							.set({ notBefore: outcome })
							.where(inArray(pushOutbox.id, rest))
							.run();
					break;
				}
			}
		} catch (e) {
			console.error('push: delivery to a device broke off', {
				subscription: pushes[0]?.rows[0]?.subscriptionId,
				error: e
			});
		}
	});
	return { done, full: due.length === BATCH };
}

/** Per device, in the order they fell due: single pushes, and one summary per flat of quiet ones. */
function pushesPerDevice(due: Due[]): Map<number, Push[]> {
	const perDevice = new Map<number, Push[]>();
	const quiet = new Map<string, Push>();
	const add = (push: Push) => {
		const list = perDevice.get(push.rows[0]!.subscriptionId);
		if (list) list.push(push);
		else perDevice.set(push.rows[0]!.subscriptionId, [push]);
	};
	due.forEach((row, order) => {
		if (!row.quiet) return add({ rows: [row], payload: row.payload, order });
		const key = `${row.subscriptionId}:${row.flatId}`;
		const held = quiet.get(key);
		if (held) held.rows.push(row);
		else {
			const push = { rows: [row], payload: row.payload, order };
			quiet.set(key, push);
			add(push);
		}
	});
	for (const push of quiet.values()) if (push.rows.length > 1) push.payload = summary(push.rows);
	for (const list of perDevice.values()) list.sort((a, b) => a.order - b.order);
	return perDevice;
}

/** "3 new notifications on Burenbord", pointing at the flat's notifications page. */
function summary(rows: Due[]): Payload {
	const { slug, flatName, flatId, locale } = rows[0]!;
	const count = rows.reduce((n, row) => n + row.count, 0);
	return {
		title: flatName,
		body: m.push_summary({ count }, { locale: isLocale(locale) ? locale : baseLocale }),
		// A plain path: this runs in the server's worker and the command-line tools alike.
		url: flatPath(slug, notificationsInFlat()),
		tag: `summary-${flatId}`
	};
}

/** Sends one push and records what came of it: 'sent', 'gone', 'failed', or when to try again. */
async function attempt(
	db: DB,
	send: Send,
	push: Push,
	now: Date,
	done: Delivered
): Promise<'sent' | 'gone' | 'failed' | Date> {
	const first = push.rows[0]!;
	const ids = push.rows.map((r) => r.id);
	// The endpoint itself is a capability: the log names only the push service.
	const context = {
		outbox: ids,
		subscription: first.subscriptionId,
		service: host(first.endpoint)
	};
	const fail = (reason: string, detail: object = {}) => {
		db.update(pushOutbox).set({ status: 'failed' }).where(inArray(pushOutbox.id, ids)).run();
		console.warn(`push: ${reason}`, { ...context, ...detail });
		done.failed++;
		return 'failed' as const;
	};

	const body = encode(push.payload);
	if (body === undefined) return fail('payload too large even without its body');

	let answer: PushAnswer | undefined;
	let error: unknown;
	try {
		answer = await send(
			{ endpoint: first.endpoint, keys: { p256dh: first.p256dh, auth: first.auth } },
			body
		);
	} catch (e) {
		error = e;
	}
	// Not a public address: trying again would not change that, and nothing was sent.
	if (error instanceof NotPublicError) return fail('push service not at a public address');
	const status = answer?.status;

	if (status !== undefined && status >= 200 && status < 300) {
		db.transaction((tx) => {
			tx.update(pushOutbox)
				.set({ status: 'sent', sentAt: now })
				.where(inArray(pushOutbox.id, ids))
				.run();
			tx.update(pushSubscriptions)
				.set({ lastSentAt: now })
				.where(eq(pushSubscriptions.id, first.subscriptionId))
				.run();
		});
		done.sent++;
		return 'sent';
	}
	if (status === 404 || status === 410) {
		// The browser unsubscribed or the device is gone; its waiting pushes go with it.
		db.delete(pushSubscriptions).where(eq(pushSubscriptions.id, first.subscriptionId)).run();
		console.log('push: device gone, forgotten', { ...context, status });
		done.removed++;
		return 'gone';
	}
	if (status === undefined || status === 429 || status >= 500) {
		const tried = Math.max(...push.rows.map((r) => r.attempts));
		const detail = { status, attempts: tried + 1, error: errorText(error) };
		if (tried + 1 >= MAX_ATTEMPTS) {
			db.update(pushOutbox)
				.set({ attempts: tried + 1 })
				.where(inArray(pushOutbox.id, ids))
				.run();
			return fail('giving up after repeated failures', detail);
		}
		const notBefore = new Date(now.getTime() + retryDelay(tried + 1, answer?.headers));
		db.update(pushOutbox)
			.set({ attempts: tried + 1, notBefore })
			.where(inArray(pushOutbox.id, ids))
			.run();
		console.warn('push: will try again', { ...context, ...detail, notBefore });
		done.retried++;
		return notBefore;
	}
	return fail('refused by the push service', { status });
}

/** 30 s × 2^attempts, at most an hour, unless the push service said how long to wait. */
function retryDelay(attempts: number, headers: PushAnswer['headers'] = {}): number {
	const header = Object.entries(headers).find(([name]) => name.toLowerCase() === 'retry-after');
	const value = Array.isArray(header?.[1]) ? header[1][0] : header?.[1];
	if (value !== undefined && /^\d+$/.test(value.trim()))
		return Math.min(Number(value.trim()), DAY_SECONDS) * 1000;
	return Math.min(BASE_DELAY * 2 ** attempts, MAX_DELAY);
}

const host = (endpoint: string) => serviceHost(endpoint) ?? '?';

function errorText(error: unknown): string | undefined {
	if (error === undefined) return undefined;
	return error instanceof Error ? error.message : String(error);
}

async function inLanes<T>(items: T[], work: (item: T) => Promise<void>): Promise<void> {
	let next = 0;
	const lane = async () => {
		while (next < items.length) await work(items[next++]!);
	};
	await Promise.all(Array.from({ length: Math.min(LANES, items.length) }, lane));
}

/** Whether a push is due now: one step down the outbox's (status, not_before) index. */
const anythingDue = prepared((db) =>
	db
		.select({ id: pushOutbox.id })
		.from(pushOutbox)
		.where(and(eq(pushOutbox.status, 'pending'), lte(pushOutbox.notBefore, sql.placeholder('now'))))
		.limit(1)
		.prepare()
);

let worker: { db: DB; send: Send } | undefined;
let running = false;
let again = false;
let kicked = false;

/**
 * Sends the outbox off the request path: soon after `kick()` in this process, and within a
 * second of anything falling due, whichever process queued it. With several server processes
 * (WORKERS) only one runs this worker; the others only write the outbox, and the worker finds
 * their pushes by asking the database every second. Asking is one indexed lookup, and unlike a
 * message between processes it also finds what a command-line tool queued, and what was
 * queued while this process was being restarted. One delivery at a time; a kick during one asks
 * for another right after it.
 */
export function startPushWorker(db: DB, send: Send = webPushSender({ ca: extraCa() })): void {
	if (worker) return;
	worker = { db, send };
	setInterval(() => {
		if (running || !worker) return;
		try {
			if (anythingDue(worker.db).get({ now: Date.now() })) void run();
		} catch (e) {
			console.error('push: could not look at the outbox', e);
		}
	}, EVERY).unref();
	kick();
}

/**
 * Call after writing outbox rows: in the process that sends, they go out at once; elsewhere
 * within a second. Kicks in one tick count once.
 */
export function kick(): void {
	if (!worker || kicked) return;
	kicked = true;
	setImmediate(() => {
		kicked = false;
		void run();
	});
}

async function run(): Promise<void> {
	if (!worker) return;
	if (running) {
		again = true;
		return;
	}
	running = true;
	try {
		do {
			again = false;
			const { done, full } = await deliverBatch(worker.db, worker.send, new Date());
			const progress = Object.values(done).some(Boolean);
			if (progress) console.log('push', done);
			// A full batch means more is waiting now, not in 15 seconds.
			if (full && progress) again = true;
		} while (again);
	} catch (e) {
		console.error('push: delivery failed', e);
	} finally {
		running = false;
	}
}
