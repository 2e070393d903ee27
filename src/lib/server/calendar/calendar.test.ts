import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { flatWithNeighbours } from '../../../../tests/unit/fixtures';
import { openDatabase } from '../db';
import * as flats from '../flats';
import { notifications } from '../db/schema';
import * as balance from '../balance';
import * as members from '../members';
import * as calendar from '.';
import * as ical from './ical';
import type { ActivityInput } from '.';

const AMS = 'Europe/Amsterdam';

async function setup(timeZone = AMS) {
	const base = await flatWithNeighbours(timeZone);
	const { db, flat, ans } = base;
	members.setRole(db, flat.id, members.membership(db, flat.id, ans)!.id, 'verbinder');
	return {
		...base,
		verbinder: { userId: ans, role: 'verbinder' as const },
		kees: { userId: base.kees, role: 'resident' as const },
		mo: { userId: base.mo, role: 'resident' as const }
	};
}

const coffee = (over: Partial<ActivityInput> = {}): ActivityInput => ({
	title: 'Koffieochtend',
	description: '',
	place: 'Buurtkamer',
	startDate: '2027-03-16',
	startTime: '10:00',
	endTime: '11:30',
	recurrence: 'weekly',
	untilDate: null,
	count: null,
	capacity: null,
	helpersWanted: 0,
	...over
});

const sent = (db: Parameters<typeof calendar.agenda>[0], type: string) =>
	db
		.select()
		.from(notifications)
		.where(eq(notifications.type, type))
		.all()
		.map((n) => n.userId)
		.sort();

describe('recurrence in local time', () => {
	it('keeps 10:00 at 10:00 across the spring change (28 March 2027)', async () => {
		const { db, flat, verbinder } = await setup();
		calendar.create(db, flat, verbinder, coffee());
		const items = calendar.agenda(db, flat, '2027-03-22', '2027-04-04');
		expect(items.map((o) => [o.date, o.start.toISOString(), o.end.toISOString()])).toEqual([
			['2027-03-23', '2027-03-23T09:00:00.000Z', '2027-03-23T10:30:00.000Z'],
			['2027-03-30', '2027-03-30T08:00:00.000Z', '2027-03-30T09:30:00.000Z']
		]);
	});

	it('keeps 10:00 at 10:00 across the autumn change (31 October 2027)', async () => {
		const { db, flat, verbinder } = await setup();
		calendar.create(db, flat, verbinder, coffee({ startDate: '2027-10-19' }));
		const items = calendar.agenda(db, flat, '2027-10-25', '2027-11-07');
		expect(items.map((o) => [o.date, o.start.toISOString()])).toEqual([
			['2027-10-26', '2027-10-26T08:00:00.000Z'],
			['2027-11-02', '2027-11-02T09:00:00.000Z']
		]);
	});

	it('puts an activity on the change day itself at the right instant', async () => {
		const { db, flat, verbinder } = await setup();
		calendar.create(
			db,
			flat,
			verbinder,
			coffee({
				startDate: '2027-03-21',
				recurrence: 'weekly',
				startTime: '02:30',
				endTime: '12:00'
			})
		);
		calendar.create(db, flat, verbinder, coffee({ startDate: '2027-10-31', recurrence: 'none' }));
		const spring = calendar.agenda(db, flat, '2027-03-28', '2027-03-28');
		// 02:30 does not exist that night: clocks show 03:30 summer time.
		expect(spring[0]!.start.toISOString()).toBe('2027-03-28T01:30:00.000Z');
		expect(spring[0]!.end.toISOString()).toBe('2027-03-28T10:00:00.000Z');
		// 02:30 happens twice the night summer time ends: the first one (summer time) counts.
		const autumn = calendar.agenda(db, flat, '2027-10-31', '2027-10-31');
		expect(autumn.map((o) => o.start.toISOString())).toEqual([
			'2027-10-31T00:30:00.000Z',
			'2027-10-31T09:00:00.000Z'
		]);
	});

	it('repeats monthly on the same weekday ("every first Wednesday", "last Wednesday")', () => {
		const rule = (startDate: string) => ({
			startDate,
			recurrence: 'monthly' as const,
			untilDate: null,
			count: 4
		});
		expect(calendar.recurrence.dates(rule('2027-01-06'), '2027-01-01', '2027-12-31')).toEqual([
			'2027-01-06',
			'2027-02-03',
			'2027-03-03',
			'2027-04-07'
		]);
		// 31 March 2027 is the fifth Wednesday: the series goes on on the last Wednesday.
		expect(calendar.recurrence.dates(rule('2027-03-31'), '2027-01-01', '2027-12-31')).toEqual([
			'2027-03-31',
			'2027-04-28',
			'2027-05-26',
			'2027-06-30'
		]);
	});

	it('stops at the until date or after the count, and repeats every two weeks', () => {
		const weekly = { startDate: '2027-01-05', recurrence: 'weekly' as const };
		expect(
			calendar.recurrence.dates(
				{ ...weekly, untilDate: '2027-02-02', count: null },
				'2027-01-01',
				'2027-12-31'
			)
		).toEqual(['2027-01-05', '2027-01-12', '2027-01-19', '2027-01-26', '2027-02-02']);
		expect(
			calendar.recurrence.dates(
				{ ...weekly, untilDate: null, count: 3 },
				'2027-01-01',
				'2027-12-31'
			)
		).toEqual(['2027-01-05', '2027-01-12', '2027-01-19']);
		expect(
			calendar.recurrence.dates(
				{ startDate: '2027-01-05', recurrence: 'biweekly', untilDate: null, count: 3 },
				'2027-01-01',
				'2027-12-31'
			)
		).toEqual(['2027-01-05', '2027-01-19', '2027-02-02']);
		expect(calendar.recurrence.lastDate({ ...weekly, untilDate: null, count: 3 })).toBe(
			'2027-01-19'
		);
		expect(calendar.recurrence.lastDate({ ...weekly, untilDate: null, count: null })).toBeNull();
	});
});

