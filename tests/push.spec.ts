import { expect, test } from '@playwright/test';
import { client, expectAccessible, joinAs, makeFlat, post } from './helpers';
import { startPushService, type PushService } from './push-service';

let service: PushService;
test.beforeAll(async () => {
	service = await startPushService();
});
test.afterAll(async () => {
	await service.close();
});

test('a neighbour answers my request: my phone gets an encrypted push in my language', async ({
	browser
}) => {
	const flat = await makeFlat('push');
	const ansState = await joinAs(flat, 'Ans');
	const ans = await client(ansState);
	const kees = await client(await joinAs(flat, 'Kees'));

	// Ans reads English, hears of everything at any hour, and has one phone.
	await post(ans, '/settings?/language', { locale: 'en' });
	const prefs = await post(ans, `/f/${flat.slug}/notifications/settings`, {
		kind_responses: 'push',
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
	await ans.dispose();

	// In the app (this browser kept Dutch): the bell counts it, opening it goes to the post and marks it read.
	const page = await (await browser.newContext({ storageState: ansState })).newPage();
	await page.goto(`/f/${flat.slug}/notifications`);
	await expect(page.getByRole('link', { name: 'Meldingen, 1 nieuw' })).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('button', { name: /Iemand reageerde op “Who feeds my cat\?”/ }).click();
	await expect(page).toHaveURL(new RegExp(`/help/${postId}$`));
	await page.goto(`/f/${flat.slug}/notifications`);
	await expect(page.getByRole('link', { name: 'Meldingen', exact: true })).toBeVisible();
	await page.goto(`/f/${flat.slug}/notifications/settings`);
	await expect(page.getByRole('group', { name: 'Reacties op jouw berichten' })).toBeVisible();
	await expectAccessible(page);
	await page.goto('/settings');
	await expect(page.getByText('Android · Chrome')).toBeVisible();
	await expectAccessible(page);
	await page.context().close();
	await kees.dispose();
});
