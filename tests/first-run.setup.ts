import { expect, test } from '@playwright/test';
import { ADMIN, ADMIN_STATE, client, expectAccessible, post } from './helpers';

test('first run: / leads to setup, which makes the admin and the first flat, then is gone', async ({
	page
}) => {
	await page.goto('/');
	await expect(page).toHaveURL(/\/setup$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Burenbord instellen');
	await expectAccessible(page);

	// Bad input: messages next to the fields, values kept, nothing created.
	await page.getByLabel('Naam van de flat').fill('De Horst');
	await page.getByLabel('Webnaam').fill('De Horst!');
	await page.getByRole('button', { name: 'Opslaan en beginnen' }).click();
	await expect(page.getByText('Vul je voornaam in.')).toBeVisible();
	await expect(page.getByText(/Gebruik kleine letters/)).toBeVisible();
	await expect(page.getByLabel('Naam van de flat')).toHaveValue('De Horst');
	await expectAccessible(page);

	await page.getByLabel('Voornaam').fill(ADMIN.name);
	await page.getByLabel('Wachtwoord').fill(ADMIN.password);
	await page.getByLabel('Webnaam').fill('de-horst');
	await page.getByRole('button', { name: 'Opslaan en beginnen' }).click();
	await expect(page).toHaveURL(/\/admin$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Beheer');
	await expect(page.getByText('/f/de-horst')).toBeVisible();
	await expectAccessible(page);
	await page.context().storageState({ path: ADMIN_STATE });

	// Setup is gone: 404 for the page and for a direct POST.
	const res = await page.goto('/setup');
	expect(res?.status()).toBe(404);
	const visitor = await client();
	const again = await post(visitor, '/setup', {
		adminName: 'Eve',
		password: 'takeover-password',
		name: 'Evil',
		slug: 'evil',
		timeZone: 'UTC',
		joinMode: 'open'
	});
	expect(again.status).toBe(404);
	const login = await post(visitor, '/admin/login', { name: 'Eve', password: 'takeover-password' });
	expect(login.html).toContain('Naam of wachtwoord klopt niet');
	await visitor.dispose();
});
