import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { flatWithNeighbours, otherFlat, request } from '../../../../tests/unit/fixtures';
import * as calendar from '../calendar';
import type { DB } from '../db';
import {
	flats,
	helpPosts,
	memberships,
	notifications,
	pushOutbox,
	pushSubscriptions,
	summaryRounds,
	users,
	type Role
} from '../db/schema';
import * as help from '../help';
import * as members from '../members';
import * as notices from '../notices';
import * as notify from '../notify';
import { round } from '../clock';
import * as summary from '.';

const at = (iso: string) => new Date(iso);
const amsterdam = { timeZone: 'Europe/Amsterdam', summaryDay: 0, summaryTime: '18:00' };

describe('when the summary is due', () => {
	it('is the last Sunday 18:00 in the flat, DST-correct', () => {
		const due = (now: string, flat = amsterdam) => summary.dueAt(flat, at(now)).toISOString();
		// A winter week: 18:00 in Amsterdam is 17:00 UTC.
		expect(due('2027-01-13T12:00:00Z')).toBe('2027-01-10T17:00:00.000Z');
		expect(due('2027-01-10T17:00:00Z')).toBe('2027-01-10T17:00:00.000Z');
		expect(due('2027-01-10T16:59:59Z')).toBe('2027-01-03T17:00:00.000Z');
		// The Sunday summer time starts (28 March 2027): 18:00 is 16:00 UTC.
		expect(due('2027-03-28T16:00:00Z')).toBe('2027-03-28T16:00:00.000Z');
		expect(due('2027-03-28T15:59:00Z')).toBe('2027-03-21T17:00:00.000Z');
		// The Sunday it ends (31 October 2027): 17:00 UTC again, a week after 16:00 UTC.
		expect(due('2027-10-31T16:30:00Z')).toBe('2027-10-24T16:00:00.000Z');
		expect(due('2027-10-31T17:00:00Z')).toBe('2027-10-31T17:00:00.000Z');
		expect(summary.previousDue(amsterdam, at('2027-03-28T16:00:00Z')).toISOString()).toBe(
			'2027-03-21T17:00:00.000Z'
		);
	});

	it('follows the flat’s own zone, day and time', () => {
		const newYork = { timeZone: 'America/New_York', summaryDay: 0, summaryTime: '18:00' };
		expect(summary.dueAt(newYork, at('2027-01-11T12:00:00Z')).toISOString()).toBe(
			'2027-01-10T23:00:00.000Z'
		);
		// Sunday 18:00 in Tokyo is still Sunday morning in UTC.
		const tokyo = { timeZone: 'Asia/Tokyo', summaryDay: 0, summaryTime: '18:00' };
		expect(summary.dueAt(tokyo, at('2027-01-10T08:59:00Z')).toISOString()).toBe(
			'2027-01-03T09:00:00.000Z'
		);
		expect(summary.dueAt(tokyo, at('2027-01-10T09:00:00Z')).toISOString()).toBe(
			'2027-01-10T09:00:00.000Z'
		);
		// Wednesday 09:30 in Amsterdam.
		const wednesday = { ...amsterdam, summaryDay: 3, summaryTime: '09:30' };
		expect(summary.dueAt(wednesday, at('2027-01-13T08:00:00Z')).toISOString()).toBe(
			'2027-01-06T08:30:00.000Z'
		);
		expect(summary.dueAt(wednesday, at('2027-01-13T08:30:00Z')).toISOString()).toBe(
			'2027-01-13T08:30:00.000Z'
		);
	});

	it('is sent within 12 hours, and never for a moment before the flat began', () => {
		const flat = { createdAt: at('2027-01-05T00:00:00Z') };
		const due = at('2027-01-10T17:00:00Z');
		expect(summary.inTime(flat, due, at('2027-01-11T04:59:00Z'))).toBe(true);
		expect(summary.inTime(flat, due, at('2027-01-11T05:00:00Z'))).toBe(false);
		expect(summary.inTime({ createdAt: at('2027-01-10T18:00:00Z') }, due, due)).toBe(false);
	});
});

/** A flat in Amsterdam that began before 2027, with three neighbours: Ans a verbinder. */
async function setup() {
	const base = await flatWithNeighbours('Europe/Amsterdam');
	const { db, flat, ans } = base;
	db.update(flats)
		.set({ createdAt: at('2026-12-01T00:00:00Z') })
		.where(eq(flats.id, flat.id))
		.run();
	members.setRole(db, flat.id, members.membership(db, flat.id, ans)!.id, 'verbinder');
	return base;
}

