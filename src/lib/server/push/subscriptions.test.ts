import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createECDH, randomBytes } from 'node:crypto';
import { flatWithNeighbours } from '../../../../tests/unit/fixtures';
import { pushOutbox, pushSubscriptions } from '../db/schema';
import * as push from '.';
import { NotPublicError } from './model';
import { isPublicAddress, publicLookup } from './network';

// As the other push tests run: a push service on this machine may be reached.
beforeAll(() => {
	vi.stubEnv('PUSH_ALLOW_PRIVATE_ADDRESSES', '1');
});
beforeEach(() => {
	vi.spyOn(console, 'warn').mockImplementation(() => {});
	vi.spyOn(console, 'log').mockImplementation(() => {});
});
afterEach(() => {
	vi.restoreAllMocks();
});

const payload = () => ({
	title: 'Kees reageerde',
	body: '“Boodschappen zaterdag”',
	url: '/f/h-flat/help/1',
	tag: 'help-1'
});

async function setup() {
	return { ...(await flatWithNeighbours()), now: new Date() };
}

describe('subscriptions', () => {
	const valid = () => {
		const ecdh = createECDH('prime256v1');
		ecdh.generateKeys();
		return {
			endpoint: `https://push.example.net/send/${randomBytes(8).toString('hex')}`,
			keys: {
				p256dh: ecdh.getPublicKey().toString('base64url'),
				auth: randomBytes(16).toString('base64url')
			}
		};
	};
	const refusal = (run: () => unknown) => {
		try {
			run();
		} catch (e) {
			return e instanceof push.PushError ? e.code : e;
		}
		return 'accepted';
	};

	it('refuses what no browser would send', async () => {
		const { db, kees } = await setup();
		const good = valid();
		const withKeys = (keys: Partial<typeof good.keys>) => ({
			...good,
			keys: { ...good.keys, ...keys }
		});
		const cases: [unknown, string][] = [
			[{ ...good, endpoint: 'http://push.example.net/send/abc' }, 'endpoint'],
			[{ ...good, endpoint: 'not a url' }, 'endpoint'],
			[{ ...good, endpoint: `https://push.example.net/${'a'.repeat(1000)}` }, 'endpoint'],
			[{ ...good, endpoint: 'https://user:secret@push.example.net/x' }, 'endpoint'],
			[withKeys({ p256dh: good.keys.p256dh.slice(0, -2) }), 'p256dh'],
			[withKeys({ p256dh: Buffer.alloc(65, 4).toString('base64url') }), 'p256dh'],
			[withKeys({ p256dh: 'BAD+KEY/' + good.keys.p256dh.slice(8) }), 'p256dh'],
			[withKeys({ auth: randomBytes(15).toString('base64url') }), 'auth'],
			[withKeys({ auth: '' }), 'auth'],
			[{ endpoint: good.endpoint }, 'p256dh']
		];
		for (const [input, code] of cases)
			expect(
				refusal(() => push.subscribe(db, kees, input as push.SubscriptionInput)),
				JSON.stringify(input)
			).toBe(code);
		expect(push.devices(db, kees)).toEqual([]);

		expect(refusal(() => push.subscribe(db, kees, good))).toBe('accepted');
		// Padded base64url is the same key.
		expect(refusal(() => push.subscribe(db, kees, withKeys({ auth: good.keys.auth + '==' })))).toBe(
			'accepted'
		);
		expect(push.devices(db, kees)).toHaveLength(1);
	});

	it('decodes no key longer than a browser sends, and looks up no overlong endpoint', async () => {
		const { db, kees } = await setup();
		const good = valid();
		const withKeys = (keys: Partial<typeof good.keys>) => ({
			...good,
			keys: { ...good.keys, ...keys }
		});
		// The longest a key may be: its own characters and two of padding.
		const longest = withKeys({ p256dh: good.keys.p256dh + '==', auth: good.keys.auth + '==' });
		expect([longest.keys.p256dh.length, longest.keys.auth.length]).toEqual([89, 24]);
		expect(refusal(() => push.subscribe(db, kees, longest))).toBe('accepted');

		const decode = vi.spyOn(Buffer, 'from');
		const long = 'A'.repeat(100_000);
		expect(refusal(() => push.subscribe(db, kees, withKeys({ p256dh: long })))).toBe('p256dh');
		expect(refusal(() => push.subscribe(db, kees, withKeys({ auth: long })))).toBe('auth');
		expect(decode).not.toHaveBeenCalledWith(long, 'base64url');
		decode.mockRestore();

		const remove = vi.spyOn(db, 'delete');
		expect(push.unsubscribe(db, kees, `${good.endpoint}/${'a'.repeat(1000)}`)).toBe(false);
		expect(remove).not.toHaveBeenCalled();
		remove.mockRestore();
		expect(push.unsubscribe(db, kees, good.endpoint)).toBe(true);
		expect(push.devices(db, kees)).toEqual([]);
	});

	it('refuses an endpoint written as an address that is not public', async () => {
		const { db, kees } = await setup();
		vi.stubEnv('PUSH_ALLOW_PRIVATE_ADDRESSES', '');
		const at = (host: string) => ({ ...valid(), endpoint: `https://${host}/send/abc` });
		for (const host of [
			'127.0.0.1:8443',
			'[::1]',
			'10.1.2.3',
			'172.16.0.9',
			'192.168.1.1',
			'169.254.169.254',
			'100.64.0.1',
			'0.0.0.0',
			'[fd00::1]',
			'[fe80::1]',
			'[::ffff:127.0.0.1]',
			'[::ffff:7f00:1]',
			// IPv4 carried in IPv6 some other way: only global unicast IPv6 (2000::/3) is reached.
			'[::127.0.0.1]',
			'[::a9fe:a9fe]',
			'[::]',
			'[64:ff9b::a00:1]',
			'[2002:7f00:1::1]',
			'[2001:0:4136:e378:8000:63bf:3fff:fdd2]',
			'[2001:db8::1]',
			'0x7f000001',
			'2130706433',
			'224.0.0.1'
		])
			expect(
				refusal(() => push.subscribe(db, kees, at(host))),
				host
			).toBe('endpoint');
		expect(push.devices(db, kees)).toEqual([]);
		// Names are looked up when a push is sent; public addresses are push services' own.
		expect(refusal(() => push.subscribe(db, kees, at('fcm.googleapis.com')))).toBe('accepted');
		expect(refusal(() => push.subscribe(db, kees, at('142.250.1.95')))).toBe('accepted');
		expect(refusal(() => push.subscribe(db, kees, at('[2a00:1450:4001::5f]')))).toBe('accepted');
		vi.stubEnv('PUSH_ALLOW_PRIVATE_ADDRESSES', '1');
		expect(refusal(() => push.subscribe(db, kees, at('127.0.0.1:8443')))).toBe('accepted');
	});

	it('looks names up for the push agent and refuses any that point into a private network', async () => {
		const lookup = (host: string, all: boolean) =>
			new Promise<unknown>((resolve) =>
				publicLookup(host, { all }, (error, address) => resolve(error ?? address))
			);
		for (const all of [false, true]) {
			const answer = await lookup('localhost', all);
			expect(answer).toBeInstanceOf(NotPublicError);
			expect((answer as NotPublicError).host).toBe('localhost');
		}
		expect(isPublicAddress('142.250.1.95')).toBe(true);
		expect(isPublicAddress('2a00:1450:4001::5f')).toBe(true);
		for (const address of [
			'127.0.0.1',
			'::1',
			'10.0.0.1',
			'::ffff:192.168.0.1',
			'::127.0.0.1',
			'::a9fe:a9fe',
			'64:ff9b::7f00:1',
			'2002:a9fe:a9fe::1',
			'2001::1',
			'nonsense'
		])
			expect(isPublicAddress(address), address).toBe(false);
		// The lookup hands an address back as it is, so the agent refuses it the same way.
		for (const address of ['::127.0.0.1', '::ffff:127.0.0.1', '2002:7f00:1::1'])
			expect(await lookup(address, false), address).toBeInstanceOf(NotPublicError);
		expect(await lookup('2a00:1450:4001::5f', false)).toBe('2a00:1450:4001::5f');
	});

	it('moves an endpoint to whoever subscribes it last, without the previous user’s pushes', async () => {
		const { db, flat, ans, mo, now } = await setup();
		const phone = valid();
		const first = push.subscribe(db, ans, phone, 'Telefoon');
		db.insert(pushOutbox)
			.values({
				subscriptionId: first.id,
				userId: ans,
				flatId: flat.id,
				thread: 'help/1',
				payload: payload(),
				notBefore: now
			})
			.run();

		const again = push.subscribe(db, mo, { ...phone, keys: valid().keys }, 'Telefoon van Mo');
		expect(again.id).toBe(first.id);
		expect(push.devices(db, ans)).toEqual([]);
		expect(push.devices(db, mo).map((d) => d.label)).toEqual(['Telefoon van Mo']);
		expect(db.select().from(pushOutbox).all()).toEqual([]);
		expect(db.select().from(pushSubscriptions).all()).toHaveLength(1);
	});

	it('lists and removes only a user’s own devices, and shows no keys', async () => {
		const { db, ans, kees } = await setup();
		const phone = push.subscribe(db, ans, valid(), 'Android · Chrome');
		const laptop = push.subscribe(db, ans, valid(), 'Linux · Firefox');
		push.subscribe(db, kees, valid(), 'iPhone · Safari');

		const listed = push.devices(db, ans);
		expect(listed.map((d) => d.label).sort()).toEqual(['Android · Chrome', 'Linux · Firefox']);
		expect(Object.keys(listed[0]!).sort()).toEqual(['createdAt', 'id', 'label', 'lastSentAt']);

		expect(push.removeDevice(db, kees, phone.id)).toBe(false);
		expect(push.devices(db, ans)).toHaveLength(2);
		expect(push.removeDevice(db, ans, phone.id)).toBe(true);
		expect(push.devices(db, ans).map((d) => d.id)).toEqual([laptop.id]);
		expect(push.devices(db, kees)).toHaveLength(1);
	});
});
