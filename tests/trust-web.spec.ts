import { test as base, expect, type APIResponse } from '@playwright/test';
import { client, joinAs, makeFlat, PASSWORD, type TestFlat } from './helpers';

// What the web sees of a logged-in member: where redirects lead and what caches may keep.
// Plain requests, no browser: nothing here needs a page rendered.
const test = base.extend<object, { member: { flat: TestFlat; name: string; state: string } }>({
	member: [
		// Playwright reads what a fixture needs from this pattern; this one needs nothing.
		// eslint-disable-next-line no-empty-pattern
		async ({}, use) => {
			const flat = await makeFlat('trust');
			const name = 'Noor';
			await use({ flat, name, state: await joinAs(flat, name) });
		},
		{ scope: 'worker' }
	]
});

// A redirect target typed by hand: a Location header cannot carry the ideographic space.
const UNCARRIABLE = '/\u3000x';

async function redirectOf(response: Promise<APIResponse>) {
	const res = await response;
	return { status: res.status(), location: res.headers()['location'] };
}

test('a redirect target a header cannot carry leads to the default page, not a 500', async ({
	member
}) => {
	const ctx = await client(member.state);
	expect(
		await redirectOf(
			ctx.get(`/login?redirectTo=${encodeURIComponent(UNCARRIABLE)}`, { maxRedirects: 0 })
		)
	).toEqual({ status: 303, location: '/' });
	expect(
		await redirectOf(
			ctx.post('/language', { form: { locale: 'nl', redirectTo: UNCARRIABLE }, maxRedirects: 0 })
		)
	).toEqual({ status: 303, location: '/' });
	await ctx.dispose();

	// Logged out: the language switch, and the login that follows the link.
	const visitor = await client();
	expect(
		await redirectOf(
			visitor.post('/language', {
				form: { locale: 'nl', redirectTo: UNCARRIABLE },
				maxRedirects: 0
			})
		)
	).toEqual({ status: 303, location: '/' });
	const login = await visitor.get(`/login?redirectTo=${encodeURIComponent(UNCARRIABLE)}`);
	expect(login.status()).toBe(200);
	expect(
		await redirectOf(
			visitor.post('/login', {
				form: {
					flat: member.flat.slug,
					name: member.name,
					password: PASSWORD,
					redirectTo: UNCARRIABLE
				},
				maxRedirects: 0
			})
		)
	).toEqual({ status: 303, location: `/f/${member.flat.slug}` });
	await visitor.dispose();
});

test('a logged-in member’s pages are private to shared caches; a visitor’s are as before', async ({
	member
}) => {
	const ctx = await client(member.state);
	const board = await ctx.get(`/f/${member.flat.slug}`, { maxRedirects: 0 });
	expect(board.status()).toBe(200);
	// `no-cache`, not `no-store`: the browser may keep it (back button, reading offline), and
	// asks again before showing it; the ETag stays for that.
	expect(board.headers()['cache-control']).toBe('private, no-cache');
	expect(board.headers()['etag']).toBeTruthy();
	// The account's own pages outside a flat too.
	const settings = await ctx.get('/settings', { maxRedirects: 0 });
	expect(settings.headers()['cache-control']).toMatch(/\bprivate\b/);
	await ctx.dispose();

	// Nothing about a visitor is in the login page: it keeps the headers it had.
	const visitor = await client();
	const login = await visitor.get('/login');
	expect(login.status()).toBe(200);
	expect(login.headers()['cache-control'] ?? '').not.toMatch(/\bprivate\b/);
	await visitor.dispose();
});
