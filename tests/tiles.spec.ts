import { expect, test, type Page } from '@playwright/test';
import { BASE_URL, joinAs, makeFlat } from './helpers';

/** Every tile whose label runs past its edge: it was clipped or ran under the next one. */
async function clipped(page: Page) {
	return page.locator('.tile').evaluateAll((tiles) =>
		tiles
			.filter((tile) => {
				const box = tile.getBoundingClientRect();
				const name = tile.querySelector('.name')?.getBoundingClientRect();
				return (
					tile.scrollWidth > tile.clientWidth ||
					!name ||
					name.left < box.left - 0.5 ||
					name.right > box.right + 0.5
				);
			})
			.map((tile) => tile.textContent?.trim())
	);
}

for (const size of [
	{ width: 1280, height: 800 },
	{ width: 360, height: 640 }
])
	test(`topic tiles show their whole label at ${size.width} px, in Dutch and Arabic`, async ({
		browser
	}) => {
		const flat = await makeFlat(`tiles${size.width}`);
		const context = await browser.newContext({
			storageState: await joinAs(flat, 'Fatima'),
			viewport: size
		});
		const page = await context.newPage();
		for (const locale of ['nl', 'ar'])
			for (const path of ['help/new', 'profile']) {
				await context.addCookies([{ name: 'PARAGLIDE_LOCALE', value: locale, url: BASE_URL }]);
				await page.goto(`/f/${flat.slug}/${path}`);
				await expect(page.locator('.tile')).toHaveCount(10);
				expect(await clipped(page), `${locale} ${path}`).toEqual([]);
			}
		await context.close();
	});
