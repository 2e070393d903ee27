import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import {
	BASE_URL,
	client,
	expectAccessible,
	joinAs,
	makeFlat,
	post,
	type TestFlat
} from './helpers';

// The phone most residents have: small and cheap. The page's own content must be on its
// first screen, above the tab bar.
test.use({ viewport: { width: 360, height: 640 } });
const SCREEN = 640;

type Locale = 'nl' | 'ar';

/** The words the test looks for, in the language of the run. */
const words = {
	nl: {
		ask: 'Vraag om hulp',
		board: 'Prikbord',
		calendar: 'Agenda',
		me: 'Ik',
		checklist: 'Je eerste stappen',
		logout: 'Uitloggen',
		settings: 'Instellingen',
		keys: 'Sleutels',
		members: 'Bewoners'
	},
	ar: {
		ask: 'اطلب مساعدة',
		board: 'اللوحة',
		calendar: 'التقويم',
		me: 'أنا',
		checklist: null,
		logout: 'تسجيل الخروج',
		settings: 'الإعدادات',
		keys: 'المفاتيح',
		members: 'السكان'
	}
} satisfies Record<Locale, Record<string, string | null>>;

/** A local date in Amsterdam, `days` from today. */
function ahead(days: number): string {
	return new Date(Date.now() + days * 86_400_000).toLocaleDateString('en-CA', {
		timeZone: 'Europe/Amsterdam'
	});
}

/**
 * A flat like the demo's: a busy week in the Buurtkamer, a neighbour's hello, requests and
 * offers with long titles, and Samira, who has just joined, looking at it.
 */
async function demoLikeFlat(): Promise<{ flat: TestFlat; samira: string; joost: string }> {
	const flat = await makeFlat('shell');
	const bram = await client(flat.verbinder.state);
	for (const [days, title, time] of [
		[1, 'Koffieochtend', '10:00'],
		[3, 'Taalcafé — Nederlands oefenen', '19:00'],
		[5, 'Tuingroep', '10:00']
	] as const) {
		const made = await post(bram, `/f/${flat.slug}/calendar/new`, {
			title,
			place: 'Buurtkamer',
			startDate: ahead(days),
			startTime: time,
			endTime: time.replace(/^(\d+)/, (h) => String(Number(h) + 1).padStart(2, '0')),
			recurrence: 'weekly'
		});
		expect(made.url, made.html.slice(0, 300)).toMatch(/\/calendar\/\d+$/);
	}
	const kees = await client(await joinAs(flat, 'Kees', '12'));
	const amal = await client(await joinAs(flat, 'Amal', '7'));
	const greeted = await post(kees, `/f/${flat.slug}/welcome?/greet`, {
		body: 'Hallo, ik ben Kees van nummer 12. Ik help graag met klussen.'
	});
	expect(greeted.status).toBe(200);
	const posts: [typeof kees, Record<string, string>][] = [
		[
			kees,
			{
				type: 'offer',
				category: 'small_jobs',
				title: 'Ik heb een boormachine en help graag met ophangen'
			}
		],
		[amal, { type: 'request', category: 'letters', title: 'Wie helpt mij een brief te lezen?' }],
		[
			bram,
			{
				type: 'request',
				category: 'errands',
				title: 'Boodschappen voor mevrouw De Vries (3e verdieping)',
				onBehalfOf: 'mevrouw De Vries'
			}
		]
	];
	for (const [who, fields] of posts) {
		const made = await post(who, `/f/${flat.slug}/help/new`, {
			when: 'flexible',
			confirmed: '1',
			...fields
		});
		expect(made.url, made.html.slice(0, 300)).toMatch(/\/help\/\d+$/);
	}
	const samira = await joinAs(flat, 'Samira', '3B');
	// Joost is the flat coach: a professional, who never sees help posts.
	const joost = await joinAs(flat, 'Joost');
	const members = await (await bram.get(`/f/${flat.slug}/members`)).text();
	const joostId = members.match(
		/data-member="Joost"[\s\S]*?name="membershipId" value="(\d+)"/
	)?.[1];
	expect(joostId).toBeTruthy();
	await post(bram, `/f/${flat.slug}/members?/role`, {
		membershipId: joostId!,
		role: 'professional'
	});
	for (const ctx of [bram, kees, amal]) await ctx.dispose();
	return { flat, samira, joost };
}

async function open(browser: Browser, state: string, locale: Locale): Promise<Page> {
	const context = await browser.newContext({ storageState: state });
	await context.addCookies([{ name: 'PARAGLIDE_LOCALE', value: locale, url: BASE_URL }]);
	return context.newPage();
}

function tabBar(page: Page, flat: TestFlat): Locator {
	return page.getByRole('navigation', { name: flat.name });
}

/** On the first screen: its bottom within 640 px, and not under the fixed tab bar. */
async function expectOnFirstScreen(page: Page, flat: TestFlat, target: Locator, what: string) {
	await expect(target, what).toBeVisible();
	const box = (await target.boundingBox())!;
	const bar = (await tabBar(page, flat).boundingBox())!;
	const bottom = Math.round(box.y + box.height);
	expect(bottom, `${what}: bottom at ${bottom} px`).toBeLessThanOrEqual(SCREEN);
	expect(bottom, `${what}: under the tab bar (its top at ${bar.y} px)`).toBeLessThanOrEqual(
		Math.round(bar.y)
	);
}

let neighbourhood: Promise<Awaited<ReturnType<typeof demoLikeFlat>>> | undefined;
/** One flat for the whole file, made on first use. */
const shared = () => (neighbourhood ??= demoLikeFlat());

