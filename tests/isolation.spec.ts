import { expect, test } from '@playwright/test';
import { client, joinAs, makeFlat, post, type TestFlat } from './helpers';
import { actionUrl, flatRoutes } from './routes';

const routes = flatRoutes();

/** What must never show up in a response to an outsider. */
function secretsOf(flat: TestFlat): string[] {
	return [flat.name, flat.joinCode, flat.joinCode.replaceAll('-', ''), 'Geheime kattenvraag'];
}

test('the route tree is read: the flat pages and their actions are all there', () => {
	const paths = routes.map((r) => r.path);
	expect(paths).toEqual(
		expect.arrayContaining([
			'',
			'/members',
			'/join-code',
			'/waiting',
			'/help/new',
			'/help/1',
			'/help/1/edit'
		])
	);
	expect(routes.find((r) => r.path === '/help/1')?.actions).toEqual(
		expect.arrayContaining([
			'respond',
			'accept',
			'message',
			'done',
			'confirm',
			'thank',
			'withdraw',
			'extend'
		])
	);
	expect(routes.find((r) => r.path === '/members')?.actions).toEqual(
		expect.arrayContaining(['approve', 'refuse', 'remove', 'role', 'loginCode'])
	);
});

test('a member of flat A gets 404 on every page and action of flat B, and B is unchanged', async () => {
	const a = await makeFlat('iso-a');
	const b = await makeFlat('iso-b');
	const resident = await joinAs(a, 'Samira');
	await joinAs(b, 'Kees');
	const verbinderB = await client(b.verbinder.state);
	const postInB = await post(verbinderB, `/f/${b.slug}/help/new`, {
		type: 'request',
		category: 'pets',
		title: 'Geheime kattenvraag in B',
		when: 'flexible'
	});
	const postId = postInB.url.match(/\/help\/(\d+)$/)?.[1];
	expect(postId).toBeTruthy();
	// A notice and a date poll of B too, so their pages are tried with ids that exist.
	const date = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
	const today = new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/Amsterdam' });
	const notice = await post(verbinderB, `/f/${b.slug}/notices/new`, {
		kind: 'other',
		validFrom: today,
		validUntil: date,
		title_nl: 'Geheime kattenvraag: een bericht'
	});
	const noticeId = notice.url.match(/\/notices\/(\d+)$/)?.[1];
	const poll = await post(verbinderB, `/f/${b.slug}/calendar/poll/new`, {
		title: 'Geheime kattenvraag: welke dag?',
		place: 'Buurtkamer',
		date1: date,
		start1: '12:00',
		end1: '13:00',
		date2: date,
		start2: '18:00',
		end2: '19:00'
	});
	const pollId = poll.url.match(/\/calendar\/poll\/(\d+)$/)?.[1];
	expect(noticeId && pollId).toBeTruthy();
	const routes = flatRoutes({
		id: postId!,
		'/notices/[id=id]': noticeId!,
		'/calendar/poll/[id=id]': pollId!
	});
	expect(routes.map((r) => r.path)).toContain(`/help/${postId}`);
	expect(routes.map((r) => r.path)).toEqual(
		expect.arrayContaining([`/notices/${noticeId}`, `/calendar/poll/${pollId}`])
	);
	const before = await (await verbinderB.get(`/f/${b.slug}/members`)).text();

	for (const state of [resident, a.verbinder.state]) {
		const outsider = await client(state);
		for (const route of routes) {
			const url = `/f/${b.slug}${route.path}`;
			const page = await outsider.get(url, { maxRedirects: 0 });
			expect(page.status(), url).toBe(404);
			const body = await page.text();
			for (const secret of secretsOf(b)) expect(body, url).not.toContain(secret);
			// Kit answers data requests with 200 and the error inside.
			const data = await (await outsider.get(`${url}/__data.json`, { maxRedirects: 0 })).text();
			expect(data, `${url}/__data.json`).toContain('"status":404');
			for (const secret of secretsOf(b)) expect(data, url).not.toContain(secret);
			for (const action of route.actions) {
				const res = await post(outsider, actionUrl(url, action), {
					membershipId: '1',
					role: 'verbinder',
					joinMode: 'approval'
				});
				expect(res.status, `${url}?/${action}`).toBe(404);
				for (const secret of secretsOf(b)) expect(res.html).not.toContain(secret);
			}
		}
		// Downloads are no pages: the route walk does not see them, so they are named here.
		for (const download of ['/figures/csv', '/calendar.ics']) {
			const res = await outsider.get(`/f/${b.slug}${download}`, { maxRedirects: 0 });
			expect(res.status(), download).toBe(404);
			for (const secret of secretsOf(b)) expect(await res.text()).not.toContain(secret);
		}
		await outsider.dispose();
	}
	const after = await (await verbinderB.get(`/f/${b.slug}/members`)).text();
	const main = (html: string) => html.slice(html.indexOf('<main'), html.indexOf('</main>'));
	expect(main(after)).toBe(main(before));
	expect(main(after)).toContain('data-member="Kees"');
	const poster = await (await verbinderB.get(`/f/${b.slug}/join-code`)).text();
	expect(poster).toContain(b.joinCode);
	expect(poster).toContain('value="open" checked');
	await verbinderB.dispose();
});