describe('long-running series', () => {
	// The same dates as walking the whole series from its first date, however long ago.
	const walk = (rule: calendar.recurrence.Rule, from: string, to: string) =>
		calendar.recurrence
			.dates({ ...rule, startDate: rule.startDate }, rule.startDate, to)
			.filter((d) => d >= from);

	it.each([
		['weekly', '2019-01-01', null, null],
		['biweekly', '2019-01-08', null, null],
		['monthly', '2019-01-29', null, null],
		['monthly', '2019-03-05', null, null],
		['weekly', '2019-01-01', null, 420],
		['biweekly', '2019-01-08', '2027-02-09', null],
		['monthly', '2019-01-02', null, 98],
		['monthly', '2019-01-02', null, 97]
	] as const)('%s from %s (until %s, count %s)', (recurrence, startDate, untilDate, count) => {
		const rule = { recurrence, startDate, untilDate, count };
		for (const [from, to] of [
			['2026-12-20', '2027-03-10'],
			['2027-01-01', '2027-01-31'],
			['2019-01-01', '2019-03-01']
		] as const)
			expect(calendar.recurrence.dates(rule, from, to)).toEqual(walk(rule, from, to));
	});
});

describe('exceptions', () => {
	const now = new Date('2027-03-01T12:00:00Z');

	it('cancels one occurrence with a reason and tells who answered', async () => {
		const { db, flat, verbinder, kees, mo } = await setup();
		const a = calendar.create(db, flat, verbinder, coffee({ helpersWanted: 1 }), now);
		calendar.rsvp(db, flat, a.id, '2027-03-23', kees, { kind: 'coming', guests: 0 }, now);
		calendar.rsvp(db, flat, a.id, '2027-03-23', mo, { kind: 'helping', guests: 0 }, now);
		calendar.rsvp(db, flat, a.id, '2027-03-30', mo, { kind: 'coming', guests: 0 }, now);
		calendar.cancelOccurrence(db, flat, a.id, '2027-03-23', verbinder, 'Schoonmaak', now);
		const items = calendar.agenda(db, flat, '2027-03-16', '2027-03-30');
		expect(items.map((o) => [o.date, o.cancelled, o.reason])).toEqual([
			['2027-03-16', false, null],
			['2027-03-23', true, 'Schoonmaak'],
			['2027-03-30', false, null]
		]);
		expect(sent(db, 'activity_cancelled')).toEqual([kees.userId, mo.userId].sort());
		expect(() =>
			calendar.rsvp(db, flat, a.id, '2027-03-23', verbinder, { kind: 'coming', guests: 0 }, now)
		).toThrow('cancelled');
		expect(() => calendar.cancelOccurrence(db, flat, a.id, '2027-03-30', kees, 'nee', now)).toThrow(
			'not_allowed'
		);
		calendar.restoreOccurrence(db, flat, a.id, '2027-03-23', verbinder, now);
		expect(calendar.agenda(db, flat, '2027-03-23', '2027-03-23')[0]!.cancelled).toBe(false);
	});

	it('moves one occurrence to another day and time; answers stay with it', async () => {
		const { db, flat, verbinder, kees } = await setup();
		const a = calendar.create(db, flat, verbinder, coffee(), now);
		calendar.rsvp(db, flat, a.id, '2027-03-23', kees, { kind: 'coming', guests: 1 }, now);
		calendar.changeOccurrence(
			db,
			flat,
			a.id,
			'2027-03-23',
			verbinder,
			{ date: '2027-03-25', startTime: '14:00', endTime: '15:00', place: 'Tuin', note: null },
			now
		);
		const week = calendar.agenda(db, flat, '2027-03-22', '2027-03-28', kees.userId);
		expect(week.map((o) => [o.occurrence, o.date, o.startTime, o.place, o.coming, o.mine])).toEqual(
			[['2027-03-23', '2027-03-25', '14:00', 'Tuin', 2, 'coming']]
		);
		expect(week[0]!.start.toISOString()).toBe('2027-03-25T13:00:00.000Z');
		expect(sent(db, 'activity_moved')).toEqual([kees.userId]);
		// A move further than a month is refused; so is changing a date the rule does not give.
		const far = {
			date: '2027-05-25',
			startTime: '10:00',
			endTime: '11:00',
			place: 'B',
			note: null
		};
		expect(() =>
			calendar.changeOccurrence(db, flat, a.id, '2027-03-30', verbinder, far, now)
		).toThrow('wrong_state');
		expect(() =>
			calendar.cancelOccurrence(db, flat, a.id, '2027-03-24', verbinder, 'x', now)
		).toThrow('not_found');
	});

	it('pauses a series and resumes it; ends it after a date', async () => {
		const { db, flat, verbinder, kees } = await setup();
		const a = calendar.create(db, flat, verbinder, coffee(), now);
		calendar.rsvp(db, flat, a.id, '2027-04-06', kees, { kind: 'coming', guests: 0 }, now);
		calendar.pause(db, flat, a.id, verbinder, '2027-03-30', now);
		expect(calendar.agenda(db, flat, '2027-03-16', '2027-04-13').map((o) => o.date)).toEqual([
			'2027-03-16',
			'2027-03-23'
		]);
		expect(sent(db, 'activity_cancelled')).toEqual([kees.userId]);
		expect(() =>
			calendar.rsvp(db, flat, a.id, '2027-04-13', kees, { kind: 'coming', guests: 0 }, now)
		).toThrow('cancelled');
		calendar.pause(db, flat, a.id, verbinder, null, now);
		expect(calendar.agenda(db, flat, '2027-03-16', '2027-04-13')).toHaveLength(5);
		calendar.end(db, flat, a.id, verbinder, '2027-03-30', now);
		expect(calendar.agenda(db, flat, '2027-03-16', '2027-06-01').map((o) => o.date)).toEqual([
			'2027-03-16',
			'2027-03-23',
			'2027-03-30'
		]);
	});
});

