import { expect, test, type Browser } from '@playwright/test';
import { serverDb } from './db';
import { client, expectAccessible, joinAs, makeFlat, post } from './helpers';

/** A local date in Amsterdam, some days ahead. */
function ahead(days: number): string {
	const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(
		new Date()
	);
	const d = new Date(`${today}T12:00:00Z`);
	d.setUTCDate(d.getUTCDate() + days);
	return d.toISOString().slice(0, 10);
}

async function open(browser: Browser, state: string, js = true) {
	const context = await browser.newContext({ storageState: state, javaScriptEnabled: js });
	return context.newPage();
}

/**
 * Three dates for a lunch: two neighbours tick (one without script), a professional sees how
 * many but not who, and the verbinder turns the most-ticked date into the activity, with
 * those who ticked it coming and told so.
 */
test('a date poll becomes an activity', async ({ browser }) => {
	const flat = await makeFlat('poll');
	const ansState = await joinAs(flat, 'Ans');
	const keesState = await joinAs(flat, 'Kees');
	const joostState = await joinAs(flat, 'Joost');
	// Joost works for the housing corporation: a professional of the flat.
	const db = serverDb();
	const joostMembership = db
		.prepare(
			`SELECT m.id FROM memberships m JOIN flats f ON f.id = m.flat_id
			 JOIN users u ON u.id = m.user_id WHERE f.slug = ? AND u.name = 'Joost'`
		)
		.pluck()
		.get(flat.slug) as number;
	db.close();
	const admin = await client(flat.verbinder.state);
	const role = await post(admin, `/f/${flat.slug}/members?/role`, {
		membershipId: String(joostMembership),
		role: 'professional'
	});
	expect(role.status).toBe(200);
	await admin.dispose();

	// Bram offers three dates, from the page for a new activity.
	const bram = await open(browser, flat.verbinder.state);
	await bram.goto(`/f/${flat.slug}/calendar/new`);
	await bram
		.getByRole('link', { name: 'Weet je de datum nog niet? Laat de buren kiezen.' })
		.click();
	await expect(bram.getByRole('heading', { level: 1 })).toHaveText(
		'Laat de buren een datum kiezen'
	);
	await expectAccessible(bram);
	await bram.getByLabel('Wat gaan we doen?').fill('Lunch met elkaar');
	const row = (n: number) => bram.getByRole('group', { name: `Keuze ${n}` });
	const times = [
		['10:00', '11:00'],
		['14:00', '15:00'],
		['19:00', '20:00']
	] as const;
	// Three rows to start with; another comes when asked for (without script all five show).
	await expect(row(4)).toHaveCount(0);
	await bram.getByRole('button', { name: 'Nog een datum' }).click();
	await expect(row(4).getByLabel('Datum')).toBeVisible();
	// One date alone is refused, beside the first row, with what was typed kept.
	await row(1).getByLabel('Datum').fill(ahead(3));
	await bram.getByRole('button', { name: 'Vraag het de buren' }).click();
	await expect(row(1).getByText('Vul minstens 2 en hoogstens 5 datums in.')).toBeVisible();
	await expect(bram.getByLabel('Wat gaan we doen?')).toHaveValue('Lunch met elkaar');
	for (const [i, [start, end]] of times.entries()) {
		await row(i + 1)
			.getByLabel('Datum')
			.fill(ahead(3 + i));
		await row(i + 1)
			.getByLabel('Begint om')
			.fill(start);
		await row(i + 1)
			.getByLabel('Eindigt om')
			.fill(end);
	}
	await bram.getByRole('button', { name: 'Vraag het de buren' }).click();
	await expect(bram.getByRole('heading', { level: 1 })).toHaveText('Lunch met elkaar');
	const pollUrl = new URL(bram.url()).pathname;
	expect(pollUrl).toMatch(/\/calendar\/poll\/\d+$/);
	await expectAccessible(bram);

	// Ans heard of it, finds it on the calendar and ticks two dates.
	const ans = await open(browser, ansState);
	await ans.goto(`/f/${flat.slug}/notifications`);
	await expect(ans.getByText('Kies een datum: “Lunch met elkaar”')).toBeVisible();
	await ans.goto(`/f/${flat.slug}/calendar`);
	await ans.getByRole('link', { name: 'Lunch met elkaar' }).click();
	await expect(ans).toHaveURL(new RegExp(`${pollUrl}$`));
	await ans.getByLabel(/14:00 tot 15:00/).check();
	await ans.getByLabel(/19:00 tot 20:00/).check();
	await ans.getByRole('button', { name: 'Opslaan' }).click();
	await expect(ans.getByText('Opgeslagen. Dank je wel!')).toBeVisible();
	await expectAccessible(ans);

	// Kees, without script, ticks one: the form posts plainly.
	const kees = await open(browser, keesState, false);
	await kees.goto(pollUrl);
	await kees.getByLabel(/14:00 tot 15:00/).check();
	await kees.getByRole('button', { name: 'Opslaan' }).click();
	await expect(kees.getByText('Opgeslagen. Dank je wel!')).toBeVisible();
	await expect(kees.getByLabel(/14:00 tot 15:00/)).toBeChecked();
	await expect(kees.getByLabel(/10:00 tot 11:00/)).not.toBeChecked();

	// Joost sees how many each date suits, never who, and neither ticks nor decides.
	const joost = await open(browser, joostState);
	await joost.goto(pollUrl);
	await expect(joost.getByText('Past 2 buren')).toBeVisible();
	await expect(joost.getByText('Past 1 buur')).toBeVisible();
	const seen = await joost.locator('main').innerText();
	expect(seen).not.toContain('Ans');
	expect(seen).not.toContain('Kees');
	await expect(joost.getByRole('button', { name: 'Opslaan' })).toHaveCount(0);
	await expect(joost.getByRole('button', { name: /^Kies / })).toHaveCount(0);
	await expectAccessible(joost);

	// Bram sees the names, and turns the most-ticked date into the activity.
	await bram.reload();
	const top = bram.locator('li.top');
	await expect(top).toHaveCount(1);
	await expect(top).toContainText('14:00 tot 15:00');
	await expect(top).toContainText('Meest gekozen');
	await expect(top.getByText('Ans', { exact: true })).toBeVisible();
	await expect(top.getByText('Kees', { exact: true })).toBeVisible();
	await bram.getByRole('button', { name: /14:00 tot 15:00/ }).click();
	await expect(bram).toHaveURL(new RegExp(`/calendar/\\d+/${ahead(4)}$`));
	await expect(bram.getByRole('heading', { level: 1 })).toHaveText('Lunch met elkaar');
	await expect(bram.getByText('Komen: 2 mensen')).toBeVisible();
	await expect(bram.getByRole('listitem').filter({ hasText: /^Ans$/ })).toBeVisible();
	await expect(bram.getByRole('listitem').filter({ hasText: /^Kees$/ })).toBeVisible();

	// The calendar has it; the poll says it was decided and is closed for ticks.
	await bram.goto(`/f/${flat.slug}/calendar`);
	await expect(bram.getByRole('link', { name: 'Lunch met elkaar' })).toHaveCount(1);
	await bram.goto(pollUrl);
	await expect(bram.getByRole('link', { name: 'Naar de activiteit' })).toBeVisible();
	await expect(bram.getByRole('button', { name: /^Kies / })).toHaveCount(0);
	await expectAccessible(bram);

	// Kees ticked it: he hears the date, not "new in the calendar" as well.
	await kees.goto(`/f/${flat.slug}/notifications`);
	await expect(kees.getByText('“Lunch met elkaar” is op')).toBeVisible();
	await expect(kees.getByText('Nieuw in de agenda: “Lunch met elkaar”')).toHaveCount(0);
	await kees.goto(pollUrl);
	await expect(kees.getByRole('button', { name: 'Opslaan' })).toHaveCount(0);
});
