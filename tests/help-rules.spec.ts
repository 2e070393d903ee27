import { expect, test } from '@playwright/test';
import { client, expectAccessible, joinAs, makeFlat, post } from './helpers';

const request = (fields: Record<string, string>) => ({
	type: 'request',
	category: 'errands',
	title: 'Boodschap',
	when: 'flexible',
	...fields
});

test('light help: a kind word before a third errand request or care words, never a block', async ({
	browser
}) => {
	const flat = await makeFlat('light');
	const state = await joinAs(flat, 'Henk');
	const henk = await client(state);
	for (const title of ['Melk halen', 'Brood halen'])
		expect((await post(henk, `/f/${flat.slug}/help/new`, request({ title }))).url).toMatch(
			/\/help\/\d+$/
		);

	const page = await (await browser.newContext({ storageState: state })).newPage();
	await page.goto(`/f/${flat.slug}/help/new`);
	await page.getByLabel('Boodschappen').check();
	await page.getByLabel('Kort gezegd').fill('Wie haalt elke dag mijn medicijnen?');
	await page.getByRole('button', { name: 'Op het prikbord zetten' }).click();
	const note = page.getByRole('alert');
	await expect(note).toContainText('Buren helpen elkaar af en toe');
	await expect(note.getByRole('link', { name: /Hulp in de buurt/ })).toHaveAttribute(
		'href',
		`/f/${flat.slug}/map`
	);
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Toch plaatsen' }).click();
	await expect(page).toHaveURL(/\/help\/\d+$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Wie haalt elke dag mijn medicijnen?'
	);
	await page.goto(`/f/${flat.slug}/map`);
	await expect(page.getByText('bel 112')).toBeVisible();
	await expectAccessible(page);
	await henk.dispose();
});

test('kindness prompt before harsh words, and a period over six weeks is refused kindly', async () => {
	const flat = await makeFlat('kind');
	const mia = await client(await joinAs(flat, 'Mia'));
	const harsh = await post(
		mia,
		`/f/${flat.slug}/help/new`,
		request({ title: 'Die idioot van 3 moet de trap vegen' })
	);
	expect(harsh.url).toMatch(/\/help\/new$/);
	expect(harsh.html).toContain('Wil je dit vriendelijker zeggen?');
	expect(harsh.html).toContain('value="Die idioot van 3 moet de trap vegen"');
	const anyway = await post(
		mia,
		`/f/${flat.slug}/help/new`,
		request({ title: 'Die idioot van 3 moet de trap vegen', confirmed: '1' })
	);
	expect(anyway.url).toMatch(/\/help\/\d+$/);

	const long = await post(
		mia,
		`/f/${flat.slug}/help/new`,
		request({
			category: 'pets',
			when: 'period',
			startDate: '2027-07-01',
			endDate: '2027-09-01',
			confirmed: '1'
		})
	);
	expect(long.status).toBe(400);
	expect(long.html).toContain('Kies een periode van niet langer dan 6 weken.');
	expect(long.html).toContain('Buren helpen elkaar af en toe');
	const past = await post(
		mia,
		`/f/${flat.slug}/help/new`,
		request({ when: 'day', startDate: '2020-01-01' })
	);
	expect(past.status).toBe(400);
	expect(past.html).toContain('Deze dag is al voorbij.');
	await mia.dispose();
});

test('an anonymous request keeps its author out of every page and data response', async () => {
	const flat = await makeFlat('anon');
	const author = await client(await joinAs(flat, 'Zaynab'));
	const neighbour = await client(await joinAs(flat, 'Piet'));
	const made = await post(
		author,
		`/f/${flat.slug}/help/new`,
		request({ category: 'letters', title: 'Wie leest een brief met mij?', anonymous: 'on' })
	);
	const path = new URL(made.url).pathname;
	for (const url of [
		`/f/${flat.slug}`,
		`/f/${flat.slug}/__data.json`,
		path,
		`${path}/__data.json`
	]) {
		const body = await (await neighbour.get(url)).text();
		expect(body, url).toContain(url.includes('__data') ? 'Wie leest een brief' : 'Van een buur');
		expect(body, url).not.toContain('Zaynab');
	}
	await author.dispose();
	await neighbour.dispose();
});