const setRole = (db: DB, flatId: number, userId: number, role: Role) =>
	db
		.update(memberships)
		.set({ role })
		.where(and(eq(memberships.flatId, flatId), eq(memberships.userId, userId)))
		.run();

const summaries = (db: DB) =>
	db
		.select({ userId: notifications.userId, params: notifications.params })
		.from(notifications)
		.where(eq(notifications.type, 'weekly_summary'))
		.all()
		.sort((a, b) => a.userId - b.userId);

const rounds = (db: DB) => db.select().from(summaryRounds).all();

const post = (
	db: DB,
	flat: { id: number } & Parameters<typeof help.create>[1],
	userId: number,
	title: string,
	when: string,
	over = {}
) => help.create(db, flat, { userId, role: 'resident' }, request(title, over), at(when));

// Sunday 10 January 2027, 18:00 in Amsterdam; the week before began on 3 January at 17:00 UTC.
const DUE = '2027-01-10T17:00:00Z';
const AFTER = '2027-01-10T17:05:00Z';

describe('what the summary holds', () => {
	it('lists the open requests and offers posted since the last one, "a neighbour" for anonymous ones', async () => {
		const { db, flat, ans, kees, mo } = await setup();
		post(db, flat, kees, 'Too old', '2027-01-02T12:00:00Z');
		post(db, flat, kees, 'Kat voeren', '2027-01-05T12:00:00Z');
		post(db, flat, mo, 'Brief lezen', '2027-01-06T12:00:00Z', { anonymous: true });
		const closed = post(db, flat, mo, 'Al klaar', '2027-01-07T12:00:00Z');
		db.update(helpPosts).set({ status: 'closed' }).where(eq(helpPosts.id, closed)).run();
		const hidden = post(db, flat, mo, 'Verborgen', '2027-01-07T12:00:00Z');
		db.update(helpPosts).set({ hidden: true }).where(eq(helpPosts.id, hidden)).run();
		post(db, flat, kees, 'Na het overzicht', '2027-01-10T17:01:00Z');

		const g = summary.gather(db, flat, at('2027-01-03T17:00:00Z'), at(DUE));
		const forAns = summary.forReader(g, { userId: ans, role: 'verbinder' }, 'nl');
		expect(forAns.posts!.map((p) => [p.title, p.authorName])).toEqual([
			['Brief lezen', null],
			['Kat voeren', 'Kees']
		]);
		// Nobody's own post is news to them.
		const forKees = summary.forReader(g, { userId: kees, role: 'resident' }, 'nl');
		expect(forKees.posts!.map((p) => p.title)).toEqual(['Brief lezen']);
		// A professional never sees help posts, not even how many.
		const forPro = summary.forReader(g, { userId: ans, role: 'professional' }, 'nl');
		expect(forPro.posts).toBeNull();
		expect(forPro.count).toBe(0);
		expect(forPro.news).toBe(false);
	});

	it('leaves out the posts of someone the reader blocked', async () => {
		const { db, flat, ans, kees } = await setup();
		post(db, flat, kees, 'Kat voeren', '2027-01-05T12:00:00Z');
		db.run(
			sql`insert into blocks (flat_id, blocker_id, blocked_id) values (${flat.id}, ${ans}, ${kees})`
		);
		const g = summary.gather(db, flat, at('2027-01-03T17:00:00Z'), at(DUE));
		expect(summary.forReader(g, { userId: ans, role: 'verbinder' }, 'nl').posts).toEqual([]);
	});

	it('lists the activities of the 7 days from the summary and the notices valid then', async () => {
		const { db, flat, ans, kees } = await setup();
		const pro = { userId: ans, role: 'professional' as const };
		calendar.create(
			db,
			flat,
			pro,
			{
				title: 'Koffie',
				description: '',
				place: 'Buurtkamer',
				startDate: '2027-01-05',
				startTime: '10:00',
				endTime: '11:00',
				recurrence: 'weekly',
				untilDate: null,
				count: null,
				capacity: null,
				helpersWanted: 0
			},
			at('2027-01-01T10:00:00Z')
		);
		notices.create(
			db,
			flat,
			ans,
			{
				kind: 'maintenance',
				validFrom: '2027-01-09',
				validUntil: '2027-01-20',
				texts: [
					{ locale: 'nl', title: 'Lift kapot', body: '' },
					{ locale: 'en', title: 'Lift broken', body: '' }
				]
			},
			at('2027-01-08T10:00:00Z')
		);
		const g = summary.gather(db, flat, at('2027-01-03T17:00:00Z'), at(DUE));
		expect(g.activities.map((a) => a.date)).toEqual(['2027-01-12']);
		expect(g.newNotices).toBe(1);
		const mine = summary.forReader(g, { userId: kees, role: 'resident' }, 'en');
		expect(mine.notices!.map((n) => n.title)).toEqual(['Lift broken']);
		expect(mine.count).toBe(2);
		expect(mine.news).toBe(true);
		// A professional gets the week and the notices.
		expect(summary.forReader(g, pro, 'nl').count).toBe(2);
	});
});

