import { expect, test, type Browser, type Page } from '@playwright/test';
import { ADMIN_STATE, expectAccessible, PASSWORD, uniqueSlug } from './helpers';

async function newPage(browser: Browser, storageState?: string): Promise<Page> {
	const context = await browser.newContext({ storageState });
	return context.newPage();
}

async function joinInBrowser(page: Page, url: string, name: string) {
	await page.goto(url);
	await page.getByLabel('Voornaam').fill(name);
	await page.getByLabel('Wachtwoord').fill(PASSWORD);
	await page.getByRole('button', { name: 'Meedoen', exact: true }).click();
}

test('a flat comes alive: verbinder, neighbours join, approval, login code, Arabic', async ({
	browser
}) => {
	// The whole life of a flat in one story: it takes most of a minute on a loaded machine.
	test.setTimeout(150_000);
	const slug = uniqueSlug('horst');
	const flatName = `Horst ${slug}`;

	// The admin creates the flat and hands its first verbinder a login code.
	const admin = await newPage(browser, ADMIN_STATE);
	await admin.goto('/admin');
	const newFlat = admin.locator('form[action="?/createFlat"]');
	await newFlat.getByLabel('Naam van de flat').fill(flatName);
	await newFlat.getByLabel('Webnaam').fill(slug);
	await newFlat.getByRole('button', { name: 'Flat aanmaken' }).click();
	await expect(admin.getByText(`${flatName} is aangemaakt.`)).toBeVisible();
	const handForm = admin.locator('form[action="?/verbinder"]');
	await handForm.getByLabel('Flat').selectOption({ label: flatName });
	await handForm.getByLabel('Voornaam').fill('Bram');
	await handForm.getByRole('button', { name: 'Inlogcode maken' }).click();
	const verbinderCode = (await admin.getByTestId('login-code').textContent())!.trim();
	expect(verbinderCode).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
	await expectAccessible(admin);

	// Bram redeems it, sets a password and sees the join poster with its QR code.
	const bram = await newPage(browser);
	await bram.goto('/code');
	await bram.getByLabel('Inlogcode').fill(verbinderCode.toLowerCase());
	await bram.getByRole('button', { name: 'Verder' }).click();
	await expect(bram.getByText('Hallo Bram!')).toBeVisible();
	await bram.getByLabel('Nieuw wachtwoord').fill(PASSWORD);
	await bram.getByRole('button', { name: 'Wachtwoord opslaan en inloggen' }).click();
	await expect(bram).toHaveURL(new RegExp(`/f/${slug}$`));
	await expect(bram.getByRole('heading', { level: 1 })).toHaveText(flatName);
	await expectAccessible(bram);
	await bram.getByRole('link', { name: 'Code om mee te doen' }).first().click();
	const joinCode = (await bram.getByTestId('join-code').textContent())!.trim();
	expect(joinCode).toMatch(/^[A-Z]+-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
	await expect(bram.locator('.qr svg')).toBeVisible();
	await expect(bram.getByText(`/join/${joinCode}`)).toBeVisible();
	await expectAccessible(bram);

	// Two residents join by the poster's link.
	const samira = await newPage(browser);
	await joinInBrowser(samira, `/join/${joinCode}`, 'Samira');
	// Newcomers land on the welcome page with their first steps.
	await expect(samira).toHaveURL(new RegExp(`/f/${slug}/welcome$`));
	await expect(samira.getByRole('heading', { name: 'Je eerste stappen' })).toBeVisible();
	await expectAccessible(samira);
	const kees = await newPage(browser);
	await kees.goto('/join');
	await kees.getByLabel('Code van je flat').fill(joinCode.toLowerCase().replace('-', ' '));
	await kees.getByRole('button', { name: 'Verder' }).click();
	await expect(kees).toHaveURL(new RegExp(`/join/${joinCode}$`));
	await expectAccessible(kees);
	// A name already used in the flat is refused kindly.
	await joinInBrowser(kees, `/join/${joinCode}`, 'samira');
	await expect(
		kees.locator('.field').getByText(/Iemand in deze flat heeft deze naam al/)
	).toBeVisible();
	await expect(kees.getByLabel('Voornaam')).toHaveValue('samira');
	await joinInBrowser(kees, `/join/${joinCode}`, 'Kees');
	await expect(kees).toHaveURL(new RegExp(`/f/${slug}/welcome$`));

	// A resident is not a verbinder.
	const forbidden = await samira.goto(`/f/${slug}/members`);
	expect(forbidden?.status()).toBe(403);
	await expect(samira.getByRole('heading', { level: 1 })).toHaveText('Niet voor jou');

	// Log out and in again: the device remembers the flat.
	await samira.goto(`/f/${slug}`);
	await samira.getByRole('button', { name: 'Uitloggen' }).click();
	await expect(samira.getByRole('heading', { level: 1 })).toHaveText('Buren helpen buren');
	await expectAccessible(samira);
	await samira.goto(`/f/${slug}`);
	await expect(samira).toHaveURL(/\/login\?redirectTo=/);
	// The remembered flat is filled in as its web name, never looked up (nor its name shown).
	await expect(samira.getByRole('heading', { level: 1 })).toHaveText('Inloggen');
	await expect(samira.getByLabel('Je flat')).toHaveValue(slug);
	await expect(samira.getByText(flatName)).toHaveCount(0);
	await samira.getByLabel('Voornaam').fill('Samira');
	await samira.getByLabel('Wachtwoord').fill('verkeerd wachtwoord');
	await samira.getByRole('button', { name: 'Inloggen' }).last().click();
	await expect(samira.getByRole('alert')).toContainText('Naam of wachtwoord klopt niet');
	await expectAccessible(samira);
	await samira.getByLabel('Wachtwoord').fill(PASSWORD);
	await samira.getByRole('button', { name: 'Inloggen' }).last().click();
	await expect(samira).toHaveURL(new RegExp(`/f/${slug}$`));

	// Bram switches the flat to approval; Fatima waits until he lets her in.
	await bram.getByLabel('Met de code, en een verbinder keurt goed').check();
	await bram.locator('form[action="?/joinMode"]').getByRole('button', { name: 'Opslaan' }).click();
	await expect(bram.getByText('Opgeslagen.')).toBeVisible();
	const fatima = await newPage(browser);
	await joinInBrowser(fatima, `/join/${joinCode}`, 'Fatima');
	await expect(fatima).toHaveURL(new RegExp(`/f/${slug}/waiting$`));
	await expect(fatima.getByRole('heading', { level: 1 })).toHaveText('Even wachten');
	await expectAccessible(fatima);
	await fatima.goto(`/f/${slug}/members`);
	await expect(fatima).toHaveURL(new RegExp(`/f/${slug}/waiting$`));

	await bram.goto(`/f/${slug}/members`);
	await expect(bram.getByRole('heading', { name: /Wacht op goedkeuring \(1\)/ })).toBeVisible();
	await expectAccessible(bram);
	await bram.getByRole('button', { name: 'Fatima toelaten' }).click();
	await expect(bram.getByRole('heading', { name: /Wachten op goedkeuring \(0\)/ })).toBeVisible();
	await fatima.getByRole('link', { name: 'Kijk opnieuw' }).click();
	await expect(fatima).toHaveURL(new RegExp(`/f/${slug}$`));
	await expect(fatima.getByText('Hallo Fatima, fijn dat je er bent.')).toBeVisible();

	// Kees forgot his password: Bram gives him a login code.
	await bram.getByRole('button', { name: 'Inlogcode voor Kees' }).click();
	const keesCode = (await bram.getByTestId('login-code').textContent())!.trim();
	const keesAgain = await newPage(browser);
	await keesAgain.goto('/code');
	await keesAgain.getByLabel('Inlogcode').fill(keesCode);
	await keesAgain.getByRole('button', { name: 'Verder' }).click();
	await expectAccessible(keesAgain);
	await keesAgain.getByLabel('Nieuw wachtwoord').fill('kees zijn nieuwe wachtwoord');
	await keesAgain.getByRole('button', { name: 'Wachtwoord opslaan en inloggen' }).click();
	await expect(keesAgain.getByText('Hallo Kees, fijn dat je er bent.')).toBeVisible();
	// Kees's old session is over, and the code works only once.
	await kees.reload();
	await expect(kees).toHaveURL(/\/login/);
	await keesAgain.context().clearCookies();
	await keesAgain.goto('/code');
	await keesAgain.getByLabel('Inlogcode').fill(keesCode);
	await keesAgain.getByRole('button', { name: 'Verder' }).click();
	await expect(
		keesAgain.locator('.field').getByText(/Deze code werkt niet\. Een code werkt 3 dagen/)
	).toBeVisible();

	// Samira switches to Arabic: the page turns right-to-left, set by the server. Settings are
	// under "Ik" (Me) in the tab bar.
	await samira.getByRole('link', { name: 'Ik', exact: true }).click();
	await samira.getByRole('link', { name: 'Instellingen' }).click();
	await expectAccessible(samira);
	await samira.getByLabel('العربية').check();
	await samira.locator('form[action="?/language"]').getByRole('button').click();
	await expect(samira.locator('html')).toHaveAttribute('dir', 'rtl');
	await expect(samira.locator('html')).toHaveAttribute('lang', 'ar');
	await expect(samira.getByRole('heading', { level: 1 })).toHaveText('الإعدادات');
	await expectAccessible(samira);
	await samira.goto(`/f/${slug}`);
	await expect(samira.getByText('مرحبًا Samira، سعداء بوجودك.')).toBeVisible();
	await expectAccessible(samira);
	// The language belongs to the account: it comes back after logging in elsewhere.
	const elsewhere = await newPage(browser);
	await elsewhere.goto(`/login?other`);
	await elsewhere.getByLabel('Je flat').fill(joinCode);
	await elsewhere.getByLabel('Voornaam').fill('Samira');
	await elsewhere.getByLabel('Wachtwoord').fill(PASSWORD);
	await elsewhere.getByRole('button', { name: 'Inloggen' }).last().click();
	await expect(elsewhere.locator('html')).toHaveAttribute('dir', 'rtl');
});
