import { expect, test, type Browser, type Page } from '@playwright/test';
import { BASE_URL, expectAccessible, joinAs, makeFlat, workerActivated } from './helpers';

test('the app installs: manifest with icons, no installability errors', async ({
	page,
	request
}) => {
	await page.goto('/');
	const href = await page.locator('link[rel="manifest"]').getAttribute('href');
	const manifest = await (await request.get(href!)).json();
	expect(manifest.name).toBe('Burenbord');
	expect(manifest.start_url).toBe('/');
	expect(manifest.display).toBe('standalone');
	expect(manifest.icons.map((i: { sizes: string }) => i.sizes)).toEqual(
		expect.arrayContaining(['192x192', '512x512'])
	);
	expect(manifest.icons.some((i: { purpose?: string }) => i.purpose === 'maskable')).toBe(true);
	for (const icon of manifest.icons) expect((await request.get(icon.src)).status()).toBe(200);

	await workerActivated(page);
	const cdp = await page.context().newCDPSession(page);
	const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
	// A test browser profile counts as incognito; nothing else may stand in the way.
	expect(installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito')).toEqual(
		[]
	);
});

test('without a network, a page shows the offline page from the service worker', async ({
	browser
}) => {
	const flat = await makeFlat('offline');
	const state = await joinAs(flat, 'Mila');
	const context = await browser.newContext({ storageState: state, serviceWorkers: 'allow' });
	const page = await context.newPage();
	await page.goto(`/f/${flat.slug}`);
	await workerActivated(page);
	await page.reload(); // now controlled by the worker
	expect(await page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
	await context.setOffline(true);
	const response = await page.goto(`/f/${flat.slug}/members`);
	expect(response?.fromServiceWorker()).toBe(true);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Je bent offline');
	await expect(page.getByText('أنت غير متصل')).toBeVisible();
	await context.setOffline(false);
	await context.close();
});

/** A logged-in resident's page, controlled by an activated worker. */
async function controlledPage(browser: Browser, state: string, path: string): Promise<Page> {
	const context = await browser.newContext({ storageState: state, serviceWorkers: 'allow' });
	const page = await context.newPage();
	await page.goto(path);
	await workerActivated(page);
	await page.reload(); // now controlled by the worker
	expect(await page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
	// The layout's handlers are in place once the page has loaded all it asked for.
	await page.waitForLoadState('networkidle');
	return page;
}

/** The URLs the worker keeps for offline reading. */
function savedPages(page: Page): Promise<string[]> {
	return page.evaluate(async () => {
		if (!(await caches.has('burenbord-pages'))) return [];
		const cache = await caches.open('burenbord-pages');
		return (await cache.keys()).map((request) => new URL(request.url).pathname);
	});
}

const banner = /^Je bent offline\. Je ziet wat je om \d\d:\d\d zag\.$/;

test('a new worker takes over at once on first install, with nothing left waiting', async ({
	page
}) => {
	await page.goto('/');
	await workerActivated(page);
	const state = await page.evaluate(async () => {
		const registration = await navigator.serviceWorker.ready;
		return { active: registration.active?.state, waiting: registration.waiting };
	});
	expect(state).toEqual({ active: 'activated', waiting: null });
	await page.reload();
	expect(await page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
});

test('a new version waits for the user, and takes over when they choose Reload', async ({
	page
}) => {
	await page.goto('/');
	await workerActivated(page);
	await page.reload(); // now controlled by the worker
	await page.waitForLoadState('networkidle');
	// Another script URL for the same scope is a new version, as after a deploy.
	await page.evaluate(() =>
		navigator.serviceWorker.register('/service-worker.js?next', { scope: '/' })
	);
	await expect
		.poll(() =>
			page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting?.state)
		)
		.toBe('installed');
	expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).not.toContain(
		'?next'
	);
	await expect(page.getByText('Er is een nieuwe versie van Burenbord.')).toBeVisible();
	await expectAccessible(page);

	await Promise.all([
		page.waitForEvent('framenavigated'),
		page.getByRole('button', { name: 'Opnieuw laden' }).click()
	]);
	await page.waitForLoadState('networkidle');
	expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toContain(
		'?next'
	);
	// The reloaded page registers the worker under its usual address again, which after this
	// test's '?next' is yet another version: the bar may come back, but only once that one
	// is waiting. It is never shown while no new version waits.
	const prompt = page.getByText('Er is een nieuwe versie van Burenbord.');
	for (let i = 0; i < 5; i++) {
		const shown = await prompt.count();
		const waiting = await page.evaluate(
			async () => !!(await navigator.serviceWorker.getRegistration())?.waiting
		);
		expect(shown === 0 || waiting, 'the update bar shows without a waiting version').toBe(true);
		await page.waitForTimeout(200);
	}
});

test('pages seen before still read offline, with a banner that says since when', async ({
	browser
}) => {
	const flat = await makeFlat('cached');
	const page = await controlledPage(browser, await joinAs(flat, 'Mila'), `/f/${flat.slug}`);
	// The board and the calendar load as whole pages (no hydration), so the worker keeps pages.
	await page.getByRole('link', { name: 'Agenda', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Agenda');
	await page.goto(`/f/${flat.slug}/calendar`);
	expect(await savedPages(page)).toEqual(
		expect.arrayContaining([`/f/${flat.slug}`, `/f/${flat.slug}/calendar`])
	);
	await expect(page.locator('.offline-banner')).toHaveCount(0);

	await page.context().setOffline(true);
	const calendar = await page.reload();
	expect(calendar?.fromServiceWorker()).toBe(true);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Agenda');
	await expect(page.getByRole('status').filter({ hasText: 'Je bent offline' })).toHaveText(banner);
	await expectAccessible(page);

	const board = await page.goto(`/f/${flat.slug}`);
	expect(board?.fromServiceWorker()).toBe(true);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(flat.name);
	await expect(page.getByRole('heading', { name: 'Het prikbord' })).toBeVisible();
	await expect(page.locator('.offline-banner')).toHaveText(banner);

	// Inside the app only the data is loaded: the page shows the banner when the worker says so.
	await page.waitForLoadState('networkidle');
	await page.getByRole('link', { name: 'Agenda', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Agenda');
	await expect(page.locator('.offline-banner')).toHaveCount(1);
	await expect(page.locator('.offline-banner')).toHaveText(banner);

	await page.context().setOffline(false);
	const fresh = await page.reload();
	expect(fresh?.ok()).toBe(true);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Agenda');
	await expect(page.locator('.offline-banner')).toHaveCount(0);
	await page.context().close();
});

test('a form sent offline keeps its text and says why nothing happened', async ({ browser }) => {
	const flat = await makeFlat('offline-form');
	const page = await controlledPage(
		browser,
		await joinAs(flat, 'Ans'),
		`/f/${flat.slug}/help/new?type=request`
	);
	await page.context().setOffline(true);
	await page.getByLabel('Kort gezegd').fill('Wie voert mijn kat?');
	await page.getByRole('button', { name: 'Op het prikbord zetten' }).click();
	await expect(page.getByRole('alert')).toHaveText(
		'Je bent offline. Je tekst staat er nog. Verstuur hem opnieuw als je weer internet hebt.'
	);
	await expect(page.getByLabel('Kort gezegd')).toHaveValue('Wie voert mijn kat?');
	expect(new URL(page.url()).pathname).toBe(`/f/${flat.slug}/help/new`);
	await expectAccessible(page);

	await page.context().setOffline(false);
	await expect(page.getByRole('alert')).toHaveCount(0);
	await page.context().close();
});

test('text typed before the scripts arrive stays when they do, in a line and in a longer text', async ({
	browser
}) => {
	const flat = await makeFlat('early-typing');
	const context = await browser.newContext({ storageState: await joinAs(flat, 'Ans') });
	const page = await context.newPage();
	// A slow phone: the page is there, its scripts are still on their way.
	let release = () => {};
	const held = new Promise<void>((done) => (release = done));
	await page.route('**/_app/immutable/**/*.js', async (route) => {
		await held;
		await route.continue();
	});
	await page.goto(`/f/${flat.slug}/help/new`, { waitUntil: 'domcontentloaded' });
	await page.getByLabel('Kort gezegd').fill('Wie voert mijn kat?');
	await page.getByLabel('Meer uitleg (mag leeg blijven)').fill('Twee keer per dag.');
	release();
	await page.waitForLoadState('networkidle');
	await expect(page.getByLabel('Kort gezegd')).toHaveValue('Wie voert mijn kat?');
	await expect(page.getByLabel('Meer uitleg (mag leeg blijven)')).toHaveValue('Twee keer per dag.');
	await context.close();
});

test('a push shows a notification from the worker', async ({ browser }) => {
	const flat = await makeFlat('push-sw');
	const context = await browser.newContext({
		storageState: await joinAs(flat, 'Ans'),
		serviceWorkers: 'allow'
	});
	await context.grantPermissions(['notifications'], { origin: BASE_URL });
	const page = await context.newPage();
	const cdp = await context.newCDPSession(page);
	const registrationId = new Promise<string>((found) =>
		cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
			const ours = registrations.find((r) => r.scopeURL === `${BASE_URL}/` && !r.isDeleted);
			if (ours) found(ours.registrationId);
		})
	);
	await cdp.send('ServiceWorker.enable');
	await page.goto(`/f/${flat.slug}`);
	await workerActivated(page);

	await cdp.send('ServiceWorker.deliverPushMessage', {
		origin: BASE_URL,
		registrationId: await registrationId,
		data: JSON.stringify({
			title: 'Burenbord',
			body: 'Kees: Ik kan helpen',
			url: `/f/${flat.slug}`,
			tag: 'help-1'
		})
	});
	const shown = () =>
		page.evaluate(async () =>
			(await (await navigator.serviceWorker.ready).getNotifications()).map((n) => ({
				title: n.title,
				body: n.body,
				tag: n.tag,
				data: n.data as unknown,
				badge: n.badge
			}))
		);
	// A worker woken for a push can be slow to start on a busy machine.
	await expect.poll(shown, { timeout: 15_000 }).toEqual([
		{
			title: 'Burenbord',
			body: 'Kees: Ik kan helpen',
			tag: 'help-1',
			data: { url: `/f/${flat.slug}` },
			badge: `${BASE_URL}/icons/badge-96.png`
		}
	]);
	expect((await page.request.get('/icons/badge-96.png')).status()).toBe(200);
	await context.close();
});

test('logging out forgets the saved pages, also when the page sends no word', async ({
	browser
}) => {
	const flat = await makeFlat('forget');

	// The logout button: the page tells the worker, the worker sees the POST, the server says clear.
	const mila = await controlledPage(browser, await joinAs(flat, 'Mila'), `/f/${flat.slug}`);
	expect(await savedPages(mila)).toContain(`/f/${flat.slug}`);
	const [logout] = await Promise.all([
		mila.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/logout')),
		mila.getByRole('button', { name: 'Uitloggen' }).click()
	]);
	const answer = await logout.response();
	expect(await answer?.headerValue('clear-site-data')).toBe('"cache"');
	await mila.waitForURL(`${BASE_URL}/`);
	await expect.poll(() => savedPages(mila)).toEqual([]);
	await mila.context().close();

	// A plain form post (as without script): the worker sees it go by and clears the pages.
	const kees = await controlledPage(browser, await joinAs(flat, 'Kees'), `/f/${flat.slug}`);
	expect(await savedPages(kees)).toContain(`/f/${flat.slug}`);
	await kees.evaluate(() => {
		const form = document.createElement('form');
		form.method = 'POST';
		form.action = '/logout';
		document.body.append(form);
		form.submit(); // fires no submit event, so the page sends the worker nothing
	});
	await kees.waitForURL(`${BASE_URL}/`);
	await expect.poll(() => savedPages(kees)).toEqual([]);
	await kees.context().close();
});

test('settings offer to install the app, and say so once it is installed', async ({ browser }) => {
	const flat = await makeFlat('install');
	const context = await browser.newContext({ storageState: await joinAs(flat, 'Ans') });
	const page = await context.newPage();
	await page.goto('/settings');
	await page.waitForLoadState('networkidle');
	const section = page.getByRole('region', { name: 'App op je telefoon' });
	await expect(section.getByRole('button', { name: 'Burenbord installeren' })).toHaveCount(0);
	await expect(section).toContainText('Toevoegen aan startscherm');

	// What Chrome does once the app can be installed; the user then says yes.
	await page.evaluate(() => {
		const offer = Object.assign(new Event('beforeinstallprompt', { cancelable: true }), {
			prompt: () => Promise.resolve(),
			userChoice: Promise.resolve({ outcome: 'accepted' })
		});
		window.dispatchEvent(offer);
	});
	await expectAccessible(page);
	await section.getByRole('button', { name: 'Burenbord installeren' }).click();
	await expect(section).toContainText('Burenbord staat al op je telefoon.');
	await context.close();
});
