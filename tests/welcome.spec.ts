import { expect, test } from '@playwright/test';
import { expectAccessible, makeFlat, PASSWORD } from './helpers';

test('a new tenant: QR code → Arabic → join → the welcome page in Arabic → first steps → hello on the board', async ({
	browser,
	page
}) => {
	test.setTimeout(120_000);
	const flat = await makeFlat('welcome');

	// The verbinder writes the welcome page in Dutch and in Arabic; markup beyond the safe
	// subset is shown as text, never run.
	const bram = await (await browser.newContext({ storageState: flat.verbinder.state })).newPage();
	bram.on('dialog', () => {
		throw new Error('a script ran');
	});
	await bram.goto(`/f/${flat.slug}/welcome/edit?lang=nl`);
	await expectAccessible(bram);
	await bram
		.locator('textarea[name="body"]')
		.fill(
			'# Welkom!\n\nDe **Buurtkamer** is open op dinsdag.\n\n<img src=x onerror=alert(1)>\n\n[klik](javascript:alert(1))'
		);
	await bram.getByRole('button', { name: 'Opslaan' }).click();
	await expect(bram.getByText('Opgeslagen. Nieuwe buren zien nu deze tekst.')).toBeVisible();
	await bram.goto(`/f/${flat.slug}/welcome/edit?lang=ar`);
	await bram
		.locator('textarea[name="body"]')
		.fill('# أهلًا بك!\n\n**غرفة الحيّ** مفتوحة يوم الثلاثاء.\n\n- لا تترك أغراضًا في الممر');
	await bram.getByRole('button', { name: 'Opslaan' }).click();
	await expect(bram.getByText('Opgeslagen. Nieuwe buren zien nu deze tekst.')).toBeVisible();
	await bram.goto(`/f/${flat.slug}/welcome`);
	await expect(bram.locator('strong', { hasText: 'Buurtkamer' })).toBeVisible();
	await expect(bram.locator('img')).toHaveCount(0);
	await expect(bram.locator('a[href^="javascript"]')).toHaveCount(0);
	await expectAccessible(bram);

	// The newcomer scans the hall poster's QR code: it opens the join page with the code.
	page.on('dialog', () => {
		throw new Error('a script ran');
	});
	await page.goto(`/join/${flat.joinCode}`);
	await page.getByRole('button', { name: 'العربية' }).first().click();
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	await page.locator('input[name="name"]').fill('سميرة');
	await page.locator('input[name="password"]').fill(PASSWORD);
	await page.getByRole('button', { name: 'انضم', exact: true }).click();

	// She lands on the welcome page, in Arabic, right to left.
	await expect(page).toHaveURL(new RegExp(`/f/${flat.slug}/welcome$`));
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	await expect(page.getByRole('heading', { name: 'أهلًا بك!' })).toBeVisible();
	await expect(page.getByText('خطواتك الأولى')).toBeVisible();
	await expect(page.getByText('112').first()).toBeVisible();
	await expectAccessible(page);

	// First steps: say hello, and tick one more.
	await page.getByRole('button', { name: 'قل مرحبًا' }).click();
	await expect(page.getByText('شكرًا! تحيتك الآن على اللوحة.')).toBeVisible();
	await page.getByRole('button', { name: 'فعلت ذلك' }).first().click();
	await expect(page.getByText('أنجزت 2 من 5')).toBeVisible();

	// Her hello is on the board, for the verbinder too.
	await page.goto(`/f/${flat.slug}`);
	await expect(page.getByText('مرحبًا! أنا سميرة وأسكن هنا منذ وقت قصير.')).toBeVisible();
	await bram.goto(`/f/${flat.slug}`);
	await expect(bram.getByText('مرحبًا! أنا سميرة وأسكن هنا منذ وقت قصير.')).toBeVisible();

	// The welcome sheet for the welcome letter carries the join code.
	await bram.goto(`/f/${flat.slug}/welcome/sheet`);
	await expect(bram.getByText(flat.joinCode).first()).toBeVisible();
	await expectAccessible(bram);

	// Put away, the checklist stays away.
	await page.goto(`/f/${flat.slug}/welcome`);
	await page.getByRole('button', { name: 'إخفاء هذه القائمة' }).click();
	await expect(page.getByText('خطواتك الأولى')).toHaveCount(0);
	await page.reload();
	await expect(page.getByText('خطواتك الأولى')).toHaveCount(0);
});
