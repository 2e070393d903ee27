import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createECDH, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import webpush from 'web-push';
import {
	PUSH_CERT,
	decrypt,
	startPushService,
	verifyVapid,
	type PushService
} from '../../../../tests/push-service';
import { flatWithNeighbours } from '../../../../tests/unit/fixtures';
import { pushOutbox, pushSubscriptions, users } from '../db/schema';
import * as push from '.';
import type { Send } from './model';
import { webPushSender } from './send';
import { deliver, kick, startPushWorker } from './worker';

// Signed with keys of the test's own: the app's vapid.json never comes into it.
const VAPID = webpush.generateVAPIDKeys();
const useTestKeys = () => {
	vi.stubEnv('VAPID_PUBLIC_KEY', VAPID.publicKey);
	vi.stubEnv('VAPID_PRIVATE_KEY', VAPID.privateKey);
	// The test push service runs on 127.0.0.1.
	vi.stubEnv('PUSH_ALLOW_PRIVATE_ADDRESSES', '1');
};

let service: PushService;
let send: Send;

beforeAll(async () => {
	useTestKeys();
	service = await startPushService();
	send = webPushSender({ ca: readFileSync(PUSH_CERT, 'utf8') });
});
afterAll(() => service.close());

// Retries and give-ups are logged on purpose; the tests that care read the log.
beforeEach(() => {
	vi.spyOn(console, 'warn').mockImplementation(() => {});
	vi.spyOn(console, 'log').mockImplementation(() => {});
});
afterEach(() => {
	vi.restoreAllMocks();
});

const SECOND = 1000;
const payload = (title = 'Kees reageerde') => ({
	title,
	body: '“Boodschappen zaterdag”',
	url: '/f/h-flat/help/1',
	tag: 'help-1'
});

let devices = 0;
async function setup() {
	const base = await flatWithNeighbours();
	const { db, flat } = base;
	const now = new Date();
	/** A browser subscribed at the test push service, stored as the app stores it. */
	const device = (userId: number) => {
		const name = `device-${++devices}`;
		const subscription = service.newSubscription(name);
		const { id } = push.subscribe(db, userId, subscription, 'Android · Chrome');
		return { id, name, userId, subscription };
	};
	const queue = (
		to: { id: number; userId: number },
		over: Partial<typeof pushOutbox.$inferInsert> = {}
	) =>
		db
			.insert(pushOutbox)
			.values({
				subscriptionId: to.id,
				userId: to.userId,
				flatId: flat.id,
				thread: 'help/1',
				payload: payload(),
				notBefore: now,
				...over
			})
			.returning()
			.get();
	const row = (id: number) => db.select().from(pushOutbox).where(eq(pushOutbox.id, id)).get();
	const got = (name: string) => service.received.filter((r) => r.id === name);
	return { ...base, now, device, queue, row, got };
}

const later = (now: Date, ms: number) => new Date(now.getTime() + ms);

