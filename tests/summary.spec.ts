import { expect, test } from '@playwright/test';
import { client, expectAccessible, joinAs, makeFlat, post, tick } from './helpers';
import { startPushService, type PushService } from './push-service';

let service: PushService;
test.beforeAll(async () => {
	service = await startPushService();
});
test.afterAll(async () => {
	await service.close();
});

/** The weekday (0 = Sunday) and the wall clock of an instant in Amsterdam, where the flat is. */
function inAmsterdam(at: Date) {
	const parts = Object.fromEntries(
		new Intl.DateTimeFormat('en-GB', {
			timeZone: 'Europe/Amsterdam',
			weekday: 'short',
			hour: '2-digit',
			minute: '2-digit',
			hourCycle: 'h23'
		})
			.formatToParts(at)
			.map((p) => [p.type, p.value])
	);
	const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(parts.weekday!);
	return { day: String(day), time: `${parts.hour}:${parts.minute}` };
}

/**
 * The weekly summary end to end: the verbinder sets it to go out in a minute, a neighbour asks
 * for help, and when the moment has passed the clock's round pushes it to a neighbour who reads
 * Arabic, in Arabic; the summary page lists the request.
 */
test('the weekly summary arrives as a push in the reader’s language', async ({ browser }) => {
	test.setTimeout(150_000);
	const flat = await makeFlat('summary');
	const keesState = await joinAs(flat, 'Kees');
	const moState = await joinAs(flat, 'Mo');

	// Mo reads Arabic, has one phone, no quiet hours, and keeps the default: requests weekly.
	const mo = await client(moState);
	await post(mo, '/settings?/language', { locale: 'ar' });
	expect((await post(mo, `/f/${flat.slug}/notifications/settings`, { quiet: 'off' })).status).toBe(
		200
	);
	const device = service.newSubscription('mo-phone');
	const subscribed = await mo.post('/settings/push', {
		data: device,
		headers: { 'content-type': 'application/json' }
	});
	expect(subscribed.status()).toBe(201);
	await mo.dispose();

	// Bram, the verbinder, sets the summary for the coming minute, on the summary page.
	// (Not within the last seconds of a minute: the moment must still lie ahead when saved.)
	if (new Date().getUTCSeconds() > 45) await new Promise((done) => setTimeout(done, 16_000));
	const due = new Date(Math.ceil((Date.now() + 1000) / 60_000) * 60_000);
	const moment = inAmsterdam(due);
	const bram = await (await browser.newContext({ storageState: flat.verbinder.state })).newPage();
	await bram.goto(`/f/${flat.slug}/summary`);
	await expect(bram.getByRole('heading', { level: 1 })).toHaveText(`Deze week in ${flat.name}`);
	const days = bram.getByRole('group', { name: 'Dag' });
	await days.locator(`input[value="${moment.day}"]`).check();
	await bram.getByLabel('Tijd').fill(moment.time);
	await bram.getByRole('button', { name: 'Opslaan' }).click();
	await expect(bram.getByRole('status')).toContainText('Opgeslagen');
	await expectAccessible(bram);

	// Kees asks for help before the moment.
	const kees = await client(keesState);
	const asked = await post(kees, `/f/${flat.slug}/help/new`, {
		type: 'request',
		category: 'pets',
		title: 'Wie voert mijn kat?',
		when: 'flexible'
	});
	expect(asked.url).toMatch(/\/help\/\d+$/);
	await kees.dispose();

	// Once the moment has passed, one round of the clock sends the summaries.
	await new Promise((done) => setTimeout(done, Math.max(0, due.getTime() - Date.now() + 2000)));
	const arriving = service.waitFor('mo-phone', 20_000);
	expect(tick(new Date())).toMatch(/summariesSent\t[1-9]/);
	const arrived = await arriving;
	expect(arrived.ok).toBe(true);
	expect(JSON.parse(arrived.payload!)).toEqual({
		title: flat.name,
		body: 'ملخصك الأسبوعي جاهز: شيء واحد للقراءة',
		url: `/f/${flat.slug}/summary`,
		tag: `/f/${flat.slug}/summary`
	});
	// A second round sends nothing again.
	expect(tick(new Date())).toMatch(/summariesSent\t0/);

	// The push opens the summary page, which lists Kees's request.
	const page = await (await browser.newContext({ storageState: moState })).newPage();
	await page.goto(`/f/${flat.slug}/summary`);
	await expect(page.getByRole('link', { name: 'Wie voert mijn kat?' })).toBeVisible();
	await expectAccessible(page);
	await page.context().close();
	await bram.context().close();
});

test('the notification settings save "weekly" without JavaScript', async ({ browser }) => {
	test.setTimeout(90_000);
	const flat = await makeFlat('weekly');
	const state = await joinAs(flat, 'Ans');
	const context = await browser.newContext({ storageState: state, javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto(`/f/${flat.slug}/notifications/settings`);
	const calendar = page.getByRole('group', { name: 'Nieuws uit de agenda' });
	await calendar.getByLabel('Eén keer per week, in het weekoverzicht').check();
	// Kinds about the member themselves have no weekly choice.
	await expect(
		page
			.getByRole('group', { name: 'Reacties op jouw berichten' })
			.getByLabel('Eén keer per week, in het weekoverzicht')
	).toHaveCount(0);
	await page.getByRole('button', { name: 'Opslaan' }).click();
	await expect(page.getByRole('status')).toBeVisible();
	await page.goto(`/f/${flat.slug}/notifications/settings`);
	await expect(calendar.getByLabel('Eén keer per week, in het weekoverzicht')).toBeChecked();
	// New requests wait for the summary unless the member chose otherwise.
	await expect(
		page
			.getByRole('group', { name: 'Elke nieuwe vraag op het prikbord' })
			.getByLabel('Eén keer per week, in het weekoverzicht')
	).toBeChecked();
	await context.close();
	// axe runs as script: in a browser that has it.
	const checked = await (await browser.newContext({ storageState: state })).newPage();
	await checked.goto(`/f/${flat.slug}/notifications/settings`);
	await expectAccessible(checked);
	await checked.context().close();
});
