import { expect, test } from '@playwright/test';
import { expectAccessible, joinAs, makeFlat, PASSWORD } from './helpers';

test('one neighbour in two flats: joins the second while logged in, / offers a choice', async ({
	browser
}) => {
	const a = await makeFlat('two-a');
	const b = await makeFlat('two-b');
	const state = await joinAs(a, 'Yara');
	const page = await (await browser.newContext({ storageState: state })).newPage();
	await page.goto('/');
	await expect(page).toHaveURL(new RegExp(`/f/${a.slug}$`));

	await page.goto(`/join/${b.joinCode}`);
	await expect(page.getByText('Je bent ingelogd als Yara.', { exact: false })).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Meedoen', exact: true }).click();
	await expect(page).toHaveURL(new RegExp(`/f/${b.slug}/welcome$`));

	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kies je flat');
	await expect(page.getByRole('link', { name: a.name })).toBeVisible();
	await expect(page.getByRole('link', { name: b.name })).toBeVisible();
	await expectAccessible(page);
});

test('joining works with the keyboard alone on a 360 px screen', async ({ browser }) => {
	const flat = await makeFlat('keys');
	const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
	const page = await context.newPage();
	await page.goto(`/join/${flat.joinCode}`);
	// Nothing is wider than the screen.
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

	// The first Tab reaches the skip link, which leads straight to the content.
	await page.keyboard.press('Tab');
	await expect(page.getByRole('link', { name: 'Ga naar de inhoud' })).toBeFocused();
	await page.keyboard.press('Enter');
	const name = page.getByLabel('Voornaam');
	for (let i = 0; i < 12 && !(await name.evaluate((el) => el === document.activeElement)); i++)
		await page.keyboard.press('Tab');
	await expect(name).toBeFocused();
	await page.keyboard.type('Ilse');
	await page.keyboard.press('Tab');
	await page.keyboard.type('21');
	await page.keyboard.press('Tab');
	await expect(page.getByLabel('Wachtwoord')).toBeFocused();
	await page.keyboard.type(PASSWORD);
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(new RegExp(`/f/${flat.slug}/welcome$`));
	await expect(page.getByRole('heading', { name: 'Je eerste stappen' })).toBeVisible();
	await context.close();
});