describe('answers', () => {
	const now = new Date('2027-03-01T12:00:00Z');

	it('puts people on a waiting list when full and moves them up when a seat frees', async () => {
		const { db, flat, verbinder, kees, mo } = await setup();
		const a = calendar.create(db, flat, verbinder, coffee({ capacity: 3 }), now);
		const day = '2027-03-16';
		expect(calendar.rsvp(db, flat, a.id, day, kees, { kind: 'coming', guests: 1 }, now)).toBe(
			'confirmed'
		);
		expect(calendar.rsvp(db, flat, a.id, day, mo, { kind: 'coming', guests: 1 }, now)).toBe(
			'waiting'
		);
		expect(calendar.rsvp(db, flat, a.id, day, verbinder, { kind: 'coming', guests: 0 }, now)).toBe(
			'confirmed'
		);
		// Kees keeps his seat but cannot bring more guests than fit.
		expect(() =>
			calendar.rsvp(db, flat, a.id, day, kees, { kind: 'coming', guests: 3 }, now)
		).toThrow('full');
		let list = calendar.attendance(db, a.id, day);
		expect(list.coming.map((c) => c.name)).toEqual(['Kees', 'Ans']);
		expect(list.waiting.map((c) => c.name)).toEqual(['Mo']);
		expect(list.seats).toBe(3);
		calendar.undo(db, flat, a.id, day, kees, now);
		list = calendar.attendance(db, a.id, day);
		expect(list.coming.map((c) => c.name)).toEqual(['Mo', 'Ans']);
		expect(list.waiting).toEqual([]);
		expect(sent(db, 'activity_promoted')).toEqual([mo.userId]);
	});

	it('moves the waiting list up when the series gets more room', async () => {
		const { db, flat, verbinder, kees, mo } = await setup();
		const a = calendar.create(db, flat, verbinder, coffee({ capacity: 1 }), now);
		calendar.rsvp(db, flat, a.id, '2027-03-16', kees, { kind: 'coming', guests: 0 }, now);
		calendar.rsvp(db, flat, a.id, '2027-03-16', mo, { kind: 'coming', guests: 0 }, now);
		calendar.update(db, flat, a.id, verbinder, coffee({ capacity: 2 }), now);
		expect(calendar.attendance(db, a.id, '2027-03-16').waiting).toEqual([]);
	});

	it('has helper places without a waiting list, and refuses answers for a past date', async () => {
		const { db, flat, verbinder, kees, mo } = await setup();
		const a = calendar.create(db, flat, verbinder, coffee({ helpersWanted: 1 }), now);
		calendar.rsvp(db, flat, a.id, '2027-03-16', kees, { kind: 'helping', guests: 0 }, now);
		expect(() =>
			calendar.rsvp(db, flat, a.id, '2027-03-16', mo, { kind: 'helping', guests: 0 }, now)
		).toThrow('full');
		const later = new Date('2027-03-16T10:30:00Z');
		expect(() =>
			calendar.rsvp(db, flat, a.id, '2027-03-16', mo, { kind: 'coming', guests: 0 }, later)
		).toThrow('past');
		expect(() =>
			calendar.rsvp(db, flat, a.id, '2027-03-17', mo, { kind: 'coming', guests: 0 }, now)
		).toThrow('not_found');
	});

	it('frees the seat and ends the feed of someone who moves out', async () => {
		const { db, flat, verbinder, kees, mo } = await setup();
		const a = calendar.create(db, flat, verbinder, coffee({ capacity: 1 }), now);
		calendar.rsvp(db, flat, a.id, '2027-03-16', kees, { kind: 'coming', guests: 0 }, now);
		calendar.rsvp(db, flat, a.id, '2027-03-16', mo, { kind: 'coming', guests: 0 }, now);
		const token = ical.createFeed(db, flat.id, kees.userId);
		members.remove(db, flat.id, members.membership(db, flat.id, kees.userId)!.id);
		expect(calendar.attendance(db, a.id, '2027-03-16').coming.map((c) => c.name)).toEqual(['Mo']);
		expect(ical.memberForFeed(db, flat.id, token)).toBeUndefined();
	});

	it('counts finished helping as help given, once', async () => {
		const { db, flat, verbinder, kees } = await setup();
		const a = calendar.create(db, flat, verbinder, coffee({ helpersWanted: 2 }), now);
		calendar.rsvp(db, flat, a.id, '2027-03-16', kees, { kind: 'helping', guests: 0 }, now);
		calendar.rsvp(db, flat, a.id, '2027-03-23', kees, { kind: 'helping', guests: 0 }, now);
		calendar.cancelOccurrence(db, flat, a.id, '2027-03-23', verbinder, 'ziek', now);
		const during = new Date('2027-03-16T10:00:00Z');
		expect(calendar.tick(db, during).helped).toBe(0);
		const after = new Date('2027-03-17T12:00:00Z');
		expect(calendar.tick(db, after).helped).toBe(1);
		expect(calendar.tick(db, after).helped).toBe(0);
		// The cancelled date a week later never counts.
		expect(calendar.tick(db, new Date('2027-03-24T12:00:00Z')).helped).toBe(0);
		expect(balance.forMember(db, flat.id, kees.userId, after)).toEqual({ given: 1, received: 0 });
	});
});