test('a verbinder posts for a neighbour without a smartphone; professionals never see help', async () => {
	const flat = await makeFlat('behalf');
	const verbinder = await client(flat.verbinder.state);
	const made = await post(
		verbinder,
		`/f/${flat.slug}/help/new`,
		request({ title: 'Boodschappen voor mevrouw Jansen', onBehalfOf: 'mevrouw Jansen' })
	);
	expect(made.html).toContain('Bram (verbinder) zette dit op het prikbord voor mevrouw Jansen');
	const postPath = new URL(made.url).pathname;

	const jet = await client(await joinAs(flat, 'Jet'));
	const updated = await (await verbinder.get(`/f/${flat.slug}/members`)).text();
	const jetId = updated.match(/data-member="Jet"[\s\S]*?name="membershipId" value="(\d+)"/)?.[1];
	await post(verbinder, `/f/${flat.slug}/members?/role`, {
		membershipId: jetId!,
		role: 'professional'
	});

	const board = await (await jet.get(`/f/${flat.slug}`)).text();
	expect(board).not.toContain('mevrouw Jansen');
	expect(board).not.toContain('Het prikbord');
	for (const url of [postPath, `/f/${flat.slug}/help/new`, `${postPath}/edit`])
		expect((await jet.get(url)).status(), url).toBe(403);
	const respond = await post(jet, `${postPath}?/respond`, { message: 'Ik kom' });
	expect(respond.status).toBe(403);
	await jet.dispose();
	await verbinder.dispose();
});

test('a neighbour lists talents and languages, and chooses to hear of fitting requests', async ({
	browser
}) => {
	const flat = await makeFlat('talent');
	const page = await (
		await browser.newContext({ storageState: await joinAs(flat, 'Layla') })
	).newPage();
	// Talents live under "Ik" (Me) in the app shell.
	await page.goto(`/f/${flat.slug}/me`);
	await page.getByRole('link', { name: 'Mijn talenten' }).click();
	await expectAccessible(page);
	await page.getByLabel('Brieven lezen of vertalen').check();
	await page.getByLabel('Huisdieren').check();
	await page.getByLabel('In je eigen woorden (mag leeg blijven)').fill('koken, schaken, koken');
	await page.getByLabel('Talen die je spreekt').fill('Nederlands, Arabisch');
	// Listing a talent is asking to hear of fitting requests: the box is ticked already.
	await expect(page.getByLabel(/Laat het me weten/)).toBeChecked();
	await page.getByRole('button', { name: 'Opslaan' }).click();
	await expect(page.getByText('Opgeslagen.')).toBeVisible();
	await page.reload();
	await expect(page.getByLabel('Brieven lezen of vertalen')).toBeChecked();
	await expect(page.getByLabel('Planten')).not.toBeChecked();
	await expect(page.getByLabel('In je eigen woorden (mag leeg blijven)')).toHaveValue(
		'koken, schaken'
	);
	await expect(page.getByLabel(/Laat het me weten/)).toBeChecked();
	// Saying no is kept, talents and all.
	await page.getByLabel(/Laat het me weten/).uncheck();
	await page.getByRole('button', { name: 'Opslaan' }).click();
	await expect(page.getByText('Opgeslagen.')).toBeVisible();
	await page.reload();
	await expect(page.getByLabel(/Laat het me weten/)).not.toBeChecked();
});

test('the author edits, extends once and withdraws a post; neighbours see talents and, if shown, a balance', async ({
	browser
}) => {
	const flat = await makeFlat('own');
	const state = await joinAs(flat, 'Rosa');
	const page = await (await browser.newContext({ storageState: state })).newPage();
	const rosa = await client(state);
	const made = await post(
		rosa,
		`/f/${flat.slug}/help/new`,
		request({ title: 'Wie leent mij een ladder?', category: 'lend' })
	);
	await page.goto(new URL(made.url).pathname);
	await page.getByRole('link', { name: 'Bericht veranderen' }).click();
	await expectAccessible(page);
	await page.getByLabel('Kort gezegd').fill('Wie leent mij een trapladder?');
	await page.getByRole('button', { name: 'Opslaan' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Wie leent mij een trapladder?');
	await page.getByRole('button', { name: 'Twee weken langer laten staan' }).click();
	await expect(page.getByRole('button', { name: 'Twee weken langer laten staan' })).toHaveCount(0);
	await page.getByRole('button', { name: 'Bericht weghalen' }).click();
	await expect(page.locator('.status')).toHaveText('Gesloten');
	await page.goto(`/f/${flat.slug}`);
	await expect(page.getByText('Wie leent mij een trapladder?')).toHaveCount(0);
	await page.goto(`/f/${flat.slug}?tab=mine`);
	await expect(page.getByText('Wie leent mij een trapladder?')).toBeVisible();

	await post(rosa, `/f/${flat.slug}/profile?/save`, {
		talents: 'plants',
		tags: 'taart bakken',
		languages: 'Nederlands, Spaans',
		showBalance: 'on'
	});
	await joinAs(flat, 'Tom');
	await page.goto(`/f/${flat.slug}/neighbours`);
	const card = page.locator('li.card', { hasText: 'Rosa' });
	await expect(card.getByText('Planten')).toBeVisible();
	await expect(card.getByText('taart bakken')).toBeVisible();
	await expect(card.getByText('Hielp 0 keer, kreeg 0 keer hulp (afgelopen jaar)')).toBeVisible();
	await expect(page.locator('li.card', { hasText: 'Tom' }).getByText(/Hielp/)).toHaveCount(0);
	await expectAccessible(page);
	await rosa.dispose();
});
