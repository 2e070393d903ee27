import { expect, test, type Browser } from '@playwright/test';
import { client, expectAccessible, joinAs, makeFlat, post, type TestFlat } from './helpers';

type Voice = { lang: string; name: string; localService: boolean; default: boolean };
const DUTCH: Voice = { lang: 'nl-NL', name: 'Nederlands', localService: true, default: true };

/**
 * A page whose `speechSynthesis` is a stand-in: the voices given (or, with `late`, none until
 * its `voiceschanged`, as in Chrome), and what it was asked to say kept in `window.spoken`.
 */
async function reader(browser: Browser, state: string, voices: Voice[], late = false) {
	const context = await browser.newContext({ storageState: state });
	await context.addInitScript(
		({ voices, late }) => {
			const spoken: { text: string; lang: string; voice: string | undefined }[] = [];
			let known = late ? [] : voices;
			const synth = Object.assign(new EventTarget(), {
				speaking: false,
				cancelled: 0,
				getVoices: () => known,
				speak(u: { text: string; lang: string; voice: { lang: string } | null }) {
					spoken.push({ text: u.text, lang: u.lang, voice: u.voice?.lang });
				},
				cancel() {
					synth.cancelled++;
				}
			});
			class Utterance extends EventTarget {
				lang = '';
				voice = null;
				onend = null;
				onerror = null;
				constructor(public text: string) {
					super();
				}
			}
			Object.defineProperty(window, 'speechSynthesis', { value: synth });
			Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance });
			Object.assign(window, { spoken });
			if (late)
				setTimeout(() => {
					known = voices;
					synth.dispatchEvent(new Event('voiceschanged'));
				}, 300);
		},
		{ voices, late }
	);
	return context.newPage();
}

async function askForHelp(flat: TestFlat, title: string, description: string): Promise<string> {
	const henk = await client(await joinAs(flat, 'Henk'));
	const res = await post(henk, `/f/${flat.slug}/help/new`, {
		type: 'request',
		category: 'pets',
		title,
		description,
		when: 'flexible'
	});
	expect(res.url).toMatch(/\/help\/\d+$/);
	await henk.dispose();
	return new URL(res.url).pathname;
}

test('"Lees voor" reads a help post aloud in Dutch with the phone\'s own voice, and stops', async ({
	browser
}) => {
	const flat = await makeFlat('voice');
	const url = await askForHelp(
		flat,
		'Kat eten geven',
		'Ik ben een week weg. Wie geeft Minou eten?'
	);
	const page = await reader(browser, await joinAs(flat, 'Ans'), [DUTCH], true);
	await page.goto(url);
	const button = page.getByRole('button', { name: 'Lees voor' });
	await expect(button).toBeVisible();
	await expectAccessible(page);
	await button.click();
	const spoken = () => page.evaluate(() => (window as unknown as { spoken: unknown[] }).spoken);
	await expect.poll(spoken).toEqual([
		{ text: 'Kat eten geven', lang: 'nl-NL', voice: 'nl-NL' },
		{ text: 'Ik ben een week weg. Wie geeft Minou eten?', lang: 'nl-NL', voice: 'nl-NL' }
	]);
	await page.getByRole('button', { name: 'Stop' }).click();
	await expect(button).toBeVisible();
	expect(
		await page.evaluate(
			() => (window.speechSynthesis as unknown as { cancelled: number }).cancelled
		)
	).toBeGreaterThan(0);
});

test('no voice for the language, no button', async ({ browser }) => {
	const flat = await makeFlat('novoice');
	const url = await askForHelp(flat, 'Kat eten geven', 'Wie helpt?');
	const english = { ...DUTCH, lang: 'en-GB', name: 'English' };
	const remote = { ...DUTCH, localService: false };
	const page = await reader(browser, await joinAs(flat, 'Ans'), [english, remote]);
	await page.goto(url);
	await expect(page.getByRole('heading', { name: 'Kat eten geven' })).toBeVisible();
	// Long enough for the voices to have been looked at.
	await page.waitForLoadState('networkidle');
	await expect(page.getByRole('button', { name: 'Lees voor' })).toHaveCount(0);
});

test('the welcome page, which comes without Svelte, reads its text aloud in its own language', async ({
	browser
}) => {
	const flat = await makeFlat('voicewelcome');
	const bram = await client(flat.verbinder.state);
	await post(bram, `/f/${flat.slug}/welcome/edit?/save`, {
		locale: 'ar',
		body: '# أهلاً بك\n\nالقهوة يوم الثلاثاء.'
	});
	await bram.dispose();
	const arabic = { ...DUTCH, lang: 'ar-SA', name: 'العربية', default: false };
	const page = await reader(browser, await joinAs(flat, 'Ans'), [DUTCH, arabic]);
	await page.goto(`/f/${flat.slug}/welcome?lang=ar`);
	await page.getByRole('button', { name: 'Lees voor' }).click();
	await expect
		.poll(() => page.evaluate(() => (window as unknown as { spoken: unknown[] }).spoken))
		.toEqual([
			{ text: 'أهلاً بك', lang: 'ar', voice: 'ar-SA' },
			{ text: 'القهوة يوم الثلاثاء.', lang: 'ar', voice: 'ar-SA' }
		]);
});
