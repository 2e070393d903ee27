import { expect, test, type Browser, type Page } from '@playwright/test';
import { BASE_URL, expectAccessible, joinAs, makeFlat } from './helpers';

type Variant = { name: string; js: boolean; locale: 'nl' | 'ar' };

/** The words the test clicks, in the language of the run. */
const words = {
	nl: {
		ask: 'Vraag om hulp',
		pets: 'Huisdieren',
		title: 'Kort gezegd',
		period: 'In een periode (niet langer dan 6 weken)',
		first: 'Dag (of eerste dag)',
		last: 'Laatste dag',
		post: 'Op het prikbord zetten',
		canHelp: 'Ik kan helpen',
		choose: (name: string) => `Kies ${name}`,
		message: 'Bericht (alleen jullie twee zien dit)',
		send: 'Versturen',
		done: 'Het is gedaan',
		confirm: 'Ja, het is gedaan',
		thanks: 'Een bedankje (mag kort)',
		sendThanks: 'Bedankje sturen',
		helpedOnce: 'Deze maand hielpen buren elkaar 1 keer.',
		bell: 'Meldingen, 1 nieuw',
		waitingConfirm: 'Je buur bevestigt het nog.',
		responded: 'Iemand reageerde op “Wie voert mijn kat?”',
		chosen: 'Je bent gekozen om te helpen bij “Wie voert mijn kat?”. Spreek samen iets af.'
	},
	ar: {
		ask: 'اطلب مساعدة',
		pets: 'الحيوانات الأليفة',
		title: 'باختصار',
		period: 'خلال مدة (6 أسابيع على الأكثر)',
		first: 'اليوم (أو اليوم الأول)',
		last: 'اليوم الأخير',
		post: 'انشر على اللوحة',
		canHelp: 'يمكنني المساعدة',
		choose: (name: string) => `اختر ${name}`,
		message: 'رسالة (لا يراها إلا أنتما)',
		send: 'إرسال',
		done: 'تم الأمر',
		confirm: 'نعم، تم الأمر',
		thanks: 'كلمة شكر (قصيرة لا بأس)',
		sendThanks: 'أرسل الشكر',
		helpedOnce: 'هذا الشهر ساعد الجيران بعضهم مرة واحدة.',
		bell: 'الإشعارات، واحد جديد',
		waitingConfirm: 'على جارك أن يؤكد.',
		responded: 'ردّ أحدهم على «Wie voert mijn kat?»',
		chosen: 'تم اختيارك للمساعدة في «Wie voert mijn kat?». اتفق مع جارك على التفاصيل.'
	}
};

async function open(browser: Browser, state: string, variant: Variant): Promise<Page> {
	const context = await browser.newContext({ storageState: state, javaScriptEnabled: variant.js });
	await context.addCookies([{ name: 'PARAGLIDE_LOCALE', value: variant.locale, url: BASE_URL }]);
	return context.newPage();
}

const variants: Variant[] = [
	{ name: 'with JavaScript', js: true, locale: 'nl' },
	{ name: 'without JavaScript', js: false, locale: 'nl' },
	{ name: 'in Arabic', js: true, locale: 'ar' }
];

