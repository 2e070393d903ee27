import { expect, test } from '@playwright/test';
import { client, expectAccessible, joinAs, makeFlat, post, tick } from './helpers';

/**
 * A request nobody answers waits two days; the verbinder hears of it, finds it on the waiting
 * page and suggests two neighbours who said they may be suggested. One says "not now" (and
 * nobody hears of it), the other helps, and the asker picks him.
 */
test('a request waits two days; a verbinder suggests a neighbour, who helps', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const flat = await makeFlat('waiting');
	const [ansState, keesState, moState] = [
		await joinAs(flat, 'Ans'),
		await joinAs(flat, 'Kees'),
		await joinAs(flat, 'Mo')
	];
	const page = async (state: string) =>
		(await browser.newContext({ storageState: state })).newPage();

	// Kees ticks "errands" and "a verbinder may suggest me" in My talents.
	const kees = await page(keesState);
	await kees.goto(`/f/${flat.slug}/profile`);
	await kees.locator('input[name="talents"][value="errands"]').check();
	const suggestable = kees.getByLabel(
		'Een verbinder mag mij voorstellen voor een vraag die bij mij past'
	);
	await expect(suggestable).not.toBeChecked();
	await suggestable.check();
	await kees.getByRole('button', { name: 'Opslaan' }).click();
	await expect(kees.getByText('Opgeslagen.')).toBeVisible();
	await kees.reload();
	await expect(suggestable).toBeChecked();

	// Mo too, without script: the form posts plainly.
	const mo = await client(moState);
	const saved = await post(mo, `/f/${flat.slug}/profile?/save`, {
		talents: 'errands',
		tags: '',
		languages: '',
		suggestable: 'on'
	});
	expect(saved.status).toBe(200);

	// Ans asks; nobody answers.
	const ans = await client(ansState);
	const asked = await post(ans, `/f/${flat.slug}/help/new`, {
		type: 'request',
		category: 'errands',
		title: 'Wie haalt zaterdag brood?',
		when: 'flexible'
	});
	const id = asked.url.match(/\/help\/(\d+)$/)?.[1];
	expect(id, asked.url).toBeTruthy();

	// Not yet waiting after a day; two days and an hour later it is, and the verbinder hears it.
	// (The clock runs for every flat of the test server, so its counts are not this flat's.)
	tick(new Date(Date.now() + 24 * 3_600_000));
	const bram = await page(flat.verbinder.state);
	await bram.goto(`/f/${flat.slug}/help/waiting`);
	await expect(bram.getByText('Wie haalt zaterdag brood?')).toHaveCount(0);
	await bram.goto(`/f/${flat.slug}/notifications`);
	await expect(bram.getByText('Deze vraag wacht op een buur')).toHaveCount(0);
	tick(new Date(Date.now() + 49 * 3_600_000));
	await bram.goto(`/f/${flat.slug}/notifications`);
	await expect(
		bram.getByText('Deze vraag wacht op een buur: “Wie haalt zaterdag brood?”')
	).toBeVisible();
	await bram.goto(`/f/${flat.slug}/me`);
	await bram.getByRole('link', { name: 'Vragen die wachten op een buur' }).click();
	await expect(bram.getByRole('heading', { level: 1 })).toHaveText(
		'Vragen die wachten op een buur'
	);
	// Told once, it stays on the page until someone answers.
	const waiting = bram.getByRole('listitem').filter({ hasText: 'Wie haalt zaterdag brood?' });
	await expect(waiting).toContainText('Van Ans');
	await expectAccessible(bram);
	// The verbinders choose after how many days; the choice is kept.
	await bram.getByLabel('3 dagen').check();
	await bram.getByRole('button', { name: 'Opslaan' }).click();
	await expect(bram.getByText('Opgeslagen.')).toBeVisible();
	await bram.reload();
	await expect(bram.getByLabel('3 dagen')).toBeChecked();
	await expect(waiting).toBeVisible();

	// From the request's own page, Bram suggests Kees and Mo.
	await bram.goto(`/f/${flat.slug}/help/${id}`);
	await bram.getByRole('link', { name: 'Stel een buur voor' }).click();
	await expect(bram).toHaveURL(new RegExp(`/help/${id}/suggest$`));
	await expect(bram.getByText('Helpt graag met: Boodschappen')).toHaveCount(2);
	await expect(bram.getByText('Je kunt voor deze vraag nog 5 buren voorstellen.')).toBeVisible();
	await expectAccessible(bram);
	await bram.getByRole('button', { name: 'Kees voorstellen' }).click();
	await expect(bram.getByText('Kees krijgt een bericht van je.')).toBeVisible();
	await expect(bram.getByRole('button', { name: 'Kees voorstellen' })).toHaveCount(0);
	await bram.getByRole('button', { name: 'Mo voorstellen' }).click();
	await expect(bram.getByText('Mo krijgt een bericht van je.')).toBeVisible();
	await expect(bram.getByText('Je kunt voor deze vraag nog 3 buren voorstellen.')).toBeVisible();

	// Someone the page does not offer, sent by hand, is refused kindly.
	const bramApi = await client(flat.verbinder.state);
	const again = await post(bramApi, `/f/${flat.slug}/help/${id}/suggest?/suggest`, {
		userId: '999999'
	});
	expect(again.status).toBe(400);
	expect(again.html).toContain('Deze buur kan niet voorgesteld worden voor deze vraag.');

	// Mo says "not now"; the box goes and nobody is told.
	const moPage = await page(moState);
	await moPage.goto(`/f/${flat.slug}/help/${id}`);
	await expect(moPage.getByRole('heading', { name: 'Bram dacht aan jou' })).toBeVisible();
	await expectAccessible(moPage);
	await moPage.getByRole('button', { name: 'Nu niet' }).click();
	await expect(moPage.getByText('Goed. Niemand hoort ervan.')).toBeVisible();
	await expect(moPage.getByRole('heading', { name: 'Bram dacht aan jou' })).toHaveCount(0);

	// Kees hears of it, opens the request and answers the usual way.
	await kees.goto(`/f/${flat.slug}/notifications`);
	await kees.getByText('Bram denkt dat jij kunt helpen met: “Wie haalt zaterdag brood?”').click();
	await expect(kees).toHaveURL(new RegExp(`/help/${id}$`));
	await expect(kees.getByRole('heading', { name: 'Bram dacht aan jou' })).toBeVisible();
	await kees.getByRole('button', { name: 'Ik kan helpen' }).click();
	await expect(kees.getByRole('heading', { name: 'Bram dacht aan jou' })).toHaveCount(0);

	// Ans sees Kees's answer and nothing of the suggestions, nor of Mo's "not now".
	const ansPage = await page(ansState);
	await ansPage.goto(`/f/${flat.slug}/help/${id}`);
	await expect(ansPage.getByText(/Bram|Mo\b|voorgesteld|dacht aan/)).toHaveCount(0);
	await expect(ansPage.getByRole('link', { name: 'Stel een buur voor' })).toHaveCount(0);
	await ansPage.getByRole('button', { name: 'Kies Kees' }).click();
	await ansPage.goto(`/f/${flat.slug}/notifications`);
	await expect(ansPage.getByText(/Bram|Mo\b|voorgesteld|dacht aan/)).toHaveCount(0);

	// Accepted: no longer waiting, nor open for suggestions.
	await bram.goto(`/f/${flat.slug}/help/waiting`);
	await expect(bram.getByText('Er wacht nu geen vraag. Mooi!')).toBeVisible();
	await bram.goto(`/f/${flat.slug}/help/${id}/suggest`);
	await expect(bram).toHaveURL(new RegExp(`/help/${id}$`));

	// A neighbour may not open the verbinders' pages.
	const keesApi = await client(keesState);
	expect((await keesApi.get(`/f/${flat.slug}/help/waiting`)).status()).toBe(403);
	expect((await keesApi.get(`/f/${flat.slug}/help/${id}/suggest`)).status()).toBe(403);
});
