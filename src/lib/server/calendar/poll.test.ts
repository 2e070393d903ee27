import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { flatWithNeighbours, otherFlat } from '../../../../tests/unit/fixtures';
import type { DB } from '../db';
import { activityPolls, notifications } from '../db/schema';
import { DomainError } from '../errors';
import * as members from '../members';
import { round } from '../clock';
import * as calendar from '.';
import { exportData } from './personal';
import type { PollInput } from '.';

const AMS = 'Europe/Amsterdam';
/** Wednesday 10 March 2027, 10:00 in Amsterdam. */
const NOW = new Date('2027-03-10T09:00:00Z');
const DAY = 24 * 60 * 60 * 1000;

async function setup() {
	const base = await flatWithNeighbours(AMS);
	const { db, flat, ans, join } = base;
	const ms = (userId: number) => members.membership(db, flat.id, userId)!.id;
	members.setRole(db, flat.id, ms(ans), 'verbinder');
	const joost = await join('Joost');
	members.setRole(db, flat.id, ms(joost), 'professional');
	return {
		...base,
		verbinder: { userId: ans, role: 'verbinder' as const },
		kees: { userId: base.kees, role: 'resident' as const },
		mo: { userId: base.mo, role: 'resident' as const },
		pro: { userId: joost, role: 'professional' as const }
	};
}

const dates = (...days: string[]): PollInput['options'] =>
	days.map((date) => ({ date, startTime: '14:00', endTime: '16:00' }));

const lunch = (options = dates('2027-03-16', '2027-03-18', '2027-03-20')): PollInput => ({
	title: 'Lunch in de Buurtkamer',
	description: 'Iedereen neemt iets mee.',
	place: 'Buurtkamer',
	options
});

/** The code of the refusal `run` throws. */
function refusal(run: () => unknown): string {
	try {
		run();
	} catch (e) {
		if (e instanceof DomainError) return e.code;
		throw e;
	}
	return 'none';
}

const told = (db: DB, type: string) =>
	db
		.select()
		.from(notifications)
		.where(eq(notifications.type, type))
		.all()
		.map((n) => n.userId)
		.sort((a, b) => a - b);

/** The poll's option ids in the order they were offered. */
const optionIds = (db: DB, flatId: number, pollId: number, viewer: calendar.Actor) =>
	calendar
		.pollOptions(db, pollId, viewer)
		.sort((a, b) => a.date.localeCompare(b.date))
		.map((o) => o.id);

describe('starting a date poll', () => {
	it('offers 2 to 5 distinct dates ahead, and tells the flat', async () => {
		const { db, flat, verbinder, kees, mo, pro } = await setup();
		const two = calendar.createPoll(
			db,
			flat,
			verbinder,
			lunch(dates('2027-03-16', '2027-03-17')),
			NOW
		);
		const five = dates('2027-03-10', '2027-03-11', '2027-03-12', '2027-03-13', '2027-03-14');
		expect(calendar.createPoll(db, flat, pro, lunch(five), NOW)).toBeGreaterThan(two);
		// Everyone else hears of the verbinder's poll, the professional too (counts are theirs).
		const poll = db.select().from(activityPolls).where(eq(activityPolls.id, two)).get()!;
		expect(poll).toMatchObject({ status: 'open', activityId: null, authorId: verbinder.userId });
		expect(poll.closesAt.getTime()).toBe(NOW.getTime() + 14 * DAY);
		const newPoll = db
			.select()
			.from(notifications)
			.where(eq(notifications.link, calendar.pollLink(two)))
			.all();
		expect(newPoll.map((n) => n.userId).sort((a, b) => a - b)).toEqual(
			[kees.userId, mo.userId, pro.userId].sort((a, b) => a - b)
		);
		expect(newPoll[0]).toMatchObject({
			type: 'poll_new',
			params: { title: 'Lunch in de Buurtkamer' }
		});
	});

	it('refuses one date, six, the same date twice, and a day gone by', async () => {
		const { db, flat, verbinder } = await setup();
		const start = (options: PollInput['options']) =>
			refusal(() => calendar.createPoll(db, flat, verbinder, lunch(options), NOW));
		expect(start(dates('2027-03-16'))).toBe('poll_options');
		expect(
			start(
				dates('2027-03-16', '2027-03-17', '2027-03-18', '2027-03-19', '2027-03-20', '2027-03-21')
			)
		).toBe('poll_options');
		expect(start(dates('2027-03-16', '2027-03-16'))).toBe('poll_options');
		expect(
			start([{ date: '2027-03-16', startTime: '14:00', endTime: '13:00' }, ...dates('2027-03-17')])
		).toBe('poll_options');
		// Yesterday in Amsterdam is past; the same day at another time is a choice of its own.
		expect(start(dates('2027-03-09', '2027-03-16'))).toBe('past');
		expect(
			start([
				{ date: '2027-03-16', startTime: '10:00', endTime: '11:00' },
				{ date: '2027-03-16', startTime: '14:00', endTime: '15:00' }
			])
		).toBe('none');
		expect(db.select().from(activityPolls).all()).toHaveLength(1);
	});

	it('lets residents ask only where they may publish activities themselves', async () => {
		const { db, flat, kees } = await setup();
		expect(flat.residentActivities).toBe('propose');
		expect(refusal(() => calendar.createPoll(db, flat, kees, lunch(), NOW))).toBe('not_allowed');
		const open = { ...flat, residentActivities: 'publish' as const };
		expect(refusal(() => calendar.createPoll(db, open, kees, lunch(), NOW))).toBe('none');
	});
});

