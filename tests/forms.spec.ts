import { expect, test, type Browser, type Locator, type Page, type Route } from '@playwright/test';
import { BASE_URL, expectAccessible, joinAs, makeFlat, type TestFlat } from './helpers';

// A cheap phone's screen. The worker stays out of the way: page.route sees only the page's own
// requests, and these tests answer some of them in its place.
const PHONE = { width: 360, height: 640 };
test.use({ viewport: PHONE, serviceWorkers: 'block' });

async function open(
	browser: Browser,
	state: string,
	{ js = true, locale = 'nl' }: { js?: boolean; locale?: 'nl' | 'ar' } = {}
): Promise<Page> {
	const context = await browser.newContext({
		storageState: state,
		javaScriptEnabled: js,
		viewport: PHONE,
		serviceWorkers: 'block'
	});
	await context.addCookies([{ name: 'PARAGLIDE_LOCALE', value: locale, url: BASE_URL }]);
	return context.newPage();
}

/** Tab (only Tab) until the element has focus; fails if it never gets it. */
async function tabTo(page: Page, target: Locator, most = 80): Promise<void> {
	for (let i = 0; i < most; i++) {
		if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
		await page.keyboard.press('Tab');
	}
	await expect(target).toBeFocused();
}

/** A date some weeks ahead, as a date input takes it. */
function daysAhead(days: number): string {
	return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

let flat: TestFlat;
let state: string;
test.beforeAll(async () => {
	flat = await makeFlat('forms');
	state = await joinAs(flat, 'Lotte');
});

test('a request posted with the keyboard only: Tab, Space, Enter and typing', async ({
	browser
}) => {
	const page = await open(browser, state);
	await page.goto(`/f/${flat.slug}`);
	await tabTo(page, page.getByRole('link', { name: 'Vraag om hulp', exact: true }).first());
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/help\/new(\?|$)/);

	// Into the topics: the first one gets focus, Space chooses it.
	const plants = page.getByRole('radio', { name: 'Planten' });
	await tabTo(page, plants);
	await page.keyboard.press('Space');
	await expect(plants).toBeChecked();
	await tabTo(page, page.getByLabel('Kort gezegd'));
	await page.keyboard.type('Wie geeft mijn planten water?');
	await tabTo(page, page.getByLabel('Meer uitleg (mag leeg blijven)'));
	await page.keyboard.type('Ik ben een week weg.');
	await tabTo(page, page.getByRole('button', { name: 'Op het prikbord zetten' }));
	await page.keyboard.press('Enter');

	await expect(page).toHaveURL(/\/help\/\d+$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Wie geeft mijn planten water?');
	await page.context().close();
});

for (const js of [true, false]) {
	test(`a refused request puts the error summary in focus, ${js ? 'with' : 'without'} JavaScript`, async ({
		browser
	}) => {
		const page = await open(browser, state, { js });
		await page.goto(`/f/${flat.slug}/help/new`);
		await page.getByLabel('Meer uitleg (mag leeg blijven)').fill('Twee katten, één is verlegen.');
		await page.getByLabel('Laat mijn naam nog niet zien').check();
		await page.getByRole('button', { name: 'Op het prikbord zetten' }).click();

		const summary = page.getByRole('region', { name: 'Er ging iets mis' });
		await expect(page.locator(':focus')).toHaveAttribute('data-error-summary', '');
		await expect(summary).toBeFocused();
		await expect(summary).toBeInViewport();
		const links = summary.getByRole('link');
		await expect(links).toHaveText([
			'Kies een onderwerp, bijvoorbeeld Boodschappen.',
			'Schrijf in een paar woorden waar het om gaat.'
		]);
		// Each message also stands beside its own field.
		await expect(page.locator('.field .error')).toHaveText([
			'Kies een onderwerp, bijvoorbeeld Boodschappen.',
			'Schrijf in een paar woorden waar het om gaat.'
		]);
		// Nothing typed is lost.
		await expect(page.getByLabel('Meer uitleg (mag leeg blijven)')).toHaveValue(
			'Twee katten, één is verlegen.'
		);
		await expect(page.getByLabel('Laat mijn naam nog niet zien')).toBeChecked();
		if (js) await expectAccessible(page);

		await links.first().click();
		await expect(page.getByRole('radio', { name: 'Planten' })).toBeFocused();
		await links.last().click();
		const title = page.getByLabel('Kort gezegd');
		await expect(title).toBeFocused();
		await expect(title).toBeInViewport();

		// Half fixed: the summary takes focus again, with what is left.
		await title.fill('Wie voert mijn katten?');
		await page.getByRole('button', { name: 'Op het prikbord zetten' }).click();
		await expect(links).toHaveText(['Kies een onderwerp, bijvoorbeeld Boodschappen.']);
		await expect(summary).toBeFocused();
		await expect(summary).toBeInViewport();

		// Fixed, it goes through (and no link followed on the way follows into the next page).
		await page.getByRole('radio', { name: 'Huisdieren' }).check();
		await page.getByRole('button', { name: 'Op het prikbord zetten' }).click();
		await expect(page).toHaveURL(/\/help\/\d+$/);
		await expect(page.getByText('Twee katten, één is verlegen.')).toBeVisible();
		await page.context().close();
	});
}

test('dates typed while "when" says any time are taken: one date a day, two a period', async ({
	browser
}) => {
	const start = daysAhead(20);
	const end = daysAhead(24);
	const day = (iso: string) => String(Number(iso.slice(8)));

	const page = await open(browser, state);
	await page.goto(`/f/${flat.slug}/help/new`);
	await expect(page.getByRole('radio', { name: 'Maakt niet uit' })).toBeChecked();
	await page.getByRole('radio', { name: 'Iets lenen' }).check();
	await page.getByLabel('Kort gezegd').fill('Wie leent mij een boormachine?');
	await page.getByLabel('Dag (of eerste dag)').fill(start);
	await page.getByRole('button', { name: 'Op het prikbord zetten' }).click();
	await expect(page).toHaveURL(/\/help\/\d+$/);
	await expect(page.locator('.when')).toHaveText(new RegExp(`^Op .*\\b${day(start)}\\b`));
	await page.context().close();

	const plain = await open(browser, state, { js: false });
	await plain.goto(`/f/${flat.slug}/help/new`);
	await plain.getByRole('radio', { name: 'Iets lenen' }).check();
	await plain.getByLabel('Kort gezegd').fill('Wie leent mij een ladder?');
	await plain.getByLabel('Dag (of eerste dag)').fill(start);
	await plain.getByLabel('Laatste dag').fill(end);
	await plain.getByRole('button', { name: 'Op het prikbord zetten' }).click();
	await expect(plain).toHaveURL(/\/help\/\d+$/);
	await expect(plain.locator('.when')).toHaveText(
		new RegExp(`^Van .*\\b${day(start)}\\b.* tot en met .*\\b${day(end)}\\b`)
	);

	// A last day alone is asked about, not guessed at, and the form says what it took it for.
	await plain.goto(`/f/${flat.slug}/help/new`);
	await plain.getByRole('radio', { name: 'Iets lenen' }).check();
	await plain.getByLabel('Kort gezegd').fill('Wie leent mij een trap?');
	await plain.getByLabel('Laatste dag').fill(end);
	await plain.getByRole('button', { name: 'Op het prikbord zetten' }).click();
	await expect(plain.getByRole('region', { name: 'Er ging iets mis' })).toContainText(
		'Kies de eerste dag.'
	);
	await expect(plain.getByRole('radio', { name: /In een periode/ })).toBeChecked();
	await expect(plain.getByLabel('Laatste dag')).toHaveValue(end);
	await plain.context().close();
});

/** The help form's own POST, answered by the test instead of the server. */
async function answerPosts(page: Page, answer: (route: Route) => Promise<void>) {
	await page.unrouteAll();
	await page.route(
		(url) => url.pathname.endsWith('/help/new'),
		async (route) => {
			if (route.request().method() !== 'POST') return route.continue();
			return answer(route);
		}
	);
}

const kitError = (status: number) => ({
	status,
	contentType: 'application/json',
	body: JSON.stringify({ type: 'error', error: { message: 'Error' } })
});

test('an enhanced form refused on the way says so near its button, and keeps the text', async ({
	browser
}) => {
	const page = await open(browser, state);
	await page.goto(`/f/${flat.slug}/help/new`);
	await page.getByRole('radio', { name: 'Planten' }).check();
	const title = page.getByLabel('Kort gezegd');
	await title.fill('Wie geeft de cactus water?');
	const send = page.getByRole('button', { name: 'Op het prikbord zetten' });
	const said = page.getByRole('alert');

	await answerPosts(page, (route) => route.fulfill(kitError(500)));
	await send.click();
	await expect(said).toHaveText(
		'Er ging bij ons iets mis, niet bij jou. Probeer het over een paar minuten opnieuw. Je tekst staat er nog.'
	);
	await expect(said).toBeInViewport();
	await expect(title).toHaveValue('Wie geeft de cactus water?');
	await expect(page).toHaveURL(/\/help\/new$/);
	await expectAccessible(page);

	await answerPosts(page, (route) => route.fulfill(kitError(429)));
	await send.click();
	await expect(said).toContainText('Je hebt het te vaak geprobeerd.');

	await answerPosts(page, (route) => route.fulfill(kitError(413)));
	await send.click();
	await expect(said).toContainText('Dit is te veel om te versturen.');

	await answerPosts(page, (route) => route.fulfill(kitError(403)));
	await send.click();
	await expect(said).toContainText('Dit mag niet.');

	await answerPosts(page, (route) => route.abort('internetdisconnected'));
	await send.click();
	await expect(said).toContainText('Je tekst staat er nog.');
	await expect(said).toContainText('offline');
	await expect(title).toHaveValue('Wie geeft de cactus water?');

	// Back online, the same text goes through.
	await page.unrouteAll();
	await send.click();
	await expect(page).toHaveURL(/\/help\/\d+$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Wie geeft de cactus water?');
	await page.context().close();
});

test('a refused answer is said in Arabic too', async ({ browser }) => {
	const page = await open(browser, state, { locale: 'ar' });
	await page.goto(`/f/${flat.slug}/help/new`);
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	await page.getByRole('button', { name: 'انشر على اللوحة' }).click();
	await expect(page.getByRole('region', { name: 'هناك مشكلة' })).toBeFocused();

	await page.getByRole('radio', { name: 'النباتات' }).check();
	await page.getByLabel('باختصار').fill('من يسقي نباتاتي؟');
	await answerPosts(page, (route) => route.fulfill(kitError(500)));
	await page.getByRole('button', { name: 'انشر على اللوحة' }).click();
	await expect(page.getByRole('alert')).toHaveText(
		'حدث خطأ من جهتنا، لا من جهتك. يرجى المحاولة مرة أخرى بعد بضع دقائق. نصّك ما زال هنا.'
	);
	await expect(page.getByLabel('باختصار')).toHaveValue('من يسقي نباتاتي؟');
	await page.context().close();
});
