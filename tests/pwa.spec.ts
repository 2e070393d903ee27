import { expect, test, type Page } from '@playwright/test';
import { joinAs, makeFlat } from './helpers';

/** `ready` can resolve while the worker is still activating: wait for `activated`. */
async function workerActivated(page: Page): Promise<void> {
	await page.evaluate(async () => {
		const reg = await navigator.serviceWorker.ready;
		const worker = reg.active!;
		if (worker.state !== 'activated')
			await new Promise((done) =>
				worker.addEventListener('statechange', () => worker.state === 'activated' && done(null))
			);
	});
}

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