describe('reminders', () => {
	const now = new Date('2027-03-01T12:00:00Z');

	it('go out at 08:00 on the day, once, to those coming and helping', async () => {
		const { db, flat, verbinder, kees, mo } = await setup();
		const a = calendar.create(db, flat, verbinder, coffee({ helpersWanted: 1 }), now);
		calendar.rsvp(db, flat, a.id, '2027-03-30', kees, { kind: 'coming', guests: 0 }, now);
		calendar.rsvp(db, flat, a.id, '2027-03-30', mo, { kind: 'helping', guests: 0 }, now);
		// 30 March is summer time: 08:00 local is 06:00 UTC.
		expect(calendar.tick(db, new Date('2027-03-30T05:59:00Z')).reminded).toBe(0);
		expect(calendar.tick(db, new Date('2027-03-30T06:00:00Z')).reminded).toBe(2);
		expect(calendar.tick(db, new Date('2027-03-30T06:10:00Z')).reminded).toBe(0);
		expect(sent(db, 'activity_reminder')).toEqual([kees.userId, mo.userId].sort());
	});

	it('follow an occurrence moved to another day', async () => {
		const { db, flat, verbinder, kees } = await setup();
		const a = calendar.create(db, flat, verbinder, coffee(), now);
		calendar.rsvp(db, flat, a.id, '2027-03-30', kees, { kind: 'coming', guests: 0 }, now);
		const change = {
			date: '2027-03-18',
			startTime: '14:00',
			endTime: '15:00',
			place: 'Tuin',
			note: null
		};
		calendar.changeOccurrence(db, flat, a.id, '2027-03-30', verbinder, change, now);
		expect(calendar.tick(db, new Date('2027-03-18T06:59:00Z')).reminded).toBe(0);
		expect(calendar.tick(db, new Date('2027-03-18T07:00:00Z')).reminded).toBe(1);
	});

	it('go out two hours ahead for an early activity, and never for a cancelled one', async () => {
		const { db, flat, verbinder, kees } = await setup();
		const a = calendar.create(
			db,
			flat,
			verbinder,
			coffee({ startTime: '09:00', endTime: '10:00' }),
			now
		);
		calendar.rsvp(db, flat, a.id, '2027-03-16', kees, { kind: 'coming', guests: 0 }, now);
		calendar.rsvp(db, flat, a.id, '2027-03-23', kees, { kind: 'coming', guests: 0 }, now);
		calendar.cancelOccurrence(db, flat, a.id, '2027-03-23', verbinder, 'dicht', now);
		// 09:00 CET is 08:00 UTC: the reminder is due at 06:00 UTC.
		expect(calendar.tick(db, new Date('2027-03-16T05:59:00Z')).reminded).toBe(0);
		expect(calendar.tick(db, new Date('2027-03-16T06:00:00Z')).reminded).toBe(1);
		expect(calendar.tick(db, new Date('2027-03-23T06:30:00Z')).reminded).toBe(0);
	});
});

