import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as v from 'valibot';
import { notifyPrefsSchema, WEEKLY_GROUPS } from '$lib/schemas/notify';
import { flatWithNeighbours } from '../../../../tests/unit/fixtures';
import { notifications, pushOutbox, pushSubscriptions, users } from '../db/schema';
import * as members from '../members';
import * as notify from '.';
import * as prefs from './prefs';

const AMS = 'Europe/Amsterdam';

describe('quiet hours', () => {
	const until = (iso: string, start: string | null = '22:00', end: string | null = '08:00') =>
		prefs.quietUntil(new Date(iso), AMS, start, end)?.toISOString() ?? null;

	it('run across midnight in local time, also the nights the clocks change', () => {
		// 22:30 on 27 March 2027 (winter time); summer time starts that night: 08:00 is 06:00 UTC.
		expect(until('2027-03-27T21:30:00Z')).toBe('2027-03-28T06:00:00.000Z');
		// 23:00 on 30 October 2027 (summer time); winter time starts: 08:00 is 07:00 UTC.
		expect(until('2027-10-30T21:00:00Z')).toBe('2027-10-31T07:00:00.000Z');
		// 07:59 local in winter: quiet for one more minute.
		expect(until('2027-01-05T06:59:00Z')).toBe('2027-01-05T07:00:00.000Z');
		expect(until('2027-01-05T07:00:00Z')).toBeNull();
		expect(until('2027-01-05T12:00:00Z')).toBeNull();
		expect(until('2027-01-05T20:59:00Z')).toBeNull();
		expect(until('2027-01-05T21:00:00Z')).toBe('2027-01-06T07:00:00.000Z');
	});

	it('can lie within one day, or be switched off', () => {
		expect(until('2027-01-05T12:30:00Z', '13:00', '15:00')).toBe('2027-01-05T14:00:00.000Z');
		expect(until('2027-01-05T14:30:00Z', '13:00', '15:00')).toBeNull();
		expect(until('2027-01-05T23:00:00Z', null, null)).toBeNull();
	});
});

async function setup() {
	const base = await flatWithNeighbours(AMS);
	const { db, flat, ans } = base;
	const membership = members.membership(db, flat.id, ans)!;
	const device = db
		.insert(pushSubscriptions)
		.values({ userId: ans, endpoint: 'https://push.invalid/ans', p256dh: 'x', auth: 'y' })
		.returning()
		.get();
	const say = (at: string, type: notify.NotificationType = 'message_new', link = 'help/1') =>
		notify.record(
			db,
			{ flatId: flat.id, userId: ans, type, link, params: { title: 'Kat' } },
			new Date(at)
		);
	const outbox = () =>
		db.select().from(pushOutbox).where(eq(pushOutbox.subscriptionId, device.id)).all();
	const bell = () => db.select().from(notifications).where(eq(notifications.userId, ans)).all();
	return { ...base, membership, device, say, outbox, bell };
}

describe('preferences', () => {
	it('start quiet, and a member’s own choice wins', async () => {
		const { db, membership } = await setup();
		expect(prefs.forMembership(db, membership.id)).toEqual(prefs.DEFAULTS);
		prefs.save(db, membership.id, { activities: 'push', messages: 'off' }, null);
		expect(prefs.forMembership(db, membership.id)).toMatchObject({
			activities: 'push',
			messages: 'off',
			responses: 'push'
		});
		expect(prefs.groupsFor('resident')).not.toContain('joins');
		expect(prefs.groupsFor('verbinder')).toContain('reports');
		expect(prefs.groupsFor('professional')).not.toContain('messages');
	});

	it('decide between push and bell, bell only, and nothing', async () => {
		const { db, membership, say, outbox, bell } = await setup();
		say('2027-01-05T12:00:00Z', 'activity_new', 'calendar/1');
		expect(bell()).toHaveLength(1);
		expect(outbox()).toHaveLength(0);
		say('2027-01-05T12:00:00Z', 'message_new', 'help/1');
		expect(bell()).toHaveLength(2);
		expect(outbox()).toHaveLength(1);
		prefs.save(db, membership.id, { messages: 'off' }, null);
		say('2027-01-05T12:30:00Z', 'message_new', 'help/2');
		expect(bell()).toHaveLength(2);
		expect(outbox()).toHaveLength(1);
	});

	it('write the push in the recipient’s language, with the flat as title', async () => {
		const { db, ans, say, outbox } = await setup();
		db.update(users).set({ locale: 'en' }).where(eq(users.id, ans)).run();
		say('2027-01-05T12:00:00Z');
		expect(outbox()[0]!.payload).toEqual({
			title: 'H',
			body: 'New message about “Kat”',
			url: '/f/h-flat/help/1',
			tag: '/f/h-flat/help/1'
		});
	});
});