describe('delivery through a push service', () => {
	it('sends the queued payload, signed with VAPID and encrypted for the device', async () => {
		const { db, kees, now, device, queue, row, got } = await setup();
		const phone = device(kees);
		const queued = queue(phone);

		expect(await deliver(db, send, now)).toEqual({ sent: 1, retried: 0, removed: 0, failed: 0 });

		const [received, ...more] = got(phone.name);
		expect(more).toEqual([]);
		expect(received!.problems).toEqual([]);
		expect(received!.ok).toBe(true);
		expect(received!.jwtValid).toBe(true);
		expect(JSON.parse(received!.payload!)).toEqual(queued.payload);
		expect(received!.headers).toMatchObject({
			'content-encoding': 'aes128gcm',
			ttl: String(24 * 60 * 60),
			urgency: 'normal'
		});
		expect(received!.headers.authorization).toContain(`k=${VAPID.publicKey}`);
		expect(row(queued.id)).toMatchObject({ status: 'sent', sentAt: now, attempts: 0 });
		expect(push.devices(db, kees)[0]!.lastSentAt).toEqual(now);

		// Sent is sent: the next round has nothing to do.
		expect(await deliver(db, send, later(now, SECOND))).toEqual({
			sent: 0,
			retried: 0,
			removed: 0,
			failed: 0
		});
		expect(got(phone.name)).toHaveLength(1);
	});

	it('leaves what is not due yet, and sends the oldest first', async () => {
		const { db, kees, now, device, queue, row, got } = await setup();
		const phone = device(kees);
		const waiting = queue(phone, { notBefore: later(now, 60 * SECOND) });
		const second = queue(phone, { payload: payload('tweede'), notBefore: later(now, -SECOND) });
		const first = queue(phone, { payload: payload('eerste'), notBefore: later(now, -60 * SECOND) });

		expect((await deliver(db, send, now)).sent).toBe(2);
		expect(got(phone.name).map((r) => JSON.parse(r.payload!).title)).toEqual(['eerste', 'tweede']);
		expect(row(first.id)!.status).toBe('sent');
		expect(row(second.id)!.status).toBe('sent');
		expect(row(waiting.id)!.status).toBe('pending');
	});

	it('forgets a device the push service calls gone (410), with what waited for it', async () => {
		const { db, kees, now, device, queue } = await setup();
		const phone = device(kees);
		queue(phone);
		queue(phone, { payload: payload('nog een') });
		service.respondWith(phone.name, 410);

		expect(await deliver(db, send, now)).toEqual({ sent: 0, retried: 0, removed: 1, failed: 0 });
		expect(push.devices(db, kees)).toEqual([]);
		expect(db.select().from(pushOutbox).all()).toEqual([]);
	});

	it('tries again after a 429, and sends once the service takes it', async () => {
		const { db, kees, now, device, queue, row, got } = await setup();
		const phone = device(kees);
		const queued = queue(phone);
		service.respondWith(phone.name, 429);

		expect(await deliver(db, send, now)).toEqual({ sent: 0, retried: 1, removed: 0, failed: 0 });
		expect(row(queued.id)).toMatchObject({
			status: 'pending',
			attempts: 1,
			notBefore: later(now, 60 * SECOND)
		});

		// Not before its time, even when the service would take it now.
		service.respondWith(phone.name, 201);
		expect((await deliver(db, send, later(now, 59 * SECOND))).sent).toBe(0);
		expect(got(phone.name)).toHaveLength(1);

		const then = later(now, 60 * SECOND);
		expect(await deliver(db, send, then)).toEqual({ sent: 1, retried: 0, removed: 0, failed: 0 });
		expect(row(queued.id)).toMatchObject({ status: 'sent', sentAt: then, attempts: 1 });
		expect(got(phone.name).map((r) => [r.status, r.ok])).toEqual([
			[429, true],
			[201, true]
		]);
	});

	it('waits as long as Retry-After says, and the rest of that device waits too', async () => {
		const { db, kees, now, device, queue, row } = await setup();
		const phone = device(kees);
		const first = queue(phone);
		const second = queue(phone, { payload: payload('nog een') });
		service.respondWith(phone.name, 503, { 'Retry-After': '120' });

		expect(await deliver(db, send, now)).toEqual({ sent: 0, retried: 1, removed: 0, failed: 0 });
		expect(row(first.id)).toMatchObject({ attempts: 1, notBefore: later(now, 120 * SECOND) });
		// Not tried, so not counted as an attempt.
		expect(row(second.id)).toMatchObject({ attempts: 0, notBefore: later(now, 120 * SECOND) });
	});

	it('gives up on a refusal that will not change (other 4xx)', async () => {
		const { db, kees, now, device, queue, row } = await setup();
		const phone = device(kees);
		const queued = queue(phone);
		service.respondWith(phone.name, 403);

		expect(await deliver(db, send, now)).toEqual({ sent: 0, retried: 0, removed: 0, failed: 1 });
		expect(row(queued.id)!.status).toBe('failed');
		expect(push.devices(db, kees)).toHaveLength(1);
		expect(console.warn).toHaveBeenCalledWith(
			'push: refused by the push service',
			expect.objectContaining({ status: 403, outbox: [queued.id] })
		);
	});

	it('sends nothing to a push service that is not at a public address, and does not retry', async () => {
		const { db, kees, now, device, queue, row, got } = await setup();
		// As it runs in production: only public addresses.
		const guarded = webPushSender({
			ca: readFileSync(PUSH_CERT, 'utf8'),
			allowPrivateAddresses: false
		});
		// Written as an address (127.0.0.1), and as a name that the lookup turns into one.
		const written = device(kees);
		const named = device(kees);
		const local = new URL(named.subscription.endpoint);
		local.hostname = 'localhost';
		db.update(pushSubscriptions)
			.set({ endpoint: local.href })
			.where(eq(pushSubscriptions.id, named.id))
			.run();
		const first = queue(written);
		const second = queue(named);

		expect(await deliver(db, guarded, now)).toEqual({
			sent: 0,
			retried: 0,
			removed: 0,
			failed: 2
		});
		expect(got(written.name)).toEqual([]);
		expect(got(named.name)).toEqual([]);
		for (const queued of [first, second])
			expect(row(queued.id)).toMatchObject({ status: 'failed', attempts: 0 });
		expect(console.warn).toHaveBeenCalledWith(
			'push: push service not at a public address',
			expect.objectContaining({ outbox: [second.id], service: local.host })
		);

		// The same devices are reached where private addresses are allowed (tests, development).
		const open = queue(written);
		expect((await deliver(db, send, now)).sent).toBe(1);
		expect(row(open.id)!.status).toBe('sent');
	});

	it('cuts a body that would make the push too large', async () => {
		const { db, kees, now, device, queue, got } = await setup();
		const phone = device(kees);
		queue(phone, { payload: { ...payload(), body: 'ë'.repeat(4000) } });

		expect((await deliver(db, send, now)).sent).toBe(1);
		const text = got(phone.name)[0]!.payload!;
		expect(Buffer.byteLength(text)).toBeLessThanOrEqual(3 * 1024);
		const sent = JSON.parse(text);
		expect(sent.title).toBe('Kees reageerde');
		expect(sent.body).toMatch(/^ë+…$/);
		expect(sent.body.length).toBeGreaterThan(1000);
	});

	it('folds what quiet hours held back into one summary, in the recipient’s language', async () => {
		const { db, flat, ans, kees, now, device, queue, row, got } = await setup();
		db.update(users).set({ locale: 'en' }).where(eq(users.id, kees)).run();
		const phone = device(kees);
		const held = [1, 2, 3].map(() => queue(phone, { quiet: true }));
		const loud = queue(phone, { payload: payload('Nu meteen') });
		const ansPhone = device(ans);
		queue(ansPhone, { quiet: true, count: 2 });
		queue(ansPhone, { quiet: true });

		expect(await deliver(db, send, now)).toEqual({ sent: 3, retried: 0, removed: 0, failed: 0 });

		const keesGot = got(phone.name).map((r) => JSON.parse(r.payload!));
		expect(keesGot).toHaveLength(2);
		expect(keesGot).toContainEqual(loud.payload);
		expect(keesGot).toContainEqual({
			title: flat.name,
			body: '3 new notifications on Burenbord',
			url: '/f/h-flat/notifications',
			tag: `summary-${flat.id}`
		});
		for (const r of held) expect(row(r.id)).toMatchObject({ status: 'sent', sentAt: now });
		// Ans reads Dutch; a folded row counts for all it stands for.
		expect(got(ansPhone.name).map((r) => JSON.parse(r.payload!).body)).toEqual([
			'3 nieuwe meldingen op Burenbord'
		]);
	});

	it('sends a single held-back push as it was written', async () => {
		const { db, kees, now, device, queue, got } = await setup();
		const phone = device(kees);
		const held = queue(phone, { quiet: true });

		expect((await deliver(db, send, now)).sent).toBe(1);
		expect(JSON.parse(got(phone.name)[0]!.payload!)).toEqual(held.payload);
	});
});

