import { expect, test } from '@playwright/test';
import { ADMIN_STATE, BASE_URL, client, expectAccessible, joinAs, makeFlat, post } from './helpers';

// The flat's figures: counts for verbinders and professionals, never names, never below 3,
// drawn on the server so a phone without JavaScript reads them too.
test('verbinders and professionals read the figures and download them; residents may not', async ({
	browser
}) => {
	test.setTimeout(180_000);
	const flat = await makeFlat('figures');
	const verbinder = await client(flat.verbinder.state);

	// Three neighbours ask for help, one each; a fourth becomes the flat's professional.
	const asked: [string, string][] = [
		['Kim', 'plants'],
		['Lot', 'pets'],
		['Mo', 'errands']
	];
	let kim = '';
	for (const [name, category] of asked) {
		const state = await joinAs(flat, name);
		if (name === 'Kim') kim = state;
		const made = await post(await client(state), `/f/${flat.slug}/help/new`, {
			type: 'request',
			category,
			title: `Hulp van ${name}`,
			when: 'flexible'
		});
		expect(made.status).toBe(200);
	}
	const jet = await joinAs(flat, 'Jet');
	const members = await (await verbinder.get(`/f/${flat.slug}/members`)).text();
	const jetId = members.match(/data-member="Jet"[\s\S]*?name="membershipId" value="(\d+)"/)?.[1];
	await post(verbinder, `/f/${flat.slug}/members?/role`, {
		membershipId: jetId!,
		role: 'professional'
	});

	for (const state of [flat.verbinder.state, jet]) {
		const context = await browser.newContext({ storageState: state, javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(`/f/${flat.slug}/figures`);
		await expect(
			page.getByRole('heading', { level: 1, name: 'Cijfers van de flat' })
		).toBeVisible();
		await expect(page.getByTestId('total-requests')).toHaveText('3');
		// Five joined (Bram, Kim, Lot, Mo, Jet); nobody was answered: fewer than 3, not 0.
		await expect(page.getByTestId('total-newMembers')).toHaveText('5');
		await expect(page.getByTestId('total-answered')).toHaveText('minder dan 3');
		await expect(page.locator('svg.chart')).toHaveCount(8);
		const main = await page.locator('main').innerText();
		for (const name of ['Kim', 'Lot', 'Mo', 'Hulp van']) expect(main).not.toContain(name);
		await context.close();
	}
	// axe runs in the page, so it needs script: the same page with it on.
	const withScript = await browser.newContext({ storageState: flat.verbinder.state });
	const checked = await withScript.newPage();
	await checked.goto(`/f/${flat.slug}/figures`);
	await expect(checked.getByTestId('total-requests')).toHaveText('3');
	await expectAccessible(checked);
	await withScript.close();

	// In Arabic the page reads right to left, the oldest month's bar on the right.
	const arabic = await browser.newContext({ storageState: jet, locale: 'ar' });
	await arabic.addCookies([{ name: 'PARAGLIDE_LOCALE', value: 'ar', url: BASE_URL }]);
	const ar = await arabic.newPage();
	await ar.goto(`/f/${flat.slug}/figures`);
	await expect(ar.locator('html')).toHaveAttribute('dir', 'rtl');
	await expect(ar.getByRole('heading', { level: 1, name: 'أرقام العمارة' })).toBeVisible();
	const bars = ar.locator('svg.chart').first().locator('rect');
	const first = Number(await bars.first().getAttribute('x'));
	const last = Number(await bars.last().getAttribute('x'));
	expect(first).toBeGreaterThan(last);
	await expectAccessible(ar);
	await arabic.close();

	// The CSV: same guard, a header row in the reader's language, "<3" for small counts, no names.
	const csv = await verbinder.get(`/f/${flat.slug}/figures/csv`);
	expect(csv.status()).toBe(200);
	expect(csv.headers()['content-type']).toContain('text/csv');
	expect(csv.headers()['content-disposition']).toMatch(/^attachment; filename="figures-.*\.csv"$/);
	const text = (await csv.body()).toString('utf8');
	expect(text.charCodeAt(0)).toBe(0xfeff);
	const lines = text.slice(1).trimEnd().split('\r\n');
	expect(lines[0]).toBe(
		'Maand;Vragen om hulp;Snel een reactie;Vragen geholpen;Aanbod aangenomen;Activiteiten;Mensen bij activiteiten;Nieuwe leden;Geven én krijgen'
	);
	expect(lines).toHaveLength(8);
	expect(lines.at(-1)).toBe('Totaal;3;<3;<3;<3;<3;<3;5;<3');
	for (const name of ['Bram', 'Kim', 'Lot', 'Mo', 'Jet', 'Hulp van'])
		expect(text).not.toContain(name);

	// A resident is refused the page and the download.
	const resident = await client(kim);
	expect((await resident.get(`/f/${flat.slug}/figures`)).status()).toBe(403);
	expect((await resident.get(`/f/${flat.slug}/figures/csv`)).status()).toBe(403);
	await resident.dispose();
	await verbinder.dispose();

	// The instance admin sees the totals of all flats together, and no flat's own.
	const admin = await browser.newContext({ storageState: ADMIN_STATE });
	const overview = await admin.newPage();
	await overview.goto('/admin');
	await expect(
		overview.getByRole('heading', { name: 'Cijfers van alle flats samen' })
	).toBeVisible();
	await expect(overview.getByTestId('admin-total-requests')).not.toBeEmpty();
	await expectAccessible(overview);
	await admin.close();
});