describe('ticking', () => {
	it('replaces a member’s ticks, and an empty list takes them back', async () => {
		const { db, flat, verbinder, kees } = await setup();
		const id = calendar.createPoll(db, flat, verbinder, lunch(), NOW);
		const [a, b, c] = optionIds(db, flat.id, id, kees);
		calendar.vote(db, flat.id, id, kees, [a!, b!], NOW);
		calendar.vote(db, flat.id, id, kees, [b!, c!], NOW);
		const mine = () =>
			calendar
				.pollOptions(db, id, kees)
				.filter((o) => o.mine)
				.map((o) => o.id)
				.sort((x, y) => x - y);
		expect(mine()).toEqual([b!, c!].sort((x, y) => x - y));
		calendar.vote(db, flat.id, id, kees, [], NOW);
		expect(mine()).toEqual([]);
	});

	it('is for those who answer "I\'m coming", on the poll’s own options, while it is open', async () => {
		const { db, flat, verbinder, kees, pro } = await setup();
		const id = calendar.createPoll(db, flat, verbinder, lunch(), NOW);
		const other = calendar.createPoll(db, flat, verbinder, lunch(), NOW);
		const [a] = optionIds(db, flat.id, id, kees);
		const [foreign] = optionIds(db, flat.id, other, kees);
		expect(refusal(() => calendar.vote(db, flat.id, id, pro, [a!], NOW))).toBe('not_allowed');
		expect(refusal(() => calendar.vote(db, flat.id, id, kees, [foreign!], NOW))).toBe('not_found');
		const closing = new Date(NOW.getTime() + 14 * DAY);
		expect(refusal(() => calendar.vote(db, flat.id, id, kees, [a!], closing))).toBe('poll_closed');
		expect(refusal(() => calendar.vote(db, flat.id, id, kees, [a!], NOW))).toBe('none');
	});
});

