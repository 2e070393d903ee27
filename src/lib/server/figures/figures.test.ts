import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { DB } from '../db';
import {
	activities,
	activityChanges,
	activityRsvps,
	helpPosts,
	helpRecords,
	helpResponses,
	memberships,
	users
} from '../db/schema';
import { flatWithNeighbours, otherFlat } from '../../../../tests/unit/fixtures';
import * as figures from '.';
import { FEWER, type Counts, type Figures } from '.';

// Wednesday 15 July 2026, 12:00 in Amsterdam: the window runs from 16 January (local days).
const NOW = new Date('2026-07-15T10:00:00Z');
const ZONE = 'Europe/Amsterdam';
const HOUR = 60 * 60 * 1000;
const at = (iso: string) => new Date(iso);

type Flat = { id: number; timeZone: string };

function post(
	db: DB,
	flat: Flat,
	authorId: number,
	type: 'request' | 'offer',
	createdAt: Date,
	over: Partial<typeof helpPosts.$inferInsert> = {}
) {
	return db
		.insert(helpPosts)
		.values({
			flatId: flat.id,
			authorId,
			type,
			category: 'errands',
			title: 'Boodschappen',
			when: 'flexible',
			expiresAt: new Date(createdAt.getTime() + 14 * 24 * HOUR),
			createdAt,
			...over
		})
		.returning()
		.get().id;
}

const respond = (
	db: DB,
	postId: number,
	userId: number,
	createdAt: Date,
	status: 'waiting' | 'accepted' = 'waiting'
) => db.insert(helpResponses).values({ postId, userId, createdAt, status }).run();

const record = (
	db: DB,
	flat: Flat,
	giverId: number | null,
	receiverId: number | null,
	completedAt: Date,
	postId: number | null = null
) =>
	db
		.insert(helpRecords)
		.values({ flatId: flat.id, postId, giverId, receiverId, completedAt })
		.run();

const joinedAt = (db: DB, flat: Flat, userId: number, createdAt: Date) =>
	db.update(memberships).set({ createdAt }).where(eq(memberships.userId, userId)).run();

function stranger(db: DB, name: string) {
	return db.insert(users).values({ name, nameKey: name.toLowerCase() }).returning().get().id;
}

async function setup() {
	const made = await flatWithNeighbours(ZONE);
	// Everyone joined long ago unless a test says otherwise.
	for (const id of [made.ans, made.kees, made.mo])
		joinedAt(made.db, made.flat, id, at('2025-01-01T00:00:00Z'));
	return made;
}

const count = (db: DB, flat: Flat, now = NOW): Counts =>
	figures.counts(db, flat, figures.rollingWindow(now, flat.timeZone));

describe('the rolling window', () => {
	it('is six months of whole local days, the last ending today', () => {
		const w = figures.rollingWindow(NOW, ZONE);
		expect(w.today).toBe('2026-07-15');
		expect(w.slices).toEqual([
			{ start: '2026-01-16', end: '2026-02-15' },
			{ start: '2026-02-16', end: '2026-03-15' },
			{ start: '2026-03-16', end: '2026-04-15' },
			{ start: '2026-04-16', end: '2026-05-15' },
			{ start: '2026-05-16', end: '2026-06-15' },
			{ start: '2026-06-16', end: '2026-07-15' }
		]);
		// Midnight in Amsterdam: 23:00 UTC in winter, 22:00 UTC in summer.
		expect(w.bounds[0]).toBe(Date.parse('2026-01-15T23:00:00Z'));
		expect(w.bounds[5]).toBe(Date.parse('2026-06-15T22:00:00Z'));
		expect(w.to).toBe(NOW.getTime());
	});

	it('moves months by the calendar, a missing day becoming the month’s last', () => {
		expect(figures.addMonths('2026-08-31', -6)).toBe('2026-02-28');
		expect(figures.addMonths('2028-08-30', -6)).toBe('2028-02-29');
		expect(figures.addMonths('2026-03-15', -6)).toBe('2025-09-15');
		expect(figures.rollingWindow(at('2026-08-31T12:00:00Z'), 'UTC').slices[0]!.start).toBe(
			'2026-03-01'
		);
	});

	it('counts a row just inside and forgets one just outside', async () => {
		const { db, flat, ans } = await setup();
		const start = figures.rollingWindow(NOW, ZONE).bounds[0]!;
		post(db, flat, ans, 'request', new Date(start));
		post(db, flat, ans, 'request', new Date(start - 1));
		post(db, flat, ans, 'request', new Date(NOW.getTime() - 1));
		post(db, flat, ans, 'request', NOW);
		const c = count(db, flat);
		expect(c.requests.total).toBe(2);
		expect(c.requests.months).toEqual([1, 0, 0, 0, 0, 1]);
		// A month later the oldest one is forgotten.
		expect(count(db, flat, at('2026-08-15T10:00:00Z')).requests.total).toBe(2);
		expect(count(db, flat, at('2026-08-16T10:00:00Z')).requests.total).toBe(1 + 1);
		expect(count(db, flat, at('2026-08-16T10:00:00Z')).requests.months[0]).toBe(0);
	});
});

