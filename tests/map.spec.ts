import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectAccessible, joinAs, makeFlat } from './helpers';

async function open(browser: Browser, state: string, js = true): Promise<Page> {
	const context = await browser.newContext({ storageState: state, javaScriptEnabled: js });
	return context.newPage();
}

/**
 * The social map journey: a verbinder finds 112 in the emergency block, puts the
 * neighbourhood team on the map with its Monday hours and fills in the flat's own number for
 * after hours; a resident sees both, and nothing to edit.
 */
test('social map: emergency block, a new place, the flat contact; residents only read', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const flat = await makeFlat('map');
	const samiraState = await joinAs(flat, 'Samira');

	const bram = await open(browser, flat.verbinder.state);
	await bram.goto(`/f/${flat.slug}/map`);
	await expect(bram.getByRole('heading', { level: 1 })).toHaveText('Hulp in de buurt');
	const urgent = bram.getByRole('region', { name: 'Buiten kantoortijd en bij spoed' });
	await expect(urgent.getByRole('link', { name: 'Bel 112' })).toHaveAttribute('href', 'tel:112');
	await expect(urgent.getByText('Nog niet ingevuld').first()).toBeVisible();
	await expectAccessible(bram);

	// A new place; a javascript: website is refused and the form comes back filled in.
	await bram.getByRole('link', { name: 'Plek toevoegen' }).click();
	await expect(bram.getByRole('heading', { level: 1 })).toHaveText('Plek toevoegen');
	await expectAccessible(bram);
	await bram.getByLabel('Soort hulp').selectOption('neighbourhood_team');
	await bram.getByLabel('Naam', { exact: true }).fill('Buurtteam Overvecht');
	await bram.getByLabel('Waarmee helpen ze?').fill('Brieven, geldzorgen, opvoeding');
	await bram.getByLabel('Telefoonnummer').fill('030 123 4567');
	await bram.getByLabel('Website').fill('javascript:alert(1)');
	const monday = bram.getByRole('group', { name: 'maandag' });
	await monday.getByLabel('Van', { exact: true }).first().fill('09:00');
	await monday.getByLabel('Tot', { exact: true }).first().fill('17:00');
	await bram.getByRole('button', { name: 'Opslaan' }).click();
	await expect(
		bram
			.locator('.field')
			.getByText('Vul een webadres in, bijvoorbeeld www.buurtteam.nl, of laat het leeg.')
	).toBeVisible();
	await expect(bram.getByLabel('Naam', { exact: true })).toHaveValue('Buurtteam Overvecht');
	await expectAccessible(bram);
	await bram.getByLabel('Website').fill('www.buurtteam-overvecht.example');
	await bram.getByRole('button', { name: 'Opslaan' }).click();
	await expect(bram.getByText('Opgeslagen.')).toBeVisible();
	const team = bram.getByRole('article', { name: 'Buurtteam Overvecht' });
	await expect(team.getByRole('link', { name: 'Bel 030 123 4567' })).toHaveAttribute(
		'href',
		'tel:0301234567'
	);
	await expect(team.getByRole('link', { name: 'buurtteam-overvecht.example' })).toHaveAttribute(
		'href',
		'https://www.buurtteam-overvecht.example/'
	);
	await expect(team.getByText(/^Nu (open|dicht)/)).toBeVisible();
	await expect(team.getByText('09:00–17:00').first()).toBeAttached();

	// The edit page keeps the hours.
	await team.getByRole('link', { name: 'Buurtteam Overvecht veranderen' }).click();
	await expect(bram.getByRole('heading', { level: 1 })).toHaveText('Plek veranderen');
	await expect(
		bram.getByRole('group', { name: 'maandag' }).getByLabel('Van', { exact: true }).first()
	).toHaveValue('09:00');
	await expectAccessible(bram);

	// The flat's own number after hours: a preset row, edited but never removed.
	await bram.goto(`/f/${flat.slug}/map`);
	await bram
		.getByRole('link', { name: 'Contact voor deze flat buiten kantoortijd veranderen' })
		.click();
	await expect(bram.getByText('Deze regel blijft altijd staan.', { exact: false })).toBeVisible();
	await expect(bram.getByRole('button', { name: /verwijderen/ })).toHaveCount(0);
	await expectAccessible(bram);
	await bram.getByLabel('Telefoonnummer').fill('06 9876 5432');
	await bram.getByRole('button', { name: 'Opslaan' }).click();
	await expect(bram.getByText('Opgeslagen.')).toBeVisible();
	await expect(
		bram
			.getByRole('region', { name: 'Buiten kantoortijd en bij spoed' })
			.getByRole('link', { name: 'Bel 06 9876 5432' })
	).toBeVisible();

	// Samira reads the map: both places, 112, no empty rows and nothing to edit.
	const samira = await open(browser, samiraState);
	await samira.goto(`/f/${flat.slug}/map`);
	const block = samira.getByRole('region', { name: 'Buiten kantoortijd en bij spoed' });
	await expect(block.getByRole('link', { name: 'Bel 112' })).toBeVisible();
	await expect(block.getByRole('link', { name: 'Bel 06 9876 5432' })).toBeVisible();
	await expect(block.getByText('Spoedreparaties (woningcorporatie)')).toHaveCount(0);
	await expect(samira.getByRole('heading', { name: 'Buurtteam Overvecht' })).toBeVisible();
	await expect(samira.getByRole('link', { name: 'Bel 030 123 4567' })).toBeVisible();
	await expect(samira.getByRole('link', { name: 'Plek toevoegen' })).toHaveCount(0);
	await expect(samira.getByRole('link', { name: /veranderen|verwijderen/ })).toHaveCount(0);
	await expect(samira.getByText('Nog niet ingevuld')).toHaveCount(0);
	await expectAccessible(samira);
	expect((await samira.goto(`/f/${flat.slug}/map/new`))?.status()).toBe(403);
});

test('social map without JavaScript: a place is removed only after a second yes', async ({
	browser
}) => {
	const flat = await makeFlat('map-nojs');
	const bram = await open(browser, flat.verbinder.state, false);
	await bram.goto(`/f/${flat.slug}/map/new`);
	await bram.getByLabel('Soort hulp').selectOption('language');
	await bram.getByLabel('Naam', { exact: true }).fill('Taalcafé');
	await bram.getByRole('button', { name: 'Opslaan' }).click();
	await expect(bram.getByText('Opgeslagen.')).toBeVisible();
	await expect(bram.getByRole('heading', { name: 'Taalcafé' })).toBeVisible();

	await bram.getByRole('link', { name: 'Taalcafé verwijderen' }).click();
	await expect(bram.getByText('Taalcafé uit de lijst halen?')).toBeVisible();
	await expect(bram.getByRole('heading', { name: 'Taalcafé' })).toBeVisible();
	await bram.getByRole('button', { name: 'Ja, uit de lijst halen' }).click();
	await expect(bram.getByText('De plek is uit de lijst gehaald.')).toBeVisible();
	await expect(bram.getByRole('heading', { name: 'Taalcafé' })).toHaveCount(0);
});
