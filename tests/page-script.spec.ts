import { expect, test } from '@playwright/test';
import { BASE_URL, expectAccessible, joinAs, makeFlat, workerActivated } from './helpers';

// The reading pages (board, calendar, welcome page) come without Svelte's scripts; the app's
// own small script (src/lib/sw/page-script.ts) does there what the app does around a page.
// The worker, the update bar and logging out are tested on these pages in pwa.spec.ts.

test('the reading pages load no Svelte scripts, only the page script with its texts', async ({
	browser
}) => {
	const flat = await makeFlat('reading');
	const context = await browser.newContext({ storageState: await joinAs(flat, 'Mila') });
	const page = await context.newPage();
	const scripts: string[] = [];
	page.on('request', (r) => r.resourceType() === 'script' && scripts.push(r.url()));
	for (const path of ['', '/calendar', '/welcome']) {
		scripts.length = 0;
		await page.goto(`/f/${flat.slug}${path}`, { waitUntil: 'networkidle' });
		expect(scripts, path || 'board').toEqual([
			expect.stringMatching(/\/_app\/immutable\/assets\/page-script\.[\w-]+\.js$/)
		]);
		await expect(page.locator('#page-script')).toHaveAttribute(
			'data-update-ready',
			'Er is een nieuwe versie van Burenbord.'
		);
	}
	await context.close();
});

test('on a page without hydration, a form sent offline stays, with a word in the page language', async ({
	browser
}) => {
	const flat = await makeFlat('reading-offline');
	const context = await browser.newContext({ storageState: await joinAs(flat, 'Samira') });
	await context.addCookies([{ name: 'PARAGLIDE_LOCALE', value: 'ar', url: BASE_URL }]);
	const page = await context.newPage();
	await page.goto(`/f/${flat.slug}/welcome`, { waitUntil: 'networkidle' });
	await context.setOffline(true);
	await page.getByRole('button', { name: 'قل مرحبًا' }).click();
	await expect(page.getByRole('alert')).toHaveText(
		'أنت غير متصل. نصّك ما زال هنا؛ أرسله مرة أخرى عندما يعود الإنترنت.'
	);
	expect(new URL(page.url()).pathname).toBe(`/f/${flat.slug}/welcome`);
	await expectAccessible(page);
	await context.setOffline(false);
	await expect(page.getByRole('alert')).toHaveCount(0);
	await context.close();
});

test('the welcome page offers installing once the browser does', async ({ browser }) => {
	const flat = await makeFlat('reading-install');
	const context = await browser.newContext({ storageState: await joinAs(flat, 'Ans') });
	const page = await context.newPage();
	await page.goto(`/f/${flat.slug}/welcome`, { waitUntil: 'networkidle' });
	const install = page.getByRole('button', { name: 'Burenbord installeren' });
	await expect(install).toHaveCount(0);

	// What Chrome does once the app can be installed; the user then says yes.
	await page.evaluate(() => {
		const offer = Object.assign(new Event('beforeinstallprompt', { cancelable: true }), {
			prompt: () => {
				(window as Window & { prompted?: boolean }).prompted = true;
				return Promise.resolve();
			},
			userChoice: Promise.resolve({ outcome: 'accepted' })
		});
		window.dispatchEvent(offer);
	});
	await expect(install).toBeVisible();
	await expectAccessible(page);
	await install.click();
	expect(await page.evaluate(() => (window as Window & { prompted?: boolean }).prompted)).toBe(
		true
	);
	// An offer is used once.
	await expect(install).toHaveCount(0);
	await context.close();
});

test('a page opened inside a hydrated page from saved data says so, and stops saying it once fresh', async ({
	browser
}) => {
	const flat = await makeFlat('reading-inapp');
	const context = await browser.newContext({
		storageState: await joinAs(flat, 'Mila'),
		serviceWorkers: 'allow'
	});
	const page = await context.newPage();
	// Asking for help is a hydrated page: from it, the tabs open pages inside the app.
	await page.goto(`/f/${flat.slug}/help/new`);
	await workerActivated(page);
	await page.reload(); // now controlled by the worker
	await page.waitForLoadState('networkidle');
	const tabs = page.getByRole('navigation', { name: flat.name });
	const documents: string[] = [];
	page.on('request', (r) => r.resourceType() === 'document' && documents.push(r.url()));
	await tabs.getByRole('link', { name: 'Agenda', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Agenda');
	await tabs.getByRole('link', { name: 'Vraag of bied' }).click();
	await expect(page).toHaveURL(/\/help\/new$/);
	expect(documents, 'opened inside the app, not loaded whole').toEqual([]);

	await context.setOffline(true);
	await tabs.getByRole('link', { name: 'Agenda', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Agenda');
	await expect(page.locator('.offline-banner')).toHaveCount(1);
	await expect(page.getByRole('status').filter({ hasText: 'Je bent offline' })).toHaveText(
		/^Je bent offline\. Je ziet wat je om \d\d:\d\d zag\.$/
	);
	await expectAccessible(page);

	await context.setOffline(false);
	await tabs.getByRole('link', { name: 'Vraag of bied' }).click();
	await expect(page).toHaveURL(/\/help\/new$/);
	await expect(page.locator('.offline-banner')).toHaveCount(0);
	await context.close();
});