describe('counts and names', () => {
	it('shows counts to everyone and names only to residents and verbinders', async () => {
		const { db, flat, verbinder, kees, mo, pro } = await setup();
		const id = calendar.createPoll(db, flat, verbinder, lunch(), NOW);
		const [a, b] = optionIds(db, flat.id, id, kees);
		calendar.vote(db, flat.id, id, kees, [a!], NOW);
		calendar.vote(db, flat.id, id, mo, [a!, b!], NOW);
		const seen = (viewer: calendar.Actor) =>
			calendar.pollView(db, flat.id, id, viewer).options.map((o) => [o.count, o.names]);
		expect(seen(kees)).toEqual([
			[2, ['Kees', 'Mo']],
			[1, ['Mo']],
			[0, []]
		]);
		expect(seen(pro)).toEqual([
			[2, null],
			[1, null],
			[0, null]
		]);
		expect(JSON.stringify(calendar.pollView(db, flat.id, id, pro))).not.toContain('Kees');
	});

	it('keeps a tie a tie: equal counts side by side by date, no winner picked', async () => {
		const { db, flat, verbinder, kees, mo } = await setup();
		const id = calendar.createPoll(db, flat, verbinder, lunch(), NOW);
		const [a, b, c] = optionIds(db, flat.id, id, kees);
		calendar.vote(db, flat.id, id, kees, [c!, b!], NOW);
		calendar.vote(db, flat.id, id, mo, [c!, b!, a!], NOW);
		const list = calendar.pollOptions(db, id, verbinder);
		expect(list.map((o) => [o.date, o.count, o.top])).toEqual([
			['2027-03-18', 2, true],
			['2027-03-20', 2, true],
			['2027-03-16', 1, false]
		]);
		// Nobody ticked anything yet: no option is on top.
		const empty = calendar.createPoll(db, flat, verbinder, lunch(), NOW);
		expect(calendar.pollOptions(db, empty, verbinder).some((o) => o.top)).toBe(false);
	});
});

describe('turning an option into the activity', () => {
	it('publishes it on that date with the tickers coming, told once', async () => {
		const { db, flat, verbinder, kees, mo, pro } = await setup();
		const id = calendar.createPoll(db, flat, verbinder, lunch(), NOW);
		const [a, b] = optionIds(db, flat.id, id, kees);
		calendar.vote(db, flat.id, id, kees, [a!, b!], NOW);
		calendar.vote(db, flat.id, id, mo, [a!], NOW);
		const { activityId } = calendar.decide(db, flat, id, b!, verbinder, NOW);

		const activity = calendar.get(db, flat.id, activityId, kees);
		expect(activity).toMatchObject({
			title: 'Lunch in de Buurtkamer',
			description: 'Iedereen neemt iets mee.',
			place: 'Buurtkamer',
			startDate: '2027-03-18',
			startTime: '14:00',
			endTime: '16:00',
			recurrence: 'none',
			status: 'published',
			capacity: null
		});
		expect(calendar.attendance(db, activityId, '2027-03-18').coming.map((p) => p.name)).toEqual([
			'Kees'
		]);
		const view = calendar.pollView(db, flat.id, id, kees);
		expect(view).toMatchObject({
			status: 'decided',
			activityId,
			decided: { date: '2027-03-18', startTime: '14:00' }
		});
		// Kees ticked it: the poll's news only. The others hear of a new activity.
		expect(told(db, 'poll_decided')).toEqual([kees.userId]);
		expect(told(db, 'activity_new')).toEqual([mo.userId, pro.userId].sort((x, y) => x - y));
		const decided = db
			.select()
			.from(notifications)
			.where(and(eq(notifications.type, 'poll_decided'), eq(notifications.userId, kees.userId)))
			.get()!;
		expect(decided).toMatchObject({
			link: calendar.activityLink(activityId),
			params: { title: 'Lunch in de Buurtkamer', date: '2027-03-18', time: '14:00' }
		});
		// Decided once: the poll is no longer open for another decision or ticks.
		expect(refusal(() => calendar.decide(db, flat, id, a!, verbinder, NOW))).toBe('poll_closed');
		expect(refusal(() => calendar.vote(db, flat.id, id, mo, [a!], NOW))).toBe('poll_closed');
	});

	it('is for a verbinder, or the author where they may publish themselves', async () => {
		const { db, flat, verbinder, kees, mo, pro } = await setup();
		const id = calendar.createPoll(db, flat, verbinder, lunch(), NOW);
		const [a] = optionIds(db, flat.id, id, kees);
		expect(refusal(() => calendar.decide(db, flat, id, a!, kees, NOW))).toBe('not_allowed');
		expect(refusal(() => calendar.decide(db, flat, id, a!, pro, NOW))).toBe('not_allowed');

		const open = { ...flat, residentActivities: 'publish' as const };
		const own = calendar.createPoll(db, open, kees, lunch(), NOW);
		const [first] = optionIds(db, flat.id, own, kees);
		expect(refusal(() => calendar.decide(db, open, own, first!, mo, NOW))).toBe('not_allowed');
		// An option of another poll is not one of this poll's.
		expect(refusal(() => calendar.decide(db, open, own, a!, kees, NOW))).toBe('not_found');
		const { activityId } = calendar.decide(db, open, own, first!, kees, NOW);
		expect(calendar.get(db, flat.id, activityId, mo).status).toBe('published');
	});

	it('refuses a date that has gone by meanwhile', async () => {
		const { db, flat, verbinder, kees } = await setup();
		const id = calendar.createPoll(db, flat, verbinder, lunch(), NOW);
		const [a] = optionIds(db, flat.id, id, kees);
		const later = new Date('2027-03-17T09:00:00Z');
		expect(refusal(() => calendar.decide(db, flat, id, a!, verbinder, later))).toBe('past');
	});
});

