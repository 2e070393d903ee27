import { expect, test } from '@playwright/test';
import { client, expectAccessible, joinAs, makeFlat } from './helpers';

test('a spare key between two neighbours: seen by the two only, ended by either', async ({
	browser
}) => {
	const flat = await makeFlat('keys');
	const ansState = await joinAs(flat, 'Ans');
	const keesState = await joinAs(flat, 'Kees');
	const mo = await client(await joinAs(flat, 'Mo'));

	const ans = await (await browser.newContext({ storageState: ansState })).newPage();
	await ans.goto(`/f/${flat.slug}`);
	await ans.getByRole('link', { name: 'Ik', exact: true }).click();
	await ans.getByRole('link', { name: 'Sleutels' }).click();
	await expectAccessible(ans);
	await ans.getByRole('button', { name: 'Noteren' }).click();
	await expect(ans.getByText('Maak een keuze.')).toBeVisible();
	await ans.getByLabel('Buur').selectOption({ label: 'Kees' });
	await ans.getByRole('button', { name: 'Noteren' }).click();
	await expect(ans.getByText('Kees bewaart jouw reservesleutel')).toBeVisible();
	await expectAccessible(ans);

	const kees = await (await browser.newContext({ storageState: keesState })).newPage();
	await kees.goto(`/f/${flat.slug}/keys`);
	await expect(kees.getByText('Jij bewaart de reservesleutel van Ans')).toBeVisible();
	const moPage = await (await mo.get(`/f/${flat.slug}/keys`)).text();
	expect(moPage).not.toContain('reservesleutel van Ans');
	expect(moPage).not.toContain('Kees bewaart');

	await kees.getByRole('button', { name: 'Sleutel is terug' }).click();
	await expect(kees.getByText('Nog geen sleutels genoteerd.')).toBeVisible();
	await ans.reload();
	await expect(ans.getByText('Nog geen sleutels genoteerd.')).toBeVisible();
	await mo.dispose();
});
