import { expect, test, type APIRequestContext } from '@playwright/test';
import fc from 'fast-check';
import { client, joinAs, makeFlat, post, type TestFlat } from './helpers';
import { actionUrl, flatRoutes, type FlatRoute } from './routes';

/** Every field name a form under /f/[flat] sends, so random bodies hit the real parsers. */
const FIELDS = [
	'title',
	'description',
	'type',
	'category',
	'when',
	'startDate',
	'endDate',
	'message',
	'messageId',
	'body',
	'note',
	'reason',
	'responseId',
	'membershipId',
	'reportId',
	'outcome',
	'userId',
	'holderId',
	'keyId',
	'key',
	'role',
	'joinMode',
	'places',
	'residentActivities',
	'place',
	'startTime',
	'endTime',
	'recurrence',
	'ends',
	'untilDate',
	'count',
	'capacity',
	'helpersWanted',
	'guests',
	'people',
	'plus',
	'kind',
	'date',
	'lastDate',
	'name',
	'phone',
	'website',
	'address',
	'helpsWith',
	'afterHours',
	'step',
	'locale',
	'quiet',
	'quietStart',
	'quietEnd',
	'id',
	'lang',
	'confirm',
	'confirmed',
	'anonymous',
	'onBehalfOf',
	'talents',
	'tags',
	'languages',
	'notifyMatches',
	'showBalance',
	'direction',
	'token'
] as const;

const NASTY = [
	'',
	' ',
	'\u0000',
	'a\u0000b',
	'\u202e\u200f',
	'\u202eevil\u200f',
	'😀👨‍👩‍👧‍👦🏳️‍🌈',
	"' OR 1=1 --",
	'); DROP TABLE flats; --',
	'<script>alert(1)</script>',
	'"><img src=x onerror=alert(1)>',
	'-1',
	'0',
	'1e309',
	'NaN',
	'Infinity',
	'99999999999999999999',
	'1.5',
	'0x10',
	'2027-02-30',
	'0000-00-00',
	'9999-12-31',
	'24:00',
	'10:60',
	'on',
	'true',
	'offer',
	'request',
	'pets',
	'weekly',
	'verbinder',
	'nl',
	'\r\n\r\n',
	'%00',
	'__proto__',
	'constructor'
];

const value = fc.oneof(
	fc.string({ unit: 'grapheme' }),
	fc.string({ unit: 'binary' }),
	fc.string({ minLength: 2000, maxLength: 5000 }),
	fc.constantFrom(...NASTY),
	fc.integer().map(String),
	fc.double().map(String)
);

/** A body as pairs, so a field can come twice (talents, places are lists). */
const pairs = fc.oneof(
	fc.array(fc.tuple(fc.constantFrom(...FIELDS), value), { maxLength: 12 }),
	fc
		.record(
			Object.fromEntries(FIELDS.map((f) => [f, value])) as Record<string, fc.Arbitrary<string>>,
			{
				requiredKeys: []
			}
		)
		.map((r) => Object.entries(r).filter((e): e is [string, string] => typeof e[1] === 'string'))
);

/** Sometimes not a well-formed form body at all: broken escapes, bare bytes. */
const body = fc.oneof(
	{ weight: 9, arbitrary: pairs.map((p) => new URLSearchParams(p).toString()) },
	{ weight: 1, arbitrary: fc.constantFrom('%', '%E0%A4%A', '%FF%FE=%C0%80', '&&&==&', 'a=%uD800') }
);

/** Actions that would end the very session or access the fuzz runs under. */
const SKIP: Record<string, string[]> = {
	'/join-code': ['rotate'],
	'/members': ['remove', 'role']
};
const SKIP_ANYWHERE = ['logout', 'delete', 'rotate'];
/** Actions that close or remove the thing the others act on: they run last. */
const LAST = ['withdraw', 'end', 'remove', 'cancel', 'block', 'pause', 'decline', 'refuse'];

function ahead(days: number): string {
	return new Date(Date.now() + days * 86_400_000).toLocaleDateString('en-CA', {
		timeZone: 'Europe/Amsterdam'
	});
}

type Target = { url: string; action: string };