describe('retries without a push service', () => {
	it('gives up after eight failed attempts, backing off up to an hour', async () => {
		const { db, kees, now, device, queue, row } = await setup();
		const phone = device(kees);
		const queued = queue(phone);
		const down: Send = () => Promise.reject(new Error('connect ECONNREFUSED'));

		let at = now;
		const waits: number[] = [];
		for (let i = 1; i < 8; i++) {
			expect((await deliver(db, down, at)).retried).toBe(1);
			const next = row(queued.id)!;
			expect(next).toMatchObject({ status: 'pending', attempts: i });
			waits.push((next.notBefore.getTime() - at.getTime()) / SECOND);
			at = next.notBefore;
		}
		expect(waits).toEqual([60, 120, 240, 480, 960, 1920, 3600]);
		expect(await deliver(db, down, at)).toEqual({ sent: 0, retried: 0, removed: 0, failed: 1 });
		expect(row(queued.id)).toMatchObject({ status: 'failed', attempts: 8 });
		expect(console.warn).toHaveBeenCalledWith(
			'push: giving up after repeated failures',
			expect.objectContaining({ error: 'connect ECONNREFUSED', attempts: 8 })
		);
	});

	it('waits at most an hour of its own accord, longer only when asked to', async () => {
		const { db, kees, now, device, queue, row } = await setup();
		const phone = device(kees);
		const queued = queue(phone, { attempts: 6 });
		const busy: Send = async () => ({ status: 500, headers: {} });
		await deliver(db, busy, now);
		expect(row(queued.id)!.notBefore).toEqual(later(now, 60 * 60 * SECOND));

		const asked = queue(phone, { attempts: 6, payload: payload('later') });
		const slow: Send = async () => ({ status: 429, headers: { 'retry-after': '7200' } });
		await deliver(db, slow, now);
		expect(row(asked.id)!.notBefore).toEqual(later(now, 2 * 60 * 60 * SECOND));
	});
});

