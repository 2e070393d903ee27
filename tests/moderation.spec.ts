import { expect, test } from '@playwright/test';
import { client, expectAccessible, joinAs, makeFlat, post } from './helpers';

test('a report reaches the verbinders, who hide the post from the board and can restore it', async ({
	browser
}) => {
	const flat = await makeFlat('report');
	const ans = await client(await joinAs(flat, 'Ans'));
	const keesState = await joinAs(flat, 'Kees');
	const mo = await client(await joinAs(flat, 'Mo'));
	const made = await post(ans, `/f/${flat.slug}/help/new`, {
		type: 'offer',
		category: 'other',
		title: 'Gratis oude bank, zelf ophalen',
		when: 'flexible'
	});
	const path = new URL(made.url).pathname;

	const kees = await (await browser.newContext({ storageState: keesState })).newPage();
	await kees.goto(path);
	await kees.getByText('Dit bericht melden').click();
	await kees.getByLabel('Wat is er mis?').fill('Dit is reclame, geen burenhulp.');
	await kees.getByRole('button', { name: 'Melden' }).click();
	await expect(kees.getByText('Dank je. Een verbinder kijkt ernaar.')).toBeVisible();
	await expectAccessible(kees);

	const verbinder = await (
		await browser.newContext({ storageState: flat.verbinder.state })
	).newPage();
	await verbinder.goto(`/f/${flat.slug}`);
	await verbinder.getByRole('link', { name: 'Gemeld' }).click();
	await expect(verbinder.getByText('Dit is reclame, geen burenhulp.')).toBeVisible();
	await expect(verbinder.getByText('Gemeld door Kees:')).toBeVisible();
	await expectAccessible(verbinder);
	await verbinder.getByRole('button', { name: 'Verbergen' }).click();
	await expect(
		verbinder.getByText('Gedaan. De buur die het meldde, krijgt een kort bericht.')
	).toBeVisible();
	await expect(verbinder.getByText('Nu verborgen.')).toBeVisible();

	expect(await (await mo.get(`/f/${flat.slug}`)).text()).not.toContain('Gratis oude bank');
	expect((await mo.get(path)).status()).toBe(404);
	const own = await (await ans.get(path)).text();
	expect(own).toContain('Een verbinder heeft dit bericht verborgen.');

	await verbinder.getByRole('button', { name: 'Weer laten zien' }).click();
	await expect(verbinder.getByText('Er zijn geen gemelde berichten.')).toBeVisible();
	expect(await (await mo.get(`/f/${flat.slug}`)).text()).toContain('Gratis oude bank');
	await ans.dispose();
	await mo.dispose();
});

test('blocking: two neighbours no longer meet on the board, and it can be undone', async ({
	browser
}) => {
	const flat = await makeFlat('block');
	const ans = await client(await joinAs(flat, 'Ans'));
	const keesState = await joinAs(flat, 'Kees');
	const made = await post(ans, `/f/${flat.slug}/help/new`, {
		type: 'request',
		category: 'company',
		title: 'Wie drinkt een kop koffie met mij?',
		when: 'flexible'
	});
	const path = new URL(made.url).pathname;
	const kees = await (await browser.newContext({ storageState: keesState })).newPage();
	await kees.goto(path);
	await kees.getByText('Deze buur blokkeren').click();
	// The board is opened once the block has been stored, not while it is on its way.
	await Promise.all([
		kees.waitForResponse((r) => r.url().includes('/block') && r.request().method() === 'POST'),
		kees.getByRole('button', { name: 'Ja, blokkeren' }).click()
	]);
	await kees.goto(`/f/${flat.slug}`);
	await expect(kees.getByText('Wie drinkt een kop koffie met mij?')).toHaveCount(0);
	expect(
		(
			await post(ans, `/f/${flat.slug}/help/new`, {
				type: 'offer',
				category: 'plants',
				title: 'Stekjes voor iedereen',
				when: 'flexible'
			})
		).status
	).toBe(200);
	await kees.reload();
	await expect(kees.getByText('Stekjes voor iedereen')).toHaveCount(0);

	await kees.getByRole('link', { name: 'Ik', exact: true }).click();
	await kees.getByRole('link', { name: 'Mijn talenten' }).click();
	await expectAccessible(kees);
	await kees.getByRole('button', { name: 'Ans niet meer blokkeren' }).click();
	await expect(kees.getByText('Je hebt niemand geblokkeerd.')).toBeVisible();
	await kees.goto(`/f/${flat.slug}`);
	await expect(kees.getByText('Wie drinkt een kop koffie met mij?')).toBeVisible();
	await ans.dispose();
});

test('an empty report of a thread message is refused under that message, not under the post', async ({
	browser
}) => {
	const flat = await makeFlat('report-msg');
	const ans = await client(await joinAs(flat, 'Ans'));
	const keesState = await joinAs(flat, 'Kees');
	const kees = await client(keesState);
	const made = await post(ans, `/f/${flat.slug}/help/new`, {
		type: 'request',
		category: 'errands',
		title: 'Wie haalt mijn pakje op?',
		when: 'flexible'
	});
	const path = new URL(made.url).pathname;
	await post(kees, `${path}?/respond`, { message: 'Ik kan morgen' });
	const response = (await (await ans.get(path)).text()).match(/name="responseId" value="(\d+)"/);
	await post(ans, `${path}?/accept`, { responseId: response![1]! });
	await post(ans, `${path}?/message`, { body: 'Het ligt bij nummer 12.' });

	// Without JavaScript: the page that comes back is all the neighbour sees.
	const context = await browser.newContext({ storageState: keesState, javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto(path);
	const message = page.getByRole('listitem').filter({ hasText: 'Het ligt bij nummer 12.' });
	await message.getByText('Dit bericht melden').click();
	await message.getByRole('button', { name: 'Melden' }).click();
	const refused = page.getByRole('listitem').filter({ hasText: 'Het ligt bij nummer 12.' });
	await expect(refused.getByText('Schrijf eerst iets.')).toBeVisible();
	await expect(refused.getByLabel('Wat is er mis?')).toHaveAttribute('aria-invalid', 'true');
	const safety = page.locator('section.safety');
	await expect(safety.getByText('Schrijf eerst iets.')).toHaveCount(0);
	await expect(safety.locator('details').first()).not.toHaveAttribute('open', '');
	await context.close();
	await ans.dispose();
	await kees.dispose();
});
