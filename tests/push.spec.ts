import { expect, test } from '@playwright/test';
import { client, joinAs, makeFlat, post } from './helpers';
import { startPushService, type PushService } from './push-service';

let service: PushService;
test.beforeAll(async () => {
	service = await startPushService();
});
test.afterAll(async () => {
	await service.close();
});

test('a neighbour answers my request: my phone gets an encrypted push in my language', async () => {
	const flat = await makeFlat('push');
	const ans = await client(await joinAs(flat, 'Ans'));
	const kees = await client(await joinAs(flat, 'Kees'));

	// Ans reads English, hears of everything at any hour, and has one phone.
	await post(ans, '/settings?/language', { locale: 'en' });
	const prefs = await post(ans, `/f/${flat.slug}/notifications/settings`, {
		responses: 'push',
		quiet: 'off'
	});
	expect(prefs.status).toBe(200);
	const device = service.newSubscription('ans-phone');
	const subscribed = await ans.post('/settings/push', {
		data: device,
		headers: {
			'content-type': 'application/json',
			'user-agent': 'Mozilla/5.0 (Linux; Android 14) Chrome/156'
		}
	});
	expect(subscribed.status()).toBe(201);
	// A subscription with a made-up key is refused.
	const bad = await ans.post('/settings/push', {
		data: { endpoint: device.endpoint, keys: { p256dh: 'bm90IGEga2V5', auth: device.keys.auth } },
		headers: { 'content-type': 'application/json' }
	});
	expect(bad.status()).toBe(400);
	const settings = await (await ans.get('/settings')).text();
	expect(settings).toContain('Android · Chrome');

	const asked = await post(ans, `/f/${flat.slug}/help/new`, {
		type: 'request',
		category: 'pets',
		title: 'Who feeds my cat?',
		when: 'flexible'
	});
	const postId = asked.url.match(/\/help\/(\d+)$/)?.[1];
	expect(postId).toBeTruthy();
	const arriving = service.waitFor('ans-phone', 10_000);
	await post(kees, `/f/${flat.slug}/help/${postId}?/respond`, { message: 'Ik kan helpen' });

	const arrived = await arriving;
	expect(arrived.ok).toBe(true);
	expect(arrived.jwtValid).toBe(true);
	expect(arrived.headers['content-encoding']).toBe('aes128gcm');
	expect(JSON.parse(arrived.payload!)).toEqual({
		title: flat.name,
		body: 'Someone responded to “Who feeds my cat?”',
		url: `/f/${flat.slug}/help/${postId}`,
		tag: `/f/${flat.slug}/help/${postId}`
	});
	// Kees, who has no device, got nothing pushed; Ans's bell has it too.
	expect(service.received.filter((r) => r.id !== 'ans-phone')).toEqual([]);
	const bell = await (await ans.get(`/f/${flat.slug}/notifications`)).text();
	expect(bell).toContain('Someone responded to “Who feeds my cat?”');
	await ans.dispose();
	await kees.dispose();
});