describe('the test push service itself', () => {
	// RFC 8291, section 5: the published example, independent of web-push.
	const rfc = {
		uaPrivate: 'q1dXpw3UpT5VOmu_cf_v6ih07Aems3njxI-JWgLcM94',
		uaPublic:
			'BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4',
		authSecret: 'BTBZMqHH6r4Tts7J_aSIgg',
		body: 'DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPTpK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN'
	};
	const b64 = (s: string) => Buffer.from(s, 'base64url');

	it('decrypts the example of RFC 8291', () => {
		const ua = createECDH('prime256v1');
		ua.setPrivateKey(b64(rfc.uaPrivate));
		expect(ua.getPublicKey().toString('base64url')).toBe(rfc.uaPublic);
		expect(decrypt(b64(rfc.body), ua, b64(rfc.authSecret)).toString('utf8')).toBe(
			'When I grow up, I want to be a watermelon'
		);
	});

	it('refuses a body encrypted for another auth secret', () => {
		const ua = createECDH('prime256v1');
		ua.setPrivateKey(b64(rfc.uaPrivate));
		expect(() => decrypt(b64(rfc.body), ua, randomBytes(16))).toThrow();
	});

	it('checks the VAPID audience, expiry and signature', () => {
		const header = (audience: string, expiration?: number) =>
			webpush.getVapidHeaders(
				audience,
				'mailto:beheer@burenbord.invalid',
				VAPID.publicKey,
				VAPID.privateKey,
				'aes128gcm',
				expiration
			).Authorization;
		const aud = 'https://127.0.0.1:8443';
		expect(verifyVapid(header(aud), aud)).toEqual({ valid: true });
		expect(verifyVapid(header('https://elsewhere.example'), aud).valid).toBe(false);
		const soon = Math.floor(Date.now() / 1000) + 60;
		expect(verifyVapid(header(aud, soon), aud, (soon + 1) * 1000).valid).toBe(false);
		const other = webpush.generateVAPIDKeys().publicKey;
		expect(verifyVapid(header(aud).replace(/k=.*$/, `k=${other}`), aud).valid).toBe(false);
	});
});

describe('the worker', () => {
	const seen: string[] = [];
	const fake: Send = async (_to, body) => {
		seen.push(body);
		return { status: 201, headers: {} };
	};
	let ctx: Awaited<ReturnType<typeof setup>>;
	// One worker per process: both tests use the one started here.
	beforeAll(async () => {
		ctx = await setup();
		startPushWorker(ctx.db, fake);
	});

	it('sends soon after a kick, off the request path', async () => {
		const { kees, device, queue, row } = ctx;
		const phone = device(kees);
		const queued = queue(phone, { notBefore: new Date(Date.now() - SECOND) });
		kick();
		kick();
		await vi.waitFor(() => expect(row(queued.id)!.status).toBe('sent'), { timeout: 1000 });
		expect(seen).toEqual([JSON.stringify(queued.payload)]);
	});

	it('finds within two seconds what another process queued, with no kick', async () => {
		const { mo, device, queue, row } = ctx;
		// Written straight to the outbox, as another server process writes it.
		const queued = queue(device(mo), { notBefore: new Date(Date.now() - SECOND) });
		await vi.waitFor(() => expect(row(queued.id)!.status).toBe('sent'), { timeout: 2000 });
		expect(seen).toContain(JSON.stringify(queued.payload));
	});
});