for (const locale of ['nl', 'ar'] as const) {
	const w = words[locale];

	test(`the page's own content is on a phone's first screen, in ${locale}`, async ({ browser }) => {
		const { flat, samira } = await shared();
		const page = await open(browser, samira, locale);
		await page.goto(`/f/${flat.slug}`);
		await expect(page.locator('html')).toHaveAttribute('lang', locale);
		await expectOnFirstScreen(
			page,
			flat,
			page.getByRole('main').getByRole('link', { name: w.ask }),
			'ask for help'
		);
		await expectOnFirstScreen(page, flat, page.locator('article.post').first(), 'first help post');

		await page.goto(`/f/${flat.slug}/calendar`);
		await expectOnFirstScreen(page, flat, page.locator('article.item').first(), 'first activity');
		// A verbinder's calendar has more buttons; they come after the agenda.
		const bram = await open(browser, flat.verbinder.state, locale);
		await bram.goto(`/f/${flat.slug}/calendar`);
		await expectOnFirstScreen(
			bram,
			flat,
			bram.locator('article.item').first(),
			"first activity, a verbinder's"
		);

		// The checklist is long (a hello to write, four more steps): its heading and first step
		// are what a newcomer must see without scrolling.
		await page.goto(`/f/${flat.slug}/welcome`);
		const checklist = page.locator('section.checklist');
		if (w.checklist)
			await expect(checklist.getByRole('heading', { level: 2 })).toHaveText(w.checklist);
		await expectOnFirstScreen(
			page,
			flat,
			checklist.getByRole('heading', { level: 2 }),
			'checklist'
		);
		await expectOnFirstScreen(
			page,
			flat,
			checklist.getByRole('heading', { level: 3 }).first(),
			'first step'
		);
	});

	test(`the tab bar: labelled destinations, the current one marked, Me ends with logging out, in ${locale}`, async ({
		browser
	}) => {
		const { flat, samira, joost } = await shared();
		const page = await open(browser, samira, locale);
		const tabs = tabBar(page, flat).getByRole('link');

		for (const [path, name] of [
			['', w.board],
			['/calendar', w.calendar],
			['/me', w.me]
		] as const) {
			await page.goto(`/f/${flat.slug}${path}`);
			// Always words beside the icons, never a hidden menu.
			await expect(tabs).toHaveCount(5);
			for (const tab of await tabs.all()) {
				await expect(tab).toBeVisible();
				expect((await tab.innerText()).trim()).not.toBe('');
			}
			await expect(tabs.and(page.locator('[aria-current="page"]'))).toHaveText(name);
		}
		await expectAccessible(page);
		// Arabic reads from the right: the board's tab is the rightmost.
		const first = (await tabs.first().boundingBox())!;
		const last = (await tabs.last().boundingBox())!;
		expect(locale === 'ar' ? first.x > last.x : first.x < last.x).toBe(true);

		// Me gathers the rest; logging out comes last, and only there (not also in the footer).
		const main = page.getByRole('main');
		await expect(main.getByRole('link', { name: w.keys })).toBeVisible();
		await expect(main.getByRole('link', { name: w.settings })).toBeVisible();
		await expect(main.getByRole('link', { name: w.members })).toHaveCount(0);
		await expect(main.locator('a, button').last()).toHaveAccessibleName(w.logout);
		await expect(page.getByRole('button', { name: w.logout })).toHaveCount(1);

		// Elsewhere a small logout sits in the footer, out of the thumb's way.
		await page.goto(`/f/${flat.slug}`);
		await expectAccessible(page);
		await expect(
			page.getByRole('contentinfo').getByRole('button', { name: w.logout })
		).toBeVisible();

		// A professional has no ask button and no help: four tabs, and no keys on Me.
		const pro = await open(browser, joost, locale);
		await pro.goto(`/f/${flat.slug}/me`);
		await expect(tabBar(pro, flat).getByRole('link')).toHaveCount(4);
		await expect(pro.getByRole('main').getByRole('link', { name: w.keys })).toHaveCount(0);
		await expectAccessible(pro);
	});
}

test('keyboard: the skip link comes first and lands on the page, not on the menus', async ({
	browser
}) => {
	const { flat, samira } = await shared();
	const page = await open(browser, samira, 'nl');
	await page.goto(`/f/${flat.slug}`);
	await page.keyboard.press('Tab');
	const skip = page.getByRole('link', { name: 'Ga naar de inhoud' });
	await expect(skip).toBeFocused();
	await expect(skip).toBeInViewport();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('main')).toBeFocused();
	// The next stop is the page's own first link, not a tab.
	await page.keyboard.press('Tab');
	const focused = page.locator(':focus');
	await expect(page.getByRole('main').locator(':focus')).toHaveCount(1);
	await expect(tabBar(page, flat).locator(':focus')).toHaveCount(0);
	// The focus ring is dark with a light halo: 3:1 on the light page and on the brand's bars.
	const ring = await focused.evaluate((el) => {
		const style = getComputedStyle(el);
		return { outline: style.outlineColor, halo: style.boxShadow };
	});
	expect(ring.outline).toBe('rgb(29, 35, 39)');
	expect(ring.halo).toContain('rgb(255, 255, 255)');

	// On down the page: what has focus is never hidden under the tab bar (WCAG 2.4.11).
	const bar = (await tabBar(page, flat).boundingBox())!;
	for (let i = 0; i < 12; i++) {
		await page.keyboard.press('Tab');
		const box = await focused.boundingBox();
		const name = await focused.evaluate((el) => el.textContent?.trim());
		if (box && (await tabBar(page, flat).locator(':focus').count()) === 0)
			expect(box.y + box.height, `"${name}" under the tab bar`).toBeLessThanOrEqual(bar.y + 1);
	}
});
