import { expect, test } from '@playwright/test';
import { client, expectAccessible, joinAs, makeFlat, post } from './helpers';

/**
 * Ans finds a bunch of keys in the hall and puts it on the board, on a phone without
 * JavaScript. Kees looks under "Lost and found", answers "That's mine", and Ans closes it as
 * back with its owner: nothing on anyone's balance, gone from the board.
 */
test('found keys go up without JavaScript, are claimed, and go back to their owner', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const flat = await makeFlat('lost');
	const [ansState, keesState] = [await joinAs(flat, 'Ans'), await joinAs(flat, 'Kees')];
	// axe runs in the page, so it looks at pages with script; the steps themselves go without.
	const open = async (state: string, js: boolean) =>
		(await browser.newContext({ storageState: state, javaScriptEnabled: js })).newPage();

	// A request on the board too, to show the filter leaves help out.
	const ansApi = await client(ansState);
	const asked = await post(ansApi, `/f/${flat.slug}/help/new`, {
		type: 'request',
		category: 'errands',
		title: 'Wie haalt zaterdag brood?',
		when: 'flexible'
	});
	expect(asked.url).toMatch(/\/help\/\d+$/);

	const looking = await open(ansState, true);
	await looking.goto(`/f/${flat.slug}/help/new?type=found`);
	await expectAccessible(looking);
	await looking.getByRole('button', { name: 'Op het prikbord zetten' }).click();
	await expect(looking.getByText('Kies wat het is, bijvoorbeeld Sleutels.').first()).toBeVisible();
	await expectAccessible(looking);

	const ans = await open(ansState, false);
	await ans.goto(`/f/${flat.slug}`);
	await ans.getByRole('link', { name: 'Iets gevonden of kwijt?' }).click();
	await expect(ans.getByRole('heading', { level: 1 })).toHaveText('Gevonden of kwijt');
	await expect(ans.getByLabel('Ik heb iets gevonden')).toBeChecked();
	// Only the things that get lost; no dates, no "anonymous".
	await expect(ans.getByLabel('Sleutels')).toBeVisible();
	await expect(ans.getByLabel('Planten')).toHaveCount(0);
	await expect(ans.locator('input[name="anonymous"]')).toHaveCount(0);
	await expect(ans.locator('input[name="startDate"]')).toHaveCount(0);

	// Forgetting what it is: told beside the field, the title kept.
	await ans.getByLabel('Kort gezegd').fill('Sleutelbos met rode hanger');
	await ans.getByRole('button', { name: 'Op het prikbord zetten' }).click();
	await expect(ans.getByText('Kies wat het is, bijvoorbeeld Sleutels.').first()).toBeVisible();
	await expect(ans.getByLabel('Kort gezegd')).toHaveValue('Sleutelbos met rode hanger');
	await expect(ans.getByLabel('Ik heb iets gevonden')).toBeChecked();

	await ans.getByLabel('Sleutels').check();
	await ans.getByLabel('Meer uitleg (mag leeg blijven)').fill('Lag bij de brievenbussen.');
	await ans.getByRole('button', { name: 'Op het prikbord zetten' }).click();
	await expect(ans).toHaveURL(/\/help\/\d+$/);
	const postUrl = new URL(ans.url()).pathname;
	await expect(ans.getByRole('heading', { level: 1 })).toHaveText('Sleutelbos met rode hanger');
	await expect(ans.getByText('Gevonden:')).toBeVisible();

	// Kees filters the board on lost and found: the keys, not the request.
	const kees = await open(keesState, true);
	await kees.goto(`/f/${flat.slug}`);
	await kees.getByText('Filter', { exact: true }).click();
	await kees.getByLabel('Soort').selectOption({ label: 'Gevonden en kwijt' });
	await kees.getByRole('button', { name: 'Laat zien' }).click();
	await expect(kees).toHaveURL(/type=lost_found/);
	const card = kees.getByRole('article').filter({ hasText: 'Sleutelbos met rode hanger' });
	await expect(card).toContainText('Gevonden:');
	await expect(card).toContainText('Sleutels');
	await expect(kees.getByText('Wie haalt zaterdag brood?')).toHaveCount(0);
	await expectAccessible(kees);

	// "That's mine", with a word on when to come by.
	await card.getByRole('link', { name: 'Sleutelbos met rode hanger' }).click();
	await kees.getByLabel('Een kort bericht (mag leeg blijven)').fill('Ik kom vanavond langs.');
	await kees.getByRole('button', { name: 'Dat is van mij' }).click();
	await expect(kees.getByText('Je hebt gereageerd.', { exact: false })).toBeVisible();

	// Ans hands them over and says so.
	await ans.goto(postUrl);
	await expect(ans.getByText('Ik kom vanavond langs.')).toBeVisible();
	await ans.getByRole('button', { name: 'Het is terug bij de eigenaar' }).click();
	await expect(ans.getByText('Terug bij de eigenaar', { exact: true })).toBeVisible();
	await expect(ans.getByRole('button', { name: 'Het is terug bij de eigenaar' })).toHaveCount(0);

	// Gone from the board; under "mine" it says it is back.
	await kees.goto(`/f/${flat.slug}?type=lost_found`);
	await expect(kees.getByText('Sleutelbos met rode hanger')).toHaveCount(0);
	await ans.goto(`/f/${flat.slug}?tab=mine`);
	await expect(
		ans.getByRole('article').filter({ hasText: 'Sleutelbos met rode hanger' })
	).toContainText('Terug bij de eigenaar');
});