describe('each measure', () => {
	it('counts requests, those answered within two days, and those done', async () => {
		const { db, flat, ans, kees, mo } = await setup();
		const posted = at('2026-07-01T08:00:00Z');
		const quick = post(db, flat, ans, 'request', posted);
		respond(db, quick, kees, new Date(posted.getTime() + 48 * HOUR));
		respond(db, quick, mo, new Date(posted.getTime() + 72 * HOUR));
		const slow = post(db, flat, ans, 'request', posted, { status: 'done' });
		respond(db, slow, kees, new Date(posted.getTime() + 48 * HOUR + 1));
		// Done by its record of help, though the post was closed afterwards.
		const recorded = post(db, flat, mo, 'request', posted, { status: 'closed' });
		record(db, flat, kees, mo, at('2026-07-03T08:00:00Z'), recorded);
		// Accepted is not done yet; hidden by a verbinder counts nowhere.
		post(db, flat, mo, 'request', posted, { status: 'accepted' });
		const hidden = post(db, flat, mo, 'request', posted, { hidden: true, status: 'done' });
		respond(db, hidden, kees, posted);
		const c = count(db, flat);
		expect(c.requests.total).toBe(4);
		expect(c.answered.total).toBe(1);
		expect(c.done.total).toBe(2);
		expect(c.requests.months[5]).toBe(4);
		// Offers are not requests.
		expect(c.offersTaken.total).toBe(0);
	});

	it('counts offers someone took: accepted, or done', async () => {
		const { db, flat, ans, kees } = await setup();
		const posted = at('2026-03-20T08:00:00Z');
		post(db, flat, ans, 'offer', posted, { status: 'accepted' });
		post(db, flat, ans, 'offer', posted, { status: 'done_pending' });
		post(db, flat, ans, 'offer', posted, { status: 'done' });
		respond(
			db,
			post(db, flat, ans, 'offer', posted, { status: 'closed' }),
			kees,
			posted,
			'accepted'
		);
		respond(db, post(db, flat, ans, 'offer', posted), kees, posted);
		post(db, flat, ans, 'offer', posted, { status: 'closed' });
		const c = count(db, flat);
		expect(c.offersTaken.total).toBe(4);
		expect(c.offersTaken.months).toEqual([0, 0, 4, 0, 0, 0]);
		expect(c.requests.total).toBe(0);
	});

	it('counts activities held and the people who said they would come, guests too', async () => {
		const { db, flat, ans, kees, mo } = await setup();
		// Every Wednesday 10:00–11:00 from 3 June: 3, 10 (called off), 17, 24 June, 1, 8, 15 July.
		const weekly = db
			.insert(activities)
			.values({
				flatId: flat.id,
				title: 'Koffie',
				place: 'Buurtkamer',
				startDate: '2026-06-03',
				startTime: '10:00',
				endTime: '11:00',
				recurrence: 'weekly'
			})
			.returning()
			.get().id;
		db.insert(activityChanges)
			.values({ activityId: weekly, occurrence: '2026-06-10', cancelled: true })
			.run();
		// Today at 13:00 has not happened yet; a proposed one never did.
		for (const [startTime, status] of [
			['13:00', 'published'],
			['09:00', 'proposed']
		] as const)
			db.insert(activities)
				.values({
					flatId: flat.id,
					title: 'Later',
					place: 'Buurtkamer',
					startDate: '2026-07-15',
					startTime,
					endTime: '14:00',
					status
				})
				.run();
		const rsvp = (
			occurrence: string,
			userId: number,
			over: Partial<typeof activityRsvps.$inferInsert> = {}
		) =>
			db
				.insert(activityRsvps)
				.values({ activityId: weekly, occurrence, userId, kind: 'coming', ...over })
				.run();
		rsvp('2026-06-17', ans, { guests: 2 });
		rsvp('2026-06-17', kees);
		rsvp('2026-06-17', mo, { kind: 'helping' });
		rsvp('2026-06-24', mo, { waiting: true });
		rsvp('2026-06-10', ans);
		rsvp('2026-07-15', kees);
		// 24 June moved to tomorrow: not held yet; 22 July moved to yesterday: held.
		db.insert(activityChanges)
			.values([
				{ activityId: weekly, occurrence: '2026-06-24', date: '2026-07-16' },
				{ activityId: weekly, occurrence: '2026-07-22', date: '2026-07-14' }
			])
			.run();
		rsvp('2026-07-22', mo);
		const c = count(db, flat);
		expect(c.held.months).toEqual([0, 0, 0, 0, 1, 5]);
		expect(c.held.total).toBe(6);
		expect(c.attending.months).toEqual([0, 0, 0, 0, 0, 6]);
		expect(c.attending.total).toBe(6);
		// The admin's totals read the rules their own way, to the same counts.
		expect(await figures.exactTotals(db, NOW)).toMatchObject({ held: 6, attending: 6 });
		// Paused from 1 July: only 3 and 17 June were held.
		db.update(activities).set({ pausedFrom: '2026-07-01' }).where(eq(activities.id, weekly)).run();
		expect(count(db, flat).held.total).toBe(2);
		expect(await figures.exactTotals(db, NOW)).toMatchObject({ held: 2, attending: 4 });
	});

	it('counts members who joined in the window and were let in', async () => {
		const { db, flat, ans, kees, mo } = await setup();
		joinedAt(db, flat, ans, at('2026-07-14T10:00:00Z'));
		joinedAt(db, flat, kees, at('2026-02-01T10:00:00Z'));
		joinedAt(db, flat, mo, at('2026-03-01T10:00:00Z'));
		db.update(memberships).set({ status: 'pending' }).where(eq(memberships.userId, mo)).run();
		const c = count(db, flat);
		expect(c.newMembers.months).toEqual([1, 0, 0, 0, 0, 1]);
		expect(c.newMembers.total).toBe(2);
	});

	it('counts neighbours who both gave and received: per month, and once in the total', async () => {
		const { db, flat, ans, kees, mo } = await setup();
		record(db, flat, ans, kees, at('2026-07-01T10:00:00Z'));
		record(db, flat, kees, ans, at('2026-07-02T10:00:00Z'));
		record(db, flat, kees, ans, at('2026-07-03T10:00:00Z'));
		// Mo gave in March and received in April: in the total, in neither month.
		record(db, flat, mo, null, at('2026-03-20T10:00:00Z'));
		record(db, flat, null, mo, at('2026-04-20T10:00:00Z'));
		// Before the window it is forgotten.
		record(db, flat, kees, mo, at('2025-12-20T10:00:00Z'));
		const c = count(db, flat);
		expect(c.gaveAndReceived.months).toEqual([0, 0, 0, 0, 0, 2]);
		expect(c.gaveAndReceived.total).toBe(3);
	});

	it('never counts another flat’s rows', async () => {
		const { db, flat, ans } = await setup();
		const other = otherFlat(db, ZONE);
		const zed = stranger(db, 'Zed');
		const posted = at('2026-07-01T08:00:00Z');
		db.insert(memberships).values({ flatId: other.id, userId: zed, createdAt: posted }).run();
		for (const type of ['request', 'offer'] as const)
			respond(db, post(db, other, zed, type, posted, { status: 'done' }), ans, posted, 'accepted');
		record(db, other, zed, zed, posted);
		db.insert(activities)
			.values({
				flatId: other.id,
				title: 'X',
				place: 'Hal',
				startDate: '2026-07-01',
				startTime: '10:00',
				endTime: '11:00'
			})
			.run();
		const c = count(db, flat);
		for (const key of figures.MEASURES) expect(c[key].total, key).toBe(0);
		expect(count(db, other).requests.total).toBe(1);
		expect(count(db, other).newMembers.total).toBe(1);
		expect(count(db, other).held.total).toBe(1);
	});
});