test('a visitor is sent to log in, whether the flat exists or not', async () => {
	const b = await makeFlat('iso-visit');
	const visitor = await client();
	for (const slug of [b.slug, 'no-such-flat']) {
		for (const route of routes) {
			const url = `/f/${slug}${route.path}`;
			const res = await visitor.get(url, { maxRedirects: 0 });
			expect(res.status(), url).toBe(303);
			expect(res.headers().location).toBe(`/login?redirectTo=${encodeURIComponent(url)}`);
			for (const action of route.actions) {
				const act = await visitor.post(actionUrl(url, action), {
					form: { membershipId: '1' },
					maxRedirects: 0
				});
				expect(act.status(), `${url}?/${action}`).toBe(303);
			}
		}
	}
	await visitor.dispose();
});

test('residents and professionals are refused what only verbinders may do', async () => {
	const flat = await makeFlat('roles');
	const residentState = await joinAs(flat, 'Ans');
	const proState = await joinAs(flat, 'Joost');
	// The verbinder makes Joost a professional through the members page.
	const verbinder = await client(flat.verbinder.state);
	const members = await (await verbinder.get(`/f/${flat.slug}/members`)).text();
	const joost = members.match(/data-member="Joost"[\s\S]*?name="membershipId" value="(\d+)"/)?.[1];
	expect(joost).toBeTruthy();
	const made = await post(verbinder, `/f/${flat.slug}/members?/role`, {
		membershipId: joost!,
		role: 'professional'
	});
	expect(made.status).toBe(200);

	for (const state of [residentState, proState]) {
		const member = await client(state);
		expect((await member.get(`/f/${flat.slug}`)).status()).toBe(200);
		for (const route of routes.filter((r) =>
			[
				'/members',
				'/join-code',
				'/reports',
				'/calendar/settings',
				'/poster',
				// Residents read the welcome page and the map; they do not edit them.
				...(state === residentState
					? ['/welcome/edit', '/welcome/sheet', '/map/new', '/map/1/edit']
					: [])
			].includes(r.path)
		)) {
			const url = `/f/${flat.slug}${route.path}`;
			expect((await member.get(url)).status(), url).toBe(403);
			for (const action of route.actions) {
				const res = await post(member, actionUrl(url, action), {
					membershipId: joost!,
					role: 'verbinder',
					joinMode: 'approval',
					places: 'Kelder',
					residentActivities: 'publish'
				});
				expect(res.status, `${url}?/${action}`).toBe(403);
			}
		}
		await member.dispose();
	}
	const after = await (await verbinder.get(`/f/${flat.slug}/join-code`)).text();
	expect(after).toContain(flat.joinCode);
	const settings = await (await verbinder.get(`/f/${flat.slug}/calendar/settings`)).text();
	expect(settings).not.toContain('Kelder');
	expect(settings).toContain('value="propose" checked');
	await verbinder.dispose();
});