/** A post, an activity and a map place, so /help/[id=id], /calendar/[id=id] and /map/[id=id] are real. */
async function seed(flat: TestFlat): Promise<{ routes: FlatRoute[]; targets: Target[] }> {
	const ctx = await client(flat.verbinder.state);
	const help = await post(ctx, `/f/${flat.slug}/help/new`, {
		type: 'request',
		category: 'pets',
		title: 'Wie laat de kat uit?',
		when: 'flexible'
	});
	const postId = help.url.match(/\/help\/(\d+)$/)?.[1];
	const date = ahead(3);
	const activity = await post(ctx, `/f/${flat.slug}/calendar/new`, {
		title: 'Koffie in de Buurtkamer',
		place: 'Buurtkamer',
		startDate: date,
		startTime: '10:00',
		endTime: '11:00',
		recurrence: 'weekly'
	});
	const activityId = activity.url.match(/\/calendar\/(\d+)$/)?.[1];
	const place = await post(ctx, `/f/${flat.slug}/map/new`, {
		category: 'neighbourhood_team',
		name: 'Buurtteam'
	});
	const placeId = place.url.match(/entry[-=](\d+)/)?.[1];
	await ctx.dispose();
	expect([postId, activityId, placeId], `${help.url} ${activity.url} ${place.url}`).toEqual([
		expect.any(String),
		expect.any(String),
		expect.any(String)
	]);
	// The id parameter is shared; take each area's routes from its own filled-in tree.
	const byArea = (id: string, area: string) =>
		flatRoutes({ id: id, date }).filter((r) => r.path.startsWith(`/${area}/${id}`));
	const routes = [
		...flatRoutes({ id: '0', date }).filter((r) => !/^\/(help|calendar|map)\/0(\/|$)/.test(r.path)),
		...byArea(postId!, 'help'),
		...byArea(activityId!, 'calendar'),
		...byArea(placeId!, 'map')
	];
	const targets = routes
		.flatMap((r) =>
			r.actions
				.filter((a) => !SKIP_ANYWHERE.includes(a) && !SKIP[r.path]?.includes(a))
				.map((action) => ({ url: `/f/${flat.slug}${r.path}`, action }))
		)
		.sort((a, b) => Number(LAST.includes(a.action)) - Number(LAST.includes(b.action)));
	return { routes, targets };
}

async function send(ctx: APIRequestContext, url: string, data: string) {
	const res = await ctx.post(url, {
		data,
		headers: { 'content-type': 'application/x-www-form-urlencoded' }
	});
	return res.status();
}

const RUNS = 15;

async function fuzzAs(state: string, flat: TestFlat, routes: FlatRoute[], targets: Target[]) {
	const ctx = await client(state);
	for (const { url, action } of targets) {
		const target = actionUrl(url, action);
		await fc.assert(
			fc.asyncProperty(body, async (data) => {
				const status = await send(ctx, target, data);
				expect(status, `POST ${target} ${JSON.stringify(data).slice(0, 400)}`).toBeLessThan(500);
			}),
			{ numRuns: RUNS }
		);
	}
	// Whatever got stored must still render.
	for (const route of routes) {
		const url = `/f/${flat.slug}${route.path}`;
		const res = await ctx.get(url, { maxRedirects: 0 });
		expect(res.status(), `GET ${url} after fuzzing`).toBeLessThan(500);
	}
	// The session survived, so the fuzz really ran logged in.
	const board = await ctx.get(`/f/${flat.slug}`, { maxRedirects: 0 });
	expect(board.status()).toBe(200);
	await ctx.dispose();
}

test.describe('fuzzing every form action under /f/[flat]', () => {
	test.describe.configure({ timeout: 120_000 });

	test('as the verbinder: random bodies never cause a 5xx', async () => {
		const flat = await makeFlat('fuzz-v');
		await joinAs(flat, 'Samira');
		const { routes, targets } = await seed(flat);
		expect(targets.length).toBeGreaterThan(30);
		await fuzzAs(flat.verbinder.state, flat, routes, targets);
	});

	test('as a resident: random bodies never cause a 5xx', async () => {
		const flat = await makeFlat('fuzz-r');
		const resident = await joinAs(flat, 'Kees');
		const { routes, targets } = await seed(flat);
		await fuzzAs(resident, flat, routes, targets);
	});
});

const mainOf = (html: string) => html.match(/<main[\s\S]*<\/main>/)?.[0] ?? '';

test('a help post refused for bad input is a 400 and leaves the flat unchanged', async () => {
	const flat = await makeFlat('fuzz-db');
	await joinAs(flat, 'Noor');
	const ctx = await client(flat.verbinder.state);
	const pages = [`/f/${flat.slug}`, `/f/${flat.slug}/members`, `/f/${flat.slug}/calendar`];
	const snapshot = async () =>
		Promise.all(pages.map(async (p) => mainOf(await (await ctx.get(p)).text())));
	const before = await snapshot();
	expect(before.every((m) => m.length > 0)).toBe(true);

	const invalid = fc.record({
		type: fc
			.oneof(value, fc.constantFrom('Offer', 'REQUEST', 'aanbod', 'offer\u0000'))
			.filter((t) => t !== 'offer' && t !== 'request'),
		category: fc.oneof(fc.constant('pets'), value),
		title: fc.oneof(fc.constant('Wie helpt met de kat?'), value),
		description: value,
		when: fc.oneof(fc.constant('flexible'), value)
	});
	await fc.assert(
		fc.asyncProperty(invalid, async (form) => {
			const res = await post(ctx, `/f/${flat.slug}/help/new`, form);
			expect(res.status, JSON.stringify(form).slice(0, 400)).toBe(400);
		}),
		// Refused attempts count towards the 20 posts an hour, so stay below that.
		{ numRuns: 18 }
	);
	expect(await snapshot()).toEqual(before);
	await ctx.dispose();
});
