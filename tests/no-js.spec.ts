import { expect, test } from '@playwright/test';
import { joinAs, makeFlat, PASSWORD } from './helpers';

// The core forms work before (or without) any script: cheap phones, flaky connections.
test.use({ javaScriptEnabled: false });

test('join, log out and in, and switch language without JavaScript', async ({ page }) => {
	const flat = await makeFlat('nojs');
	await page.goto('/join');
	await page.getByLabel('Code van je flat').fill(flat.joinCode);
	await page.getByRole('button', { name: 'Verder' }).click();
	await expect(page).toHaveURL(new RegExp(`/join/${flat.joinCode}$`));

	// A refused form comes back filled in, with the message next to the field.
	await page.getByLabel('Voornaam').fill('Zeynep');
	await page.getByLabel('Huisnummer (mag leeg blijven)').fill('<12>');
	await page.getByLabel('Wachtwoord').fill('kort');
	await page.getByRole('button', { name: 'Meedoen', exact: true }).click();
	await expect(page.locator('.field').getByText(/minstens 8 tekens/)).toBeVisible();
	await expect(page.locator('.field').getByText(/Gebruik alleen cijfers en letters/)).toBeVisible();
	await expect(page.getByLabel('Voornaam')).toHaveValue('Zeynep');
	await expect(page.getByLabel('Wachtwoord')).toHaveValue('');
	await expect(page.getByLabel('Wachtwoord')).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByLabel('Voornaam')).not.toHaveAttribute('aria-invalid');

	await page.getByLabel('Huisnummer (mag leeg blijven)').fill('12');
	await page.getByLabel('Wachtwoord').fill(PASSWORD);
	await page.getByRole('button', { name: 'Meedoen', exact: true }).click();
	await expect(page).toHaveURL(new RegExp(`/f/${flat.slug}/welcome$`));
	await expect(page.getByRole('heading', { name: 'Je eerste stappen' })).toBeVisible();

	await page.getByRole('button', { name: 'Uitloggen' }).click();
	await page.goto('/login');
	await page.getByLabel('Voornaam').fill('zeynep');
	await page.getByLabel('Wachtwoord').fill(PASSWORD);
	await page.getByRole('button', { name: 'Inloggen' }).last().click();
	await expect(page).toHaveURL(new RegExp(`/f/${flat.slug}$`));

	// A visitor picks Arabic with one button; the page comes back right-to-left.
	await page.getByRole('button', { name: 'Uitloggen' }).click();
	await page.goto(`/join/${flat.joinCode}`);
	await page.getByRole('button', { name: 'العربية' }).first().click();
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	await expect(page).toHaveURL(new RegExp(`/join/${flat.joinCode}$`));
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`أهلًا بك في ${flat.name}`);
});

test('a verbinder approves, changes a role and issues a login code without JavaScript', async ({
	browser
}) => {
	const flat = await makeFlat('nojs-v', 'approval');
	await joinAs(flat, 'Ahmed');
	const context = await browser.newContext({
		javaScriptEnabled: false,
		storageState: flat.verbinder.state
	});
	const page = await context.newPage();
	await page.goto(`/f/${flat.slug}/members`);
	await page.getByRole('button', { name: 'Ahmed toelaten' }).click();
	const ahmed = page.locator('[data-member="Ahmed"]');
	await expect(ahmed.locator('.role')).toHaveText('bewoner');
	await ahmed.getByLabel('Rol van Ahmed').selectOption('verbinder');
	await ahmed.getByRole('button', { name: 'Rol opslaan' }).click();
	await expect(page.locator('[data-member="Ahmed"] .role')).toHaveText('verbinder');
	await page.getByRole('button', { name: 'Inlogcode voor Ahmed' }).click();
	await expect(page.getByTestId('login-code')).toHaveText(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
	await context.close();
});