describe('fewer than 3', () => {
	it('shows 0, 1 and 2 as the marker and 3 as 3', () => {
		expect([0, 1, 2, 3, 4].map(figures.shown)).toEqual([FEWER, FEWER, FEWER, 3, 4]);
	});

	/** Every number anywhere in what the page gets. */
	const numbers = (value: unknown): number[] =>
		typeof value === 'number'
			? [value]
			: value && typeof value === 'object'
				? Object.values(value).flatMap(numbers)
				: [];

	it('lets no exact small count or name out to the page', async () => {
		const { db, flat, ans, kees, mo } = await setup();
		const posted = at('2026-07-01T08:00:00Z');
		for (let i = 0; i < 4; i++) post(db, flat, ans, 'request', posted);
		post(db, flat, kees, 'request', at('2026-05-01T08:00:00Z'));
		record(db, flat, mo, kees, posted);
		const shown = figures.forFlat(db, flat, NOW);
		const requests = shown.measures.find((m) => m.key === 'requests')!;
		expect(requests.months).toEqual([FEWER, FEWER, FEWER, FEWER, FEWER, 4]);
		expect(requests.total).toBe(5);
		expect(numbers(shown.measures).every((n) => n >= 3)).toBe(true);
		expect(JSON.stringify(shown)).not.toMatch(/Ans|Kees|Mo\b/);
	});
});

