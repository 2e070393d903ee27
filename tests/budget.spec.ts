import { devices, expect, test } from '@playwright/test';
import { firstVisit, kb, routeBundle } from '../bench/first-visit';
import { BASE_URL, joinAs, makeFlat } from './helpers';

// A neighbour opens the board on an old phone over a weak connection: what it needs before it
// works must stay small. The board, calendar and welcome page render without hydration (one
// small script of our own), so the budget is what Chromium really transfers for a first visit
// of the board: HTML, JavaScript and CSS, compressed, headers included, at most 50 KB (KiB).
// The first test keeps the hydrated app's code (what a page with forms loads, and the board
// when opened from such a page) in view: Svelte, Kit and the language runtime are 31.6 KB of it.
// It was 53 KB until the board gained notices and lost & found (their words in three
// languages, 1.3 KB compressed) and the app a dozen pages more in its route table.
const BUDGET = 50 * 1024;
const HYDRATED_BUDGET = 55 * 1024;

test('the board as a hydrated page loads no more JavaScript and CSS than its budget', async () => {
	const bundle = await routeBundle('/f/[flat=flat]');
	const lines = bundle.files.map((f) => `  ${f.file}: ${kb(f.brotli)} (${kb(f.bytes)} raw)`);
	console.log(
		`Board, hydrated: ${kb(bundle.brotli)} brotli (${kb(bundle.bytes)} raw) of JS and CSS in ${bundle.files.length} files, budget ${kb(HYDRATED_BUDGET)}\n${lines.join('\n')}`
	);
	expect(
		bundle.brotli,
		`${kb(bundle.brotli)} is over the budget of ${kb(HYDRATED_BUDGET)}`
	).toBeLessThan(HYDRATED_BUDGET);
});

test('what a first visit of the board transfers', async ({ browser }) => {
	const flat = await makeFlat('budget');
	const state = await joinAs(flat, 'Nadia');
	const context = await browser.newContext({
		...devices['Pixel 7'],
		locale: 'nl-NL',
		storageState: state,
		// The worker's precache fetches the whole app in the background: not part of the visit.
		serviceWorkers: 'block'
	});
	const visit = await firstVisit(context, `${BASE_URL}/f/${flat.slug}`);
	await context.close();
	const types = Object.entries(visit.byType)
		.map(([type, bytes]) => `${type} ${kb(bytes)}`)
		.join(', ');
	console.log(
		`Board, first visit in Chromium: HTML+JS+CSS ${kb(visit.pageBytes)}, everything ${kb(visit.total)} in ${visit.requests} requests (${types}); asked for ${visit.accepted}, got ${visit.encodings.join(', ') || 'no compression'}`
	);
	expect(visit.byType.Document ?? 0).toBeGreaterThan(0);
	expect(visit.byType.Script ?? 0).toBeGreaterThan(0);
	expect(
		visit.pageBytes,
		`${kb(visit.pageBytes)} is over the budget of ${kb(BUDGET)}`
	).toBeLessThan(BUDGET);
});