describe('who publishes', () => {
	it('a resident proposes; a verbinder approves and the flat hears of it', async () => {
		const { db, flat, verbinder, kees, mo } = await setup();
		const a = calendar.create(db, flat, kees, coffee({ title: 'Schaakclub' }));
		expect(a.status).toBe('proposed');
		expect(sent(db, 'activity_proposed')).toEqual([verbinder.userId]);
		expect(calendar.agenda(db, flat, '2027-03-16', '2027-03-16')).toEqual([]);
		expect(() => calendar.get(db, flat.id, a.id, mo)).toThrow('not_found');
		expect(calendar.proposals(db, flat.id, kees).map((p) => p.id)).toEqual([a.id]);
		expect(() => calendar.approve(db, flat, a.id, kees)).toThrow('wrong_state');
		calendar.approve(db, flat, a.id, verbinder);
		expect(calendar.agenda(db, flat, '2027-03-16', '2027-03-16')).toHaveLength(1);
		expect(sent(db, 'activity_new')).toEqual([verbinder.userId, mo.userId].sort());
		expect(sent(db, 'activity_approved')).toEqual([kees.userId]);
	});

	it('a resident publishes directly when the flat allows it; other flats never see it', async () => {
		const { db, flat, kees } = await setup();
		const open = { ...flat, residentActivities: 'publish' as const };
		const a = calendar.create(db, open, kees, coffee());
		expect(a.status).toBe('published');
		const other = { id: flat.id + 1, timeZone: AMS };
		expect(calendar.agenda(db, other, '2027-03-16', '2027-03-16')).toEqual([]);
		expect(() => calendar.get(db, other.id, a.id, kees)).toThrow('not_found');
		expect(
			db
				.select()
				.from(notifications)
				.where(and(eq(notifications.type, 'activity_new'), eq(notifications.userId, kees.userId)))
				.all()
		).toEqual([]);
	});
});

