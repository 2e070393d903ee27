import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectAccessible, joinAs, makeFlat } from './helpers';

/** The next Tuesday at least two days ahead, as a local date in Amsterdam. */
function nextTuesday(): string {
	const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(
		new Date()
	);
	const d = new Date(`${today}T12:00:00Z`);
	d.setUTCDate(d.getUTCDate() + 2);
	while (d.getUTCDay() !== 2) d.setUTCDate(d.getUTCDate() + 1);
	return d.toISOString().slice(0, 10);
}

async function open(browser: Browser, state: string, js: boolean): Promise<Page> {
	const context = await browser.newContext({ storageState: state, javaScriptEnabled: js });
	return context.newPage();
}

/**
 * The coffee-morning journey: a verbinder announces a weekly coffee morning, two neighbours
 * answer (one comes, one helps), the verbinder cancels next Tuesday with a reason, and both
 * see it cancelled, with the reason, on the page and in their notifications.
 */
async function coffeeMorning(browser: Browser, js: boolean) {
	const flat = await makeFlat(js ? 'coffee' : 'coffee-nojs');
	const ansState = await joinAs(flat, 'Ans');
	const keesState = await joinAs(flat, 'Kees');
	const tuesday = nextTuesday();

	const bram = await open(browser, flat.verbinder.state, js);
	await bram.goto(`/f/${flat.slug}/calendar`);
	await expect(bram.getByText('Er staat de komende 4 weken niets in de agenda.')).toBeVisible();
	if (js) await expectAccessible(bram);
	await bram.getByRole('link', { name: 'Nieuwe activiteit' }).click();
	if (js) await expectAccessible(bram);
	// A refused form comes back filled in, with the message next to its field.
	await bram.getByLabel('Wat gaan we doen?').fill('Koffieochtend');
	await bram.getByLabel('Datum', { exact: true }).fill(tuesday);
	await bram.getByLabel('Begint om').fill('10:00');
	await bram.getByLabel('Eindigt om').fill('09:30');
	await bram.getByLabel('Elke week').check();
	await bram.getByRole('button', { name: 'Delen met de flat' }).click();
	await expect(bram.locator('.field').getByText('Het einde moet na het begin zijn.')).toBeVisible();
	await expect(bram.getByLabel('Wat gaan we doen?')).toHaveValue('Koffieochtend');
	await bram.getByLabel('Eindigt om').fill('11:30');
	await bram.getByLabel('Hoeveel helpers zoek je?').fill('1');
	await bram.getByRole('button', { name: 'Delen met de flat' }).click();
	await expect(bram.getByRole('heading', { level: 1 })).toHaveText('Koffieochtend');
	await expect(bram.getByText('Elke dinsdag', { exact: false })).toBeVisible();
	const activityUrl = new URL(bram.url()).pathname;
	if (js) await expectAccessible(bram);

	// Ans comes; Kees helps. Both heard of the new activity.
	const ans = await open(browser, ansState, js);
	await ans.goto(`/f/${flat.slug}/notifications`);
	await expect(ans.getByText('Nieuw in de agenda: “Koffieochtend”')).toBeVisible();
	await ans.goto(`/f/${flat.slug}/calendar`);
	await ans.getByRole('link', { name: 'Koffieochtend' }).first().click();
	await expect(ans).toHaveURL(new RegExp(`${activityUrl}/${tuesday}$`));
	if (js) await expectAccessible(ans);
	await ans.getByRole('button', { name: 'Ik kom' }).click();
	await expect(ans.getByText('Je komt. Fijn!')).toBeVisible();

	const kees = await open(browser, keesState, js);
	await kees.goto(`${activityUrl}/${tuesday}`);
	await expect(kees.getByText('Ans', { exact: true })).toBeVisible();
	await kees.getByRole('button', { name: 'Ik help mee' }).click();
	await expect(kees.getByText('Je helpt mee. Dank je wel!')).toBeVisible();
	await expect(kees.getByText('Helpers: 1 van 1')).toBeVisible();

	// Bram cancels next Tuesday; the reason is asked for.
	await bram.goto(`${activityUrl}/${tuesday}`);
	await expect(bram.getByText('Komen: 1')).toBeVisible();
	await bram.getByRole('button', { name: 'Afzeggen en iedereen laten weten' }).click();
	await expect(bram.getByText('Schrijf kort waarom het niet doorgaat.')).toBeVisible();
	await bram.getByLabel('Waarom?').fill('De Buurtkamer wordt geschilderd');
	await bram.getByRole('button', { name: 'Afzeggen en iedereen laten weten' }).click();
	await expect(bram.getByText('Opgeslagen. Wie zich had aangemeld, krijgt bericht.')).toBeVisible();
	if (js) await expectAccessible(bram);

	for (const page of [ans, kees]) {
		await page.goto(`/f/${flat.slug}/notifications`);
		await expect(
			page.getByText(/“Koffieochtend” op .* gaat niet door: De Buurtkamer wordt geschilderd/)
		).toBeVisible();
		await page.goto(`${activityUrl}/${tuesday}`);
		await expect(page.getByText('Deze keer gaat het niet door.')).toBeVisible();
		await expect(page.getByText('De Buurtkamer wordt geschilderd')).toBeVisible();
		await expect(page.getByRole('button', { name: 'Ik kom' })).toHaveCount(0);
	}
	// The week after still goes ahead, in the agenda and the month view.
	await ans.goto(`/f/${flat.slug}/calendar`);
	await expect(ans.getByText('Gaat niet door')).toHaveCount(1);
	await expect(ans.getByRole('link', { name: 'Koffieochtend' })).toHaveCount(4);
	await ans.getByRole('link', { name: 'Maand', exact: true }).click();
	await expect(ans.getByRole('table')).toBeVisible();
	if (js) await expectAccessible(ans);
	return { flat, bram };
}

test('coffee morning: announce, answer, cancel one Tuesday (with JavaScript)', async ({
	browser
}, testInfo) => {
	test.setTimeout(120_000);
	const { flat, bram } = await coffeeMorning(browser, true);

	// The week poster for the hall prints on A4, with the join code.
	await bram.goto(`/f/${flat.slug}/calendar`);
	await bram.getByRole('link', { name: 'Poster printen' }).click();
	await expect(bram.getByText(flat.joinCode).first()).toBeVisible();
	await expect(bram.getByText('Koffieochtend').first()).toBeVisible();
	await expectAccessible(bram);
	await bram.emulateMedia({ media: 'print' });
	const poster = testInfo.outputPath('week-poster.png');
	await bram.screenshot({ fullPage: true, path: poster });
	await testInfo.attach('week poster (print)', { path: poster, contentType: 'image/png' });
	// One A4 page: the printed PDF has a single page object.
	const pdf = (await bram.pdf({ preferCSSPageSize: true })).toString('latin1');
	expect(pdf.startsWith('%PDF')).toBe(true);
	expect(pdf.match(/\/Type\s*\/Page\b/g)).toHaveLength(1);
	// A4 is 595 × 842 points.
	expect(pdf).toMatch(/\/MediaBox \[0 0 59[45]\.?\d* 84[12]\.?\d*\]/);
});

test('coffee morning: announce, answer, cancel one Tuesday (without JavaScript)', async ({
	browser
}) => {
	test.setTimeout(120_000);
	await coffeeMorning(browser, false);
});
