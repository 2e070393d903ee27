import { expect, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { client, expectAccessible, joinAs, makeFlat, PASSWORD, post } from './helpers';

test('the privacy page says what is kept and who sees it, in plain words', async ({ page }) => {
	await page.goto('/privacy');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Privacy op Burenbord');
	await expect(page.getByText('Berichten: 6 maanden.')).toBeVisible();
	await expect(page.getByText(/Professionals, zoals een flatcoach/)).toBeVisible();
	await expectAccessible(page);
});

test('a resident downloads their data, then deletes the account for good', async ({ browser }) => {
	const flat = await makeFlat('privacy');
	const state = await joinAs(flat, 'Anna');
	const kees = await client(await joinAs(flat, 'Kees'));
	const anna = await client(state);
	const title = 'Wie haalt mijn pakketje op?';
	const created = await post(anna, `/f/${flat.slug}/help/new`, {
		type: 'request',
		category: 'errands',
		title,
		when: 'flexible'
	});
	const postPath = new URL(created.url).pathname;
	expect(postPath).toMatch(/\/help\/\d+$/);

	// The file itself: a download nobody keeps a copy of.
	const res = await anna.get('/settings/privacy/export');
	expect(res.status()).toBe(200);
	expect(res.headers()['content-disposition']).toContain('filename="burenbord-anna.json"');
	expect(res.headers()['cache-control']).toBe('no-store');
	await anna.dispose();

	const page = await (await browser.newContext({ storageState: state })).newPage();
	await page.goto('/settings/privacy');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Privacy en je gegevens');
	await expectAccessible(page);
	const downloading = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Download al mijn gegevens' }).click();
	const download = await downloading;
	expect(download.suggestedFilename()).toBe('burenbord-anna.json');
	const text = await readFile(await download.path(), 'utf8');
	const data = JSON.parse(text);
	expect(data.profile.name).toBe('Anna');
	expect(data.posts.map((p: { title: string }) => p.title)).toEqual([title]);
	expect(text).not.toMatch(/password|argon2|\$argon/i);
	expect(text).not.toContain('Kees');

	// A wrong password, or no tick: nothing happens, and the page says why.
	const password = page.getByLabel('Wachtwoord', { exact: true });
	const sure = page.getByLabel('Ik begrijp het: mijn account is daarna echt weg.');
	const remove = page.getByRole('button', { name: 'Account verwijderen' });
	await password.fill('niet mijn wachtwoord');
	await sure.check();
	await remove.click();
	await expect(
		page.getByText('Dit wachtwoord klopt niet. Je account is niet verwijderd.')
	).toBeVisible();
	await expectAccessible(page);
	await password.fill(PASSWORD);
	await sure.uncheck();
	await remove.click();
	await expect(page.getByText('Zet eerst een vinkje als je het zeker weet.')).toBeVisible();

	await password.fill(PASSWORD);
	await sure.check();
	await remove.click();
	await expect(page).toHaveURL(/\/\?goodbye$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Buren helpen buren');
	await page.goto('/settings/privacy');
	await expect(page).toHaveURL(/\/login/);

	const again = await client();
	const login = await post(again, '/login', { flat: flat.slug, name: 'Anna', password: PASSWORD });
	expect(login.status).toBe(400);
	expect(login.html).toContain('Naam of wachtwoord klopt niet.');
	await again.dispose();

	// The neighbours still see the request, from "a former neighbour".
	const seen = await (await kees.get(postPath)).text();
	expect(seen).toContain(title);
	expect(seen).toContain('Een oud-buur');
	expect(seen).not.toContain('Anna');
	await kees.dispose();
});