describe('the weekly summary as a choice', () => {
	it('is the default for every new request, and offered only for the flat’s news', () => {
		expect(prefs.DEFAULTS.requests).toBe('weekly');
		const parsed = (form: Record<string, string>) => v.safeParse(notifyPrefsSchema, form).success;
		expect(
			parsed({ kind_requests: 'weekly', kind_activities: 'weekly', kind_notices: 'weekly' })
		).toBe(true);
		expect(parsed({ kind_responses: 'weekly' })).toBe(false);
		expect(parsed({ kind_joins: 'weekly' })).toBe(false);
		// The kinds that may wait for the summary are exactly those with news of the flat.
		expect([...new Set(notify.NEWS.map((t) => notify.GROUP_OF[t]))].sort()).toEqual(
			[...WEEKLY_GROUPS].sort()
		);
	});

	it('holds back the flat’s news, while what is about the member still comes at once', async () => {
		const { db, membership, say, outbox, bell } = await setup();
		prefs.save(db, membership.id, { requests: 'weekly', activities: 'weekly' }, null);
		say('2027-01-05T12:00:00Z', 'request_new', 'help/1');
		say('2027-01-05T12:00:00Z', 'activity_new', 'calendar/1');
		expect(bell()).toEqual([]);
		// Answers and a cancelled activity they said yes to: at once, as a push.
		say('2027-01-05T12:00:00Z', 'response_new', 'help/2');
		say('2027-01-05T12:00:00Z', 'activity_cancelled', 'calendar/1/2027-01-06');
		expect(bell().map((n) => n.type)).toEqual(['response_new', 'activity_cancelled']);
		expect(outbox()).toHaveLength(2);
	});

	it('off is nothing; the summary itself comes as a push whatever the notices’ choice', async () => {
		const { db, membership, say, outbox, bell } = await setup();
		prefs.save(db, membership.id, { activities: 'off', notices: 'off' }, null);
		say('2027-01-05T12:00:00Z', 'activity_cancelled', 'calendar/1/2027-01-06');
		say('2027-01-05T12:00:00Z', 'notice_new', 'notices/1');
		expect(bell()).toEqual([]);
		say('2027-01-10T17:00:00Z', 'weekly_summary', 'summary');
		expect(bell().map((n) => n.type)).toEqual(['weekly_summary']);
		expect(outbox()).toHaveLength(1);
	});

	it('a form cannot put a kind on weekly that the summary does not list', async () => {
		const { db, membership } = await setup();
		prefs.choose(db, membership, {
			kind_messages: 'weekly',
			kind_activities: 'weekly',
			quiet: 'off',
			quietStart: '',
			quietEnd: ''
		} as Parameters<typeof prefs.choose>[2]);
		expect(prefs.forMembership(db, membership.id)).toMatchObject({
			messages: 'push',
			activities: 'weekly'
		});
	});

	it('a member wants the summary when a kind their role hears of waits for it', () => {
		const all = (channel: 'push' | 'weekly') => ({ ...prefs.DEFAULTS, requests: channel });
		expect(prefs.wantsSummary('resident', prefs.DEFAULTS)).toBe(true);
		expect(prefs.wantsSummary('resident', all('push'))).toBe(false);
		// Requests are not a professional's to hear of: their default does not count.
		expect(prefs.wantsSummary('professional', prefs.DEFAULTS)).toBe(false);
		expect(prefs.wantsSummary('professional', { ...prefs.DEFAULTS, notices: 'weekly' })).toBe(true);
	});
});

describe('pushes that never nag', () => {
	it('fold later messages of one thread into one push per ten minutes', async () => {
		const { db, say, outbox } = await setup();
		say('2027-01-05T12:00:00Z');
		say('2027-01-05T12:01:00Z');
		expect(outbox().map((r) => r.count)).toEqual([2]);
		const sentAt = new Date('2027-01-05T12:02:00Z');
		db.update(pushOutbox).set({ status: 'sent', sentAt }).run();
		say('2027-01-05T12:05:00Z');
		say('2027-01-05T12:06:00Z');
		const [, held] = outbox();
		expect(held!.notBefore.toISOString()).toBe('2027-01-05T12:12:00.000Z');
		expect(held!.count).toBe(2);
		// Another thread is not held back.
		say('2027-01-05T12:06:00Z', 'response_new', 'help/7');
		expect(outbox().at(-1)!.notBefore.toISOString()).toBe('2027-01-05T12:06:00.000Z');
	});

	it('wait through quiet hours and are marked for the morning summary', async () => {
		const { say, outbox } = await setup();
		// 23:30 in Amsterdam in winter.
		say('2027-01-05T22:30:00Z');
		say('2027-01-05T22:40:00Z', 'response_new', 'help/2');
		expect(outbox().map((r) => [r.quiet, r.notBefore.toISOString()])).toEqual([
			[true, '2027-01-06T07:00:00.000Z'],
			[true, '2027-01-06T07:00:00.000Z']
		]);
	});

	it('reach nobody who left the flat', async () => {
		const { db, flat, kees, say } = await setup();
		members.remove(db, flat.id, members.membership(db, flat.id, kees)!.id);
		notify.record(db, { flatId: flat.id, userId: kees, type: 'message_new', link: 'help/1' });
		expect(db.select().from(notifications).where(eq(notifications.userId, kees)).all()).toEqual([]);
		say('2027-01-05T12:00:00Z');
	});
});