describe('the chart', () => {
	it('draws the oldest month first in the reading direction, "<3" as tall as 3', () => {
		const ltr = figures.bars([FEWER, 6, 3, 0 as never, 12, FEWER], false);
		const rtl = figures.bars([FEWER, 6, 3, 0 as never, 12, FEWER], true);
		expect(ltr[0]!.x).toBeLessThan(ltr[1]!.x);
		expect(rtl[0]!.x).toBeGreaterThan(rtl[1]!.x);
		expect(rtl[0]!.x).toBe(ltr[5]!.x);
		expect(ltr[0]).toMatchObject({ fewer: true, value: '<3', height: ltr[2]!.height });
		expect(ltr[4]!.height).toBe(2 * ltr[1]!.height);
		expect(ltr[4]!.y + ltr[4]!.height).toBe(ltr[1]!.y + ltr[1]!.height);
	});
});

describe('the CSV', () => {
	it('is UTF-8 with a byte order mark, a header row, a row per month and the total', () => {
		const shown: Figures = {
			slices: [
				{ start: '2026-01-16', end: '2026-02-15' },
				{ start: '2026-02-16', end: '2026-03-15' }
			],
			measures: figures.MEASURES.map((key, i) => ({
				key,
				total: i === 0 ? 7 : FEWER,
				months: [i === 0 ? 4 : FEWER, i === 0 ? 3 : FEWER]
			}))
		};
		const text = figures.csv(shown, {
			month: 'Maand',
			total: 'Totaal',
			measures: Object.fromEntries(
				figures.MEASURES.map((key) => [key, key === 'done' ? 'Klaar; echt "af"' : key])
			) as Record<figures.Measure, string>,
			slice: (s) => `${s.start} – ${s.end}`
		});
		expect(text).toBe(
			'\uFEFF' +
				'Maand;requests;answered;"Klaar; echt ""af""";offersTaken;held;attending;newMembers;gaveAndReceived\r\n' +
				'2026-01-16 – 2026-02-15;4;<3;<3;<3;<3;<3;<3;<3\r\n' +
				'2026-02-16 – 2026-03-15;3;<3;<3;<3;<3;<3;<3;<3\r\n' +
				'Totaal;7;<3;<3;<3;<3;<3;<3;<3\r\n'
		);
	});
});

describe('the totals over all flats', () => {
	it('add up every flat, forget what is older, and show small totals as the marker', async () => {
		const { db, flat, ans, kees } = await setup();
		const other = otherFlat(db, 'UTC');
		const zed = stranger(db, 'Zed');
		db.insert(memberships)
			.values({ flatId: other.id, userId: zed, createdAt: at('2026-07-01T00:00:00Z') })
			.run();
		const posted = at('2026-07-01T08:00:00Z');
		post(db, flat, ans, 'request', posted);
		post(db, flat, ans, 'request', posted, { status: 'done' });
		post(db, other, zed, 'request', posted);
		post(db, other, zed, 'request', at('2025-12-01T08:00:00Z'));
		record(db, flat, ans, kees, posted);
		record(db, flat, kees, ans, posted);
		record(db, other, zed, zed, posted);
		const exact = await figures.exactTotals(db, NOW);
		expect(exact).toMatchObject({ requests: 3, done: 1, newMembers: 1, gaveAndReceived: 3 });
		// Counted a flat at a time (breaks between batches), the sums are the same.
		expect(await figures.exactTotals(db, NOW, 1)).toEqual(exact);
		const totals = await figures.totals(db, NOW);
		expect(totals.find((t) => t.key === 'requests')!.total).toBe(3);
		expect(totals.find((t) => t.key === 'done')!.total).toBe(FEWER);
		expect(totals.map((t) => t.key)).toEqual([...figures.MEASURES]);
	});
});
