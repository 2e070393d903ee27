import { expect, test } from '@playwright/test';
import { BASE_URL, client, expectAccessible, joinAs, makeFlat, PASSWORD, post } from './helpers';

test('a wrong join code or login code gets a kind page, not a stack trace', async ({ page }) => {
	const res = await page.goto('/join/NOPE-2345');
	expect(res?.status()).toBe(404);
	await expect(page.getByText(/Deze code werkt niet/)).toBeVisible();
	await expectAccessible(page);

	await page.goto('/code?code=AAAA-BBBB-CCCC');
	await page.getByRole('button', { name: 'Verder' }).click();
	await expect(
		page.locator('.field').getByText(/Deze code werkt niet\. Een code werkt 3 dagen/)
	).toBeVisible();
	await expectAccessible(page);
});

test('an unknown flat is a 404 for a logged-in member, and the page says so kindly', async ({
	browser
}) => {
	const flat = await makeFlat('unknown');
	const state = await joinAs(flat, 'Noor');
	const page = await (await browser.newContext({ storageState: state })).newPage();
	const res = await page.goto('/f/does-not-exist');
	expect(res?.status()).toBe(404);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Niet gevonden');
	await expectAccessible(page);
});

test('odd input never causes a 500 and nothing is written', async () => {
	const flat = await makeFlat('odd');
	const visitor = await client();
	const odd = [
		'x'.repeat(5000),
		'\u0000',
		'<script>alert(1)</script>',
		"' OR 1=1; --",
		'\u202eevil',
		'😀'.repeat(50),
		''
	];
	for (const value of odd) {
		const join = await post(visitor, `/join/${flat.joinCode}?/join`, {
			locale: value,
			name: value,
			houseNumber: value,
			password: value
		});
		expect(join.status, JSON.stringify(value).slice(0, 20)).toBe(400);
		for (const url of ['/login', '/code?/check', '/join']) {
			const res = await post(visitor, url, {
				flat: value,
				name: value,
				password: value,
				code: value
			});
			expect(res.status, url).toBeLessThan(500);
		}
	}
	const verbinder = await client(flat.verbinder.state);
	const members = await (await verbinder.get(`/f/${flat.slug}/members`)).text();
	expect(members.match(/data-member=/g)?.length).toBe(1);
	for (const value of odd) {
		const res = await post(verbinder, `/f/${flat.slug}/members?/role`, {
			membershipId: value,
			role: value
		});
		expect(res.status).toBe(400);
	}
	await visitor.dispose();
	await verbinder.dispose();
});

test('login is slowed down per account after a few wrong passwords', async () => {
	const flat = await makeFlat('limit');
	await joinAs(flat, 'Lotte');
	const guesser = await client();
	const attempt = (password: string) =>
		post(guesser, '/login', { flat: flat.slug, name: 'Lotte', password });
	for (let i = 0; i < 8; i++) expect((await attempt(`wrong ${i}`)).status).toBe(400);
	const blocked = await attempt(PASSWORD);
	expect(blocked.status).toBe(429);
	expect(blocked.html).toMatch(
		/Te veel pogingen\. Probeer het over (1 minuut|\d+ minuten) opnieuw\./
	);
	// Another account on the same flat is not blocked by it.
	await joinAs(flat, 'Daan');
	const other = await post(guesser, '/login', {
		flat: flat.slug,
		name: 'Daan',
		password: PASSWORD
	});
	expect(other.status).toBe(200);
	expect(other.url).toContain(`/f/${flat.slug}`);
	await guesser.dispose();
});

test('the public pages pass axe in every language', async ({ page }) => {
	// Twenty-one pages, each analysed by axe: more than the default minute on two busy cores.
	test.slow();
	for (const locale of ['nl', 'en', 'ar']) {
		await page.context().addCookies([{ name: 'PARAGLIDE_LOCALE', value: locale, url: BASE_URL }]);
		for (const url of [
			'/',
			'/join',
			'/login',
			'/login?other',
			'/code',
			'/admin/login',
			'/offline'
		]) {
			await page.goto(url);
			// The offline page is built once, in all languages, with Dutch as the page language.
			await expect(page.locator('html')).toHaveAttribute(
				'lang',
				url === '/offline' ? 'nl' : locale
			);
			await expectAccessible(page);
		}
	}
});

test('writing is slowed down per account, kindly, and the text stays', async () => {
	const flat = await makeFlat('slow');
	const ans = await client(await joinAs(flat, 'Ans'));
	// Refused attempts do not count towards the limit: only posts that were saved do.
	for (let i = 0; i < 5; i++) {
		const refused = await post(ans, `/f/${flat.slug}/help/new`, {
			type: 'offer',
			category: 'lend',
			title: '',
			when: 'flexible'
		});
		expect(refused.status).toBe(400);
	}
	const statuses: number[] = [];
	for (let i = 0; i < 21; i++) {
		const res = await post(ans, `/f/${flat.slug}/help/new`, {
			type: 'offer',
			category: 'lend',
			title: `Ladder te leen ${i}`,
			when: 'flexible'
		});
		statuses.push(res.status);
		if (i === 20) {
			expect(res.html).toContain('Je schrijft nu veel achter elkaar.');
			expect(res.html).toContain('Ladder te leen 20');
		}
	}
	expect(statuses.filter((s) => s === 429)).toEqual([429]);
	// Another neighbour behind the same router is not held up.
	const kees = await client(await joinAs(flat, 'Kees'));
	const res = await post(kees, `/f/${flat.slug}/help/new`, {
		type: 'offer',
		category: 'lend',
		title: 'Boormachine te leen',
		when: 'flexible'
	});
	expect(res.status).toBe(200);
	await ans.dispose();
	await kees.dispose();
});

test('a made-up form action name is a bad request, not a server error', async () => {
	const visitor = await client();
	const res = await visitor.post('/login?/default', { form: { x: '1' } });
	expect(res.status()).toBe(400);
	await visitor.dispose();
});

test('every page says: no framing, no sniffing, no referrer elsewhere, no camera', async () => {
	const visitor = await client();
	for (const url of ['/', '/login', '/join']) {
		const res = await visitor.get(url);
		const h = res.headers();
		expect(h['x-frame-options'], url).toBe('DENY');
		expect(h['x-content-type-options'], url).toBe('nosniff');
		expect(h['referrer-policy'], url).toBe('same-origin');
		expect(h['permissions-policy'], url).toContain('camera=()');
		// Served over plain http here, so no HSTS: it would lock a LAN setup out of its own server.
		expect(h['strict-transport-security'], url).toBeUndefined();
	}
	await visitor.dispose();
});
