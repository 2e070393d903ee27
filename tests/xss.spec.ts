import { expect, test, type APIRequestContext } from '@playwright/test';
import { client, joinAs, makeFlat, post } from './helpers';

/**
 * Stored script attempts. They set window.__xss rather than alert where they can, so a run
 * shows up even when the browser would swallow a dialog.
 */
const PAYLOADS = [
	'<script>window.__xss=1</script>',
	'<img src=x onerror="window.__xss=1">',
	'<svg onload="window.__xss=1">',
	'"><svg/onload=window.__xss=1>',
	'</textarea><script>window.__xss=1</script>',
	'</title><script>window.__xss=1</script>',
	'javascript:window.__xss=1',
	'<a href="javascript:window.__xss=1">klik</a>',
	'[klik](javascript:window.__xss=1)',
	'<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>',
	'${window.__xss=1}',
	"{@html '<img src=x onerror=window.__xss=1>'}",
	"{{constructor.constructor('window.__xss=1')()}}",
	'data:text/html,<script>alert(1)</script>',
	'[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
	'\u202e<script>window.__xss=1</script>',
	'＜script＞window.__xss=1＜/script＞',
	'<body onload=window.__xss=1>',
	'<details open ontoggle=window.__xss=1>',
	"'-(window.__xss=1)-'",
	'</script><script>window.__xss=1</script>',
	'<input autofocus onfocus=window.__xss=1>',
	'<scr<script>ipt>window.__xss=1</script>',
	'<a href="jav&#x09;ascript:window.__xss=1">tab</a>',
	'<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=1>',
	'![x](x" onerror="window.__xss=1)',
	'<object data="javascript:window.__xss=1"></object>'
];

function ahead(days: number): string {
	return new Date(Date.now() + days * 86_400_000).toLocaleDateString('en-CA', {
		timeZone: 'Europe/Amsterdam'
	});
}

/** Stores one field; a refusal would mean the payload never reached a page. */
async function store(
	ctx: APIRequestContext,
	url: string,
	form: Record<string, string>
): Promise<{ html: string; url: string }> {
	const res = await post(ctx, url, form);
	expect(res.status, `POST ${url} ${JSON.stringify(form)}\n${res.html.slice(0, 300)}`).toBe(200);
	return res;
}

test('stored script attempts in every text field never run on any page', async ({ browser }) => {
	test.setTimeout(120_000);
	const flat = await makeFlat('xss');
	const residentState = await joinAs(flat, 'Kees');
	const bram = await client(flat.verbinder.state);
	const kees = await client(residentState);
	const s = flat.slug;
	let i = 0;
	const next = () => PAYLOADS[i++ % PAYLOADS.length]!;
	// Profile words are at most 30 characters and split on commas.
	const words = PAYLOADS.filter((p) => p.length <= 30 && !/[,\n]/.test(p));
	let w = 0;
	const word = () => words[w++ % words.length]!;

	// Help: post, response, thread, thank-you.
	const created = await store(bram, `/f/${s}/help/new`, {
		type: 'request',
		category: 'pets',
		title: next(),
		description: next(),
		when: 'flexible'
	});
	const postUrl = new URL(created.url).pathname;
	expect(postUrl).toMatch(/\/help\/\d+$/);
	await store(kees, `${postUrl}?/respond`, { message: next() });
	const page = (await (await bram.get(postUrl)).text()).match(/name="responseId" value="(\d+)"/);
	expect(page, 'the response can be accepted').toBeTruthy();
	await store(bram, `${postUrl}?/accept`, { responseId: page![1]! });
	await store(bram, `${postUrl}?/message`, { body: next() });
	await store(kees, `${postUrl}?/message`, { body: next() });
	await store(kees, `${postUrl}?/done`, {});
	await store(bram, `${postUrl}?/confirm`, {});
	await store(bram, `${postUrl}?/thank`, { note: next() });

	await store(kees, `/f/${s}/help/new`, {
		type: 'offer',
		category: 'pets',
		title: next(),
		description: next(),
		when: 'flexible'
	});

	// Profile words.
	await store(kees, `/f/${s}/profile?/save`, { tags: word(), languages: word() });
	await store(bram, `/f/${s}/profile?/save`, { tags: word(), languages: word() });

	// An activity and a cancelled occurrence.
	const date = ahead(3);
	const activity = await store(bram, `/f/${s}/calendar/new`, {
		title: next(),
		description: next(),
		place: next().slice(0, 60),
		startDate: date,
		startTime: '10:00',
		endTime: '11:00',
		recurrence: 'weekly'
	});
	const activityUrl = new URL(activity.url).pathname;
	expect(activityUrl).toMatch(/\/calendar\/\d+$/);
	const occurrenceUrl = `${activityUrl}/${date}`;
	await store(bram, `${occurrenceUrl}?/cancel`, { reason: next() });

	// A place on the social map.
	await store(bram, `/f/${s}/map/new`, {
		category: 'neighbourhood_team',
		name: next(),
		helpsWith: next(),
		address: next()
	});

	// The welcome text (Markdown) and a greeting.
	const welcomeText = PAYLOADS.join('\n\n');
	await store(bram, `/f/${s}/welcome/edit?lang=nl&/save`, { locale: 'nl', body: welcomeText });
	await store(kees, `/f/${s}/welcome?/greet`, { body: next() });
	expect(i + w, 'the corpus is spread over the fields').toBeGreaterThanOrEqual(20);
	await bram.dispose();
	await kees.dispose();

	const pages = [
		`/f/${s}`,
		postUrl,
		`/f/${s}/calendar`,
		activityUrl,
		occurrenceUrl,
		`/f/${s}/map`,
		`/f/${s}/welcome`,
		`/f/${s}/profile`,
		`/f/${s}/neighbours`
	];
	for (const state of [flat.verbinder.state, residentState]) {
		const context = await browser.newContext({ storageState: state });
		const tab = await context.newPage();
		const dialogs: string[] = [];
		tab.on('dialog', (d) => {
			dialogs.push(`${tab.url()}: ${d.message()}`);
			void d.dismiss();
		});
		for (const url of pages) {
			const res = await tab.goto(url);
			expect(res?.status(), url).toBe(200);
			await tab.waitForLoadState('load');
			// Give onfocus/ontoggle handlers and lazy images a moment.
			await tab.waitForTimeout(150);
			expect(await tab.evaluate(() => (window as { __xss?: number }).__xss), url).toBeUndefined();
			expect(dialogs, url).toEqual([]);
		}
		// A payload must at least have reached the pages as text.
		await tab.goto(postUrl);
		await expect(tab.locator('main')).toContainText('window.__xss=1');
		await context.close();
	}
});