for (const variant of variants) {
	test(`a resident asks a neighbour to feed the cat, ${variant.name}`, async ({ browser }) => {
		const w = words[variant.locale];
		const check = (page: Page) => (variant.js ? expectAccessible(page) : Promise.resolve());
		const flat = await makeFlat(`cat-${variant.locale}${variant.js ? '' : '-nojs'}`);
		const ans = await open(browser, await joinAs(flat, 'Ans'), variant);
		const kees = await open(browser, await joinAs(flat, 'Kees'), variant);

		// Ans asks, for 12 to 19 July.
		await ans.goto(`/f/${flat.slug}`);
		await check(ans);
		await ans.getByRole('link', { name: w.ask }).click();
		await check(ans);
		await ans.getByLabel(w.pets).check();
		await ans.getByLabel(w.title).fill('Wie voert mijn kat?');
		await ans
			.locator('textarea[name="description"]')
			.fill('Twee keer per dag.\nHet voer staat in de kast.');
		await ans.getByLabel(w.period).check();
		await ans.getByLabel(w.first).fill('2027-07-12');
		await ans.getByLabel(w.last).fill('2027-07-19');
		await ans.getByRole('button', { name: w.post }).click();
		await expect(ans).toHaveURL(/\/help\/\d+$/);
		await expect(ans.getByRole('heading', { level: 1 })).toHaveText('Wie voert mijn kat?');
		await check(ans);
		const postUrl = new URL(ans.url()).pathname;

		// Kees sees it on the board and responds.
		await kees.goto(`/f/${flat.slug}`);
		await kees.getByRole('link', { name: 'Wie voert mijn kat?' }).click();
		await expect(kees.getByText('Het voer staat in de kast.')).toBeVisible();
		await check(kees);
		await kees.locator('textarea[name="message"]').fill('Ik woon ernaast, ik doe het graag.');
		await kees.getByRole('button', { name: w.canHelp }).click();
		await expect(kees.locator('textarea[name="message"]')).toHaveCount(0);

		// Ans hears of it under the bell, and the notification leads to the post.
		await ans.goto(`/f/${flat.slug}`);
		await ans.getByRole('link', { name: w.bell }).click();
		await check(ans);
		await ans.getByRole('button', { name: w.responded }).click();
		await expect(ans).toHaveURL(new RegExp(`${postUrl}$`));

		// Ans accepts Kees; they arrange details in the private thread.
		await ans.goto(postUrl);
		await expect(ans.getByText('Ik woon ernaast, ik doe het graag.')).toBeVisible();
		await ans.getByRole('button', { name: w.choose('Kees') }).click();
		await ans.getByLabel(w.message).fill('De sleutel ligt bij de buren op 4.');
		await ans.getByRole('button', { name: w.send }).click();
		await expect(ans.getByText('De sleutel ligt bij de buren op 4.')).toBeVisible();
		await check(ans);
		await kees.goto(`/f/${flat.slug}/notifications`);
		await expect(kees.getByText(w.chosen)).toBeVisible();
		await kees.goto(postUrl);
		await expect(kees.getByText('De sleutel ligt bij de buren op 4.')).toBeVisible();
		await kees.getByLabel(w.message).fill('Prima, tot dan!');
		await kees.getByRole('button', { name: w.send }).click();
		await expect(kees.getByText('Prima, tot dan!')).toBeVisible();

		// Kees marks it done, Ans confirms and says thank you.
		await kees.getByRole('button', { name: w.done }).click();
		await expect(kees.getByText(w.waitingConfirm)).toBeVisible();
		await ans.goto(postUrl);
		await ans.getByRole('button', { name: w.confirm }).click();
		await ans.getByLabel(w.thanks).fill('Dank je wel, Kees! Poes was blij.');
		await ans.getByRole('button', { name: w.sendThanks }).click();
		await expect(ans.getByText('Dank je wel, Kees! Poes was blij.')).toBeVisible();
		await check(ans);
		await kees.goto(postUrl);
		await expect(kees.getByText('Dank je wel, Kees! Poes was blij.')).toBeVisible();

		// The balances moved: Kees gave, Ans received; the flat counts one help this month.
		await kees.goto(`/f/${flat.slug}`);
		const keesBalance = kees.locator('.balance');
		await expect(keesBalance.locator('.row-bar').first().locator('.n')).toHaveText('1');
		await expect(keesBalance.locator('.row-bar').last().locator('.n')).toHaveText('0');
		await expect(kees.getByText(w.helpedOnce)).toBeVisible();
		await ans.goto(`/f/${flat.slug}`);
		await expect(ans.locator('.balance .row-bar').first().locator('.n')).toHaveText('0');
		await expect(ans.locator('.balance .row-bar').last().locator('.n')).toHaveText('1');
		await check(ans);
		if (variant.locale === 'ar') await expect(ans.locator('html')).toHaveAttribute('dir', 'rtl');
	});
}