describe('closing', () => {
	it('closes an open poll after 14 days by the clock, not before, and only once', async () => {
		const { db, flat, verbinder, kees } = await setup();
		const id = calendar.createPoll(db, flat, verbinder, lunch(), NOW);
		const decided = calendar.createPoll(db, flat, verbinder, lunch(), NOW);
		calendar.decide(db, flat, decided, optionIds(db, flat.id, decided, kees)[0]!, verbinder, NOW);
		const status = (pollId: number) => calendar.findPoll(db, flat.id, pollId)!.status;

		expect(calendar.closePolls(db, new Date(NOW.getTime() + 14 * DAY - 1))).toEqual({
			pollsClosed: 0
		});
		expect(status(id)).toBe('open');
		expect(round(db, new Date(NOW.getTime() + 14 * DAY))).toMatchObject({ pollsClosed: 1 });
		expect(status(id)).toBe('closed');
		expect(status(decided)).toBe('decided');
		expect(calendar.findPoll(db, flat.id, id)!.activityId).toBeNull();
		expect(calendar.closePolls(db, new Date(NOW.getTime() + 15 * DAY))).toEqual({
			pollsClosed: 0
		});
		expect(calendar.openPolls(db, flat.id)).toEqual([]);
	});
});

describe('between flats and people', () => {
	it('knows no poll of another flat', async () => {
		const { db, flat, verbinder, kees } = await setup();
		const id = calendar.createPoll(db, flat, verbinder, lunch(), NOW);
		const [a] = optionIds(db, flat.id, id, kees);
		const elsewhere = { ...otherFlat(db, AMS), residentActivities: 'publish' as const };
		expect(calendar.findPoll(db, elsewhere.id, id)).toBeUndefined();
		expect(refusal(() => calendar.pollView(db, elsewhere.id, id, verbinder))).toBe('not_found');
		expect(refusal(() => calendar.vote(db, elsewhere.id, id, kees, [a!], NOW))).toBe('not_found');
		expect(refusal(() => calendar.decide(db, elsewhere, id, a!, verbinder, NOW))).toBe('not_found');
		expect(calendar.openPolls(db, elsewhere.id)).toEqual([]);
		expect(calendar.openPolls(db, flat.id).map((p) => p.id)).toEqual([id]);
	});

	it('exports a person’s ticks and polls, and forgets their ticks when they leave', async () => {
		const { db, flat, verbinder, kees } = await setup();
		const id = calendar.createPoll(db, flat, verbinder, lunch(), NOW);
		const [a] = optionIds(db, flat.id, id, kees);
		calendar.vote(db, flat.id, id, kees, [a!], NOW);
		expect(exportData(db, kees.userId).pollTicks).toMatchObject([
			{ poll: 'Lunch in de Buurtkamer', date: '2027-03-16', startTime: '14:00' }
		]);
		expect(exportData(db, verbinder.userId).polls).toMatchObject([
			{ title: 'Lunch in de Buurtkamer', status: 'open' }
		]);
		calendar.forgetPollVotes(db, flat.id, kees.userId);
		expect(calendar.pollOptions(db, id, verbinder).every((o) => o.count === 0)).toBe(true);
	});
});