describe("the board's week", () => {
	const now = new Date('2027-03-01T12:00:00Z');
	const today = '2027-03-15';
	const shown = (
		db: Parameters<typeof calendar.week>[0],
		flat: Parameters<typeof calendar.week>[1]
	) =>
		calendar
			.week(db, flat, today)
			.map((o) => `${o.date} ${o.startTime} ${o.title}${o.cancelled ? ' (gaat niet door)' : ''}`);

	it('is worked out once, and shows every change to the calendar at once', async () => {
		const { db, flat, verbinder, kees } = await setup();
		expect(shown(db, flat)).toEqual([]);
		const a = calendar.create(db, flat, verbinder, coffee({ startDate: '2027-03-02' }), now);
		expect(shown(db, flat)).toEqual(['2027-03-16 10:00 Koffieochtend']);
		// Kept: the second visit gets the same list without working it out again.
		expect(calendar.week(db, flat, today)).toBe(calendar.week(db, flat, today));

		calendar.update(
			db,
			flat,
			a.id,
			verbinder,
			coffee({ startDate: '2027-03-02', title: 'Koffie' }),
			now
		);
		expect(shown(db, flat)).toEqual(['2027-03-16 10:00 Koffie']);
		calendar.cancelOccurrence(db, flat, a.id, '2027-03-16', verbinder, 'Ziek', now);
		expect(shown(db, flat)).toEqual(['2027-03-16 10:00 Koffie (gaat niet door)']);
		calendar.restoreOccurrence(db, flat, a.id, '2027-03-16', verbinder, now);
		expect(shown(db, flat)).toEqual(['2027-03-16 10:00 Koffie']);
		calendar.changeOccurrence(
			db,
			flat,
			a.id,
			'2027-03-16',
			verbinder,
			{ date: '2027-03-18', startTime: '14:00', endTime: '15:00', place: 'Tuin', note: null },
			now
		);
		expect(shown(db, flat)).toEqual(['2027-03-18 14:00 Koffie']);
		calendar.pause(db, flat, a.id, verbinder, '2027-03-10', now);
		expect(shown(db, flat)).toEqual([]);
		calendar.pause(db, flat, a.id, verbinder, null, now);
		expect(shown(db, flat)).toEqual(['2027-03-18 14:00 Koffie']);
		calendar.end(db, flat, a.id, verbinder, '2027-03-09', now);
		expect(shown(db, flat)).toEqual([]);

		// A resident's proposal shows once a verbinder publishes it.
		const proposal = calendar.create(db, flat, kees, coffee({ title: 'Spelletjes' }), now);
		expect(shown(db, flat)).toEqual([]);
		calendar.approve(db, flat, proposal.id, verbinder, now);
		expect(shown(db, flat)).toEqual(['2027-03-16 10:00 Spelletjes']);
		// The next day is another week.
		expect(calendar.week(db, flat, '2027-03-17').map((o) => o.date)).toEqual(['2027-03-23']);
	});

	it('is kept for each database apart: the same flat number elsewhere is another flat', async () => {
		const one = await setup();
		const two = await setup();
		expect(one.flat.id).toBe(two.flat.id);
		expect(shown(two.db, two.flat)).toEqual([]);
		calendar.create(one.db, one.flat, one.verbinder, coffee(), now);
		expect(shown(one.db, one.flat)).toEqual(['2027-03-16 10:00 Koffieochtend']);
		expect(shown(two.db, two.flat)).toEqual([]);
	});

	it('is worked out anew in every process when one of them changes the calendar', async () => {
		// Two connections to one file stand for two server processes (WORKERS).
		const dir = mkdtempSync(path.join(tmpdir(), 'burenbord-week-'));
		const file = path.join(dir, 'burenbord.db');
		const a = openDatabase(file);
		const b = openDatabase(file);
		try {
			const flat = flats.create(a, { name: 'H', slug: 'h-flat', timeZone: AMS, joinMode: 'open' });
			const { userId } = await members.join(a, {
				flat,
				name: 'Ans',
				houseNumber: null,
				password: 'wachtwoord',
				locale: 'nl'
			});
			members.setRole(a, flat.id, members.membership(a, flat.id, userId)!.id, 'verbinder');
			const verbinder = { userId, role: 'verbinder' as const };

			expect(shown(b, flat)).toEqual([]);
			const made = calendar.create(a, flat, verbinder, coffee({ startDate: '2027-03-02' }), now);
			expect(shown(b, flat)).toEqual(['2027-03-16 10:00 Koffieochtend']);
			expect(shown(a, flat)).toEqual(['2027-03-16 10:00 Koffieochtend']);
			// Kept in B until the calendar changes again.
			expect(calendar.week(b, flat, today)).toBe(calendar.week(b, flat, today));

			calendar.cancelOccurrence(b, flat, made.id, '2027-03-16', verbinder, 'Ziek', now);
			expect(shown(a, flat)).toEqual(['2027-03-16 10:00 Koffieochtend (gaat niet door)']);
			calendar.update(
				a,
				flat,
				made.id,
				verbinder,
				coffee({ startDate: '2027-03-02', title: 'Koffie' }),
				now
			);
			expect(shown(b, flat)).toEqual(['2027-03-16 10:00 Koffie (gaat niet door)']);
		} finally {
			a.$client.close();
			b.$client.close();
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