describe('the summary round', () => {
	it('sends one summary to each member who wants it, in their language, once', async () => {
		const { db, flat, ans, kees, mo } = await setup();
		db.update(users).set({ locale: 'ar' }).where(eq(users.id, mo)).run();
		db.insert(pushSubscriptions)
			.values({ userId: mo, endpoint: 'https://push.invalid/mo', p256dh: 'x', auth: 'y' })
			.run();
		// Kees asked for everything at once: no summary for him.
		const keesId = members.membership(db, flat.id, kees)!.id;
		notify.prefs.save(db, keesId, { requests: 'push' }, null);
		post(db, flat, kees, 'Kat voeren', '2027-01-05T12:00:00Z');

		expect(summary.tick(db, at(AFTER))).toEqual({
			summaries: 1,
			summariesSent: 2,
			summariesFailed: 0
		});
		expect(summaries(db)).toEqual([
			{ userId: ans, params: { count: 1 } },
			{ userId: mo, params: { count: 1 } }
		]);
		const [pushed] = db.select().from(pushOutbox).where(eq(pushOutbox.userId, mo)).all();
		expect(pushed!.payload.body).toBe(notify.text('weekly_summary', { count: 1 }, 'ar'));
		expect(pushed!.payload.body).toMatch(/[\u0600-\u06ff]/);
		expect(pushed!.payload.url).toBe('/f/h-flat/summary');

		// Again, and through the clock's round: nothing twice.
		expect(summary.tick(db, at('2027-01-10T18:00:00Z')).summaries).toBe(0);
		expect(round(db, at('2027-01-10T18:10:00Z')).summariesSent).toBe(0);
		expect(summaries(db)).toHaveLength(2);
		expect(rounds(db)).toMatchObject([{ flatId: flat.id, sent: 2 }]);
	});

	it('sends nothing when nothing is new, and records that it ran', async () => {
		const { db, flat } = await setup();
		expect(summary.tick(db, at(AFTER))).toMatchObject({ summaries: 1, summariesSent: 0 });
		expect(summaries(db)).toEqual([]);
		expect(rounds(db)).toMatchObject([{ flatId: flat.id, sent: 0 }]);
	});

	it('counts new from the last summary, and skips a week the server missed by 12 hours', async () => {
		const { db, flat, kees } = await setup();
		post(db, flat, kees, 'Kat voeren', '2027-01-05T12:00:00Z');
		summary.tick(db, at(AFTER));
		expect(summaries(db)).toHaveLength(2);
		// Nothing new in the week after: the same post is not told again.
		expect(summary.tick(db, at('2027-01-17T17:05:00Z'))).toMatchObject({
			summaries: 1,
			summariesSent: 0
		});
		post(db, flat, kees, 'Planten', '2027-01-20T12:00:00Z');
		// Sunday 24 January 18:00 was 12 hours ago: that week is skipped.
		expect(summary.tick(db, at('2027-01-25T05:00:00Z')).summaries).toBe(0);
		expect(summary.tick(db, at('2027-01-25T04:59:00Z')).summariesSent).toBe(2);
	});

	it('a failure in the middle of one flat leaves no trace of it; the rerun sends once', async () => {
		const { db, flat, ans, kees, mo } = await setup();
		const other = otherFlat(db, 'Europe/Amsterdam');
		db.update(flats)
			.set({ createdAt: at('2026-12-01T00:00:00Z') })
			.where(eq(flats.id, other.id))
			.run();
		members.joinAsUser(db, { flat: other, userId: kees, houseNumber: null });
		members.joinAsUser(db, { flat: other, userId: mo, houseNumber: null });
		post(db, flat, kees, 'Kat voeren', '2027-01-05T12:00:00Z');
		post(db, other, kees, 'Planten', '2027-01-05T12:00:00Z');
		// Ans's summary is written first, then the disk "fails" at Mo's in the same flat.
		db.run(
			sql.raw(
				`create trigger fail before insert on notifications when new.user_id = ${mo} and new.flat_id = ${flat.id} and new.type = 'weekly_summary' begin select raise(abort, 'disk full'); end`
			)
		);
		db.insert(pushSubscriptions)
			.values({ userId: ans, endpoint: 'https://push.invalid/ans', p256dh: 'x', auth: 'y' })
			.run();
		const quiet = console.error;
		console.error = () => {};
		try {
			expect(summary.tick(db, at(AFTER))).toEqual({
				summaries: 1,
				summariesSent: 1,
				summariesFailed: 1
			});
		} finally {
			console.error = quiet;
		}
		expect(rounds(db).map((r) => r.flatId)).toEqual([other.id]);
		// Neither Ans's notification nor her push survived.
		expect(db.select().from(pushOutbox).where(eq(pushOutbox.userId, ans)).all()).toEqual([]);
		expect(summaries(db).map((s) => s.userId)).toEqual([mo]);
		db.run(sql`drop trigger fail`);
		expect(summary.tick(db, at('2027-01-10T17:15:00Z'))).toMatchObject({
			summaries: 1,
			summariesSent: 2
		});
		expect(
			db
				.select({ flatId: notifications.flatId, userId: notifications.userId })
				.from(notifications)
				.where(eq(notifications.type, 'weekly_summary'))
				.all()
				.sort((a, b) => a.flatId - b.flatId || a.userId - b.userId)
		).toEqual([
			{ flatId: flat.id, userId: ans },
			{ flatId: flat.id, userId: mo },
			{ flatId: other.id, userId: mo }
		]);
		expect(db.select().from(pushOutbox).where(eq(pushOutbox.userId, ans)).all()).toHaveLength(1);
	});

	it('reaches a professional only for what they may see', async () => {
		const { db, flat, ans, kees, mo } = await setup();
		setRole(db, flat.id, mo, 'professional');
		const moId = members.membership(db, flat.id, mo)!.id;
		post(db, flat, kees, 'Kat voeren', '2027-01-05T12:00:00Z');
		// The default "weekly" for requests is not a choice a professional has: no summary.
		summary.tick(db, at(AFTER));
		expect(summaries(db).map((s) => s.userId)).toEqual([ans]);
		// With activities on weekly but nothing in the week ahead, still nothing for them.
		notify.prefs.save(db, moId, { activities: 'weekly' }, null);
		post(db, flat, kees, 'Planten', '2027-01-12T12:00:00Z');
		summary.tick(db, at('2027-01-17T17:05:00Z'));
		expect(summaries(db).map((s) => s.userId)).toEqual([ans, ans]);
	});

	it('waits for the flat’s first whole week', async () => {
		const { db, flat, kees } = await setup();
		db.update(flats)
			.set({ createdAt: at('2027-01-10T17:30:00Z') })
			.where(eq(flats.id, flat.id))
			.run();
		post(db, flat, kees, 'Kat voeren', '2027-01-10T17:40:00Z');
		expect(summary.tick(db, at('2027-01-10T18:00:00Z')).summaries).toBe(0);
	});

	it('gives way between flats when the server runs it', async () => {
		const { db, flat, kees } = await setup();
		post(db, flat, kees, 'Kat voeren', '2027-01-05T12:00:00Z');
		const order: string[] = [];
		const drained = summary.drain(db, at(AFTER)).then((counts) => {
			order.push('drained');
			return counts;
		});
		// A request that comes in meanwhile is answered before the round ends.
		setImmediate(() => order.push('request'));
		expect(await drained).toMatchObject({ summaries: 1, summariesSent: 2 });
		expect(order).toEqual(['request', 'drained']);
		expect(summary.tick(db, at(AFTER)).summaries).toBe(0);
	});
});

describe('the summary page', () => {
	it('shows what is new since the summary before the latest, and the week ahead from now', async () => {
		const { db, flat, ans, kees } = await setup();
		post(db, flat, kees, 'Kat voeren', '2027-01-05T12:00:00Z');
		post(db, flat, kees, 'Planten', '2027-01-11T12:00:00Z');
		summary.tick(db, at(AFTER));
		const page = summary.current(
			db,
			flat,
			{ userId: ans, role: 'verbinder' },
			'nl',
			at('2027-01-12T09:00:00Z')
		);
		expect(page.since.toISOString()).toBe('2027-01-03T17:00:00.000Z');
		expect(page.posts!.map((p) => p.title)).toEqual(['Planten', 'Kat voeren']);
	});
});
