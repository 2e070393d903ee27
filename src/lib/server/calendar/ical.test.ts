import { describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { flatWithNeighbours, otherFlat } from '../../../../tests/unit/fixtures';
import { calendarFeeds } from '../db/schema';
import { hashToken } from '../auth/tokens';
import * as flats from '../flats';
import * as members from '../members';
import * as calendar from '.';
import type { ActivityInput } from '.';
import * as ical from './ical';

const AMS = 'Europe/Amsterdam';
/** A Saturday in March 2027: the feed then runs from 18 February to 19 September. */
const NOW = new Date('2027-03-20T12:00:00Z');

async function setup(timeZone = AMS) {
	const base = await flatWithNeighbours(timeZone);
	const { db, flat, ans } = base;
	members.setRole(db, flat.id, members.membership(db, flat.id, ans)!.id, 'verbinder');
	return {
		...base,
		verbinder: { userId: ans, role: 'verbinder' as const },
		resident: { userId: base.kees, role: 'resident' as const }
	};
}

const coffee = (over: Partial<ActivityInput> = {}): ActivityInput => ({
	title: 'Koffieochtend',
	description: 'Koffie, thee en een praatje.',
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

type Seen = {
	uid: string;
	summary: string;
	start: string;
	end: string;
	status: string | null;
	recurrenceId: string | null;
	location: string;
	description: string;
	sequence: number;
};

const iso = (t: InstanceType<typeof ICAL.Time>) => new Date(t.toUnixTime() * 1000).toISOString();

/**
 * Reads a calendar file back with ical.js, an independent parser, and expands it into
 * occurrences. Only the file's own VTIMEZONE tells ical.js what the flat's zone is, so a
 * wrong zone shows as a wrong UTC instant.
 */
function read(ics: string, until = '2100-01-01'): Seen[] {
	const root = new ICAL.Component(ICAL.parse(ics));
	// Forget zones from earlier files: each file must bring its own.
	ICAL.TimezoneService.reset();
	for (const zone of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
	const vevents = root.getAllSubcomponents('vevent');
	const out: Seen[] = [];
	for (const master of vevents.filter((v) => !v.hasProperty('recurrence-id'))) {
		const uid = master.getFirstPropertyValue('uid');
		const event = new ICAL.Event(master, {
			exceptions: vevents.filter(
				(v) => v.hasProperty('recurrence-id') && v.getFirstPropertyValue('uid') === uid
			)
		});
		const it = event.iterator();
		for (let t = it.next(); t; t = it.next()) {
			if (iso(t) > until) break;
			if (out.length > 1000) throw new Error('the series does not end');
			const d = event.getOccurrenceDetails(t);
			out.push({
				uid: d.item.uid,
				summary: d.item.summary,
				start: iso(d.startDate),
				end: iso(d.endDate),
				status: (d.item.component.getFirstPropertyValue('status') as string | null) ?? null,
				recurrenceId: d.item.isRecurrenceException() ? iso(d.item.recurrenceId) : null,
				location: d.item.location,
				description: d.item.description,
				sequence: d.item.sequence
			});
		}
	}
	return out.sort((a, b) => a.start.localeCompare(b.start) || a.uid.localeCompare(b.uid));
}

describe('feed', () => {
	it('keeps a 10:00 coffee morning at 10:00 across both DST changes', async () => {
		const { db, flat, verbinder } = await setup();
		calendar.create(db, flat, verbinder, coffee(), NOW);
		const spring = read(ical.feed(db, flat, NOW));
		expect(spring.slice(1, 3).map((o) => [o.start, o.end])).toEqual([
			['2027-03-23T09:00:00.000Z', '2027-03-23T10:30:00.000Z'],
			['2027-03-30T08:00:00.000Z', '2027-03-30T09:30:00.000Z']
		]);

		const autumn = read(ical.feed(db, flat, new Date('2027-10-20T12:00:00Z')));
		const around = autumn.filter((o) => o.start >= '2027-10-26' && o.start < '2027-11-03');
		expect(around.map((o) => o.start)).toEqual([
			'2027-10-26T08:00:00.000Z',
			'2027-11-02T09:00:00.000Z'
		]);
	});

	it('writes the zone as TZID with its VTIMEZONE, and the calendar under the flat name', async () => {
		const { db, flat, verbinder } = await setup();
		calendar.create(db, flat, verbinder, coffee(), NOW);
		const ics = ical.feed(db, flat, NOW);
		expect(ics).toContain('DTSTART;TZID=Europe/Amsterdam:20270316T100000');
		expect(ics).toContain('TZID:Europe/Amsterdam\r\nBEGIN:DAYLIGHT');
		expect(ics).toContain('RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU');
		expect(ics).toContain('X-WR-CALNAME:H\r\n');
		expect(ics).toContain('UID:activity-1@burenbord\r\n');
	});

	it('marks a cancelled occurrence with its RECURRENCE-ID, STATUS:CANCELLED and the reason', async () => {
		const { db, flat, verbinder } = await setup();
		const a = calendar.create(db, flat, verbinder, coffee(), NOW);
		calendar.cancelOccurrence(db, flat, a.id, '2027-03-30', verbinder, 'De sleutel is zoek', NOW);
		const seen = read(ical.feed(db, flat, NOW));
		const off = seen.filter((o) => o.status === 'CANCELLED');
		expect(off).toHaveLength(1);
		expect(off[0]).toMatchObject({
			recurrenceId: '2027-03-30T08:00:00.000Z',
			start: '2027-03-30T08:00:00.000Z',
			sequence: 1
		});
		expect(off[0]!.description).toContain('De sleutel is zoek');
		expect(seen.filter((o) => o.status === 'CONFIRMED').every((o) => o.sequence === 1)).toBe(true);
	});

	it('gives a moved occurrence its new day, time and place', async () => {
		const { db, flat, verbinder } = await setup();
		const a = calendar.create(db, flat, verbinder, coffee(), NOW);
		calendar.changeOccurrence(
			db,
			flat,
			a.id,
			'2027-04-06',
			verbinder,
			{ date: '2027-04-08', startTime: '14:00', endTime: '15:00', place: 'Tuin', note: 'Buiten!' },
			NOW
		);
		const seen = read(ical.feed(db, flat, NOW));
		const moved = seen.filter((o) => o.recurrenceId);
		expect(moved).toEqual([
			expect.objectContaining({
				recurrenceId: '2027-04-06T08:00:00.000Z',
				start: '2027-04-08T12:00:00.000Z',
				end: '2027-04-08T13:00:00.000Z',
				location: 'Tuin',
				status: 'CONFIRMED'
			})
		]);
		expect(moved[0]!.description).toContain('Buiten!');
		expect(seen.some((o) => o.start.startsWith('2027-04-06'))).toBe(false);
	});

	it('ends a paused series the day before its pause', async () => {
		const { db, flat, verbinder } = await setup();
		const a = calendar.create(db, flat, verbinder, coffee(), NOW);
		calendar.pause(db, flat, a.id, verbinder, '2027-04-13', NOW);
		expect(read(ical.feed(db, flat, NOW)).map((o) => o.start.slice(0, 10))).toEqual([
			'2027-03-16',
			'2027-03-23',
			'2027-03-30',
			'2027-04-06'
		]);
	});

	it('holds only the last 30 days and the next six months', async () => {
		const { db, flat, verbinder } = await setup();
		calendar.create(db, flat, verbinder, coffee({ startDate: '2026-03-17' }), NOW);
		calendar.create(
			db,
			flat,
			verbinder,
			coffee({ title: 'Oud', startDate: '2027-02-08', recurrence: 'none' }),
			NOW
		);
		calendar.create(
			db,
			flat,
			verbinder,
			coffee({ title: 'Ver weg', startDate: '2027-10-20', recurrence: 'none' }),
			NOW
		);
		const seen = read(ical.feed(db, flat, NOW));
		const earliest = new Date(NOW.getTime() - 31 * 86_400_000).toISOString();
		const latest = new Date(NOW.getTime() + 184 * 86_400_000).toISOString();
		expect(seen.every((o) => o.start >= earliest && o.start <= latest)).toBe(true);
		expect(seen.map((o) => o.summary)).not.toContain('Oud');
		expect(seen.map((o) => o.summary)).not.toContain('Ver weg');
		// The series that began a year ago starts at its first Tuesday in the window.
		expect(seen[0]!.start).toBe('2027-02-23T09:00:00.000Z');
		expect(seen.at(-1)!.start).toBe('2027-09-14T08:00:00.000Z');
		expect(seen).toHaveLength(30);
	});

	it('gives the same occurrences as the agenda, for weekly, fortnightly and monthly series', async () => {
		const { db, flat, verbinder } = await setup();
		calendar.create(db, flat, verbinder, coffee({ startDate: '2026-01-06' }), NOW);
		calendar.create(
			db,
			flat,
			verbinder,
			coffee({ title: 'Klaverjassen', startDate: '2026-06-03', recurrence: 'biweekly' }),
			NOW
		);
		// A fifth Tuesday: the series goes on on the last Tuesday of each month.
		const monthly = calendar.create(
			db,
			flat,
			verbinder,
			coffee({ title: 'Repair café', startDate: '2026-03-31', recurrence: 'monthly' }),
			NOW
		);
		calendar.create(
			db,
			flat,
			verbinder,
			coffee({ title: 'Tien keer', startDate: '2027-03-01', recurrence: 'weekly', count: 10 }),
			NOW
		);
		calendar.cancelOccurrence(db, flat, monthly.id, '2027-04-27', verbinder, 'Vakantie', NOW);
		const { from, to } = ical.feedWindow(AMS, NOW);
		const agenda = calendar
			.agenda(db, flat, from, to)
			.map((o) => [o.title, o.start.toISOString(), o.cancelled]);
		const seen = read(ical.feed(db, flat, NOW)).map((o) => [
			o.summary,
			o.start,
			o.status === 'CANCELLED'
		]);
		const order = (x: unknown[], y: unknown[]) => String(x).localeCompare(String(y));
		expect(seen.sort(order)).toEqual(agenda.sort(order));
		expect(seen.filter(([title]) => title === 'Tien keer')).toHaveLength(10);
	});

	it('leaves out proposals and other flats', async () => {
		const { db, flat, verbinder, resident } = await setup();
		calendar.create(db, flat, resident, coffee({ title: 'Voorstel' }), NOW);
		const other = otherFlat(db, AMS);
		calendar.create(db, other, verbinder, coffee({ title: 'Van de buren' }), NOW);
		calendar.create(db, flat, verbinder, coffee(), NOW);
		const titles = new Set(read(ical.feed(db, flat, NOW)).map((o) => o.summary));
		expect([...titles]).toEqual(['Koffieochtend']);
	});

	it('works for a zone without DST and for UTC', async () => {
		const tokyo = await setup('Asia/Tokyo');
		calendar.create(tokyo.db, tokyo.flat, tokyo.verbinder, coffee(), NOW);
		const ics = ical.feed(tokyo.db, tokyo.flat, NOW);
		expect(ics).toContain('TZOFFSETFROM:+0900\r\nTZOFFSETTO:+0900');
		expect(ics).not.toContain('BEGIN:DAYLIGHT');
		expect(
			read(ics)
				.slice(0, 3)
				.map((o) => o.start)
		).toEqual(['2027-03-16T01:00:00.000Z', '2027-03-23T01:00:00.000Z', '2027-03-30T01:00:00.000Z']);

		const utc = await setup('UTC');
		calendar.create(utc.db, utc.flat, utc.verbinder, coffee(), NOW);
		const plain = ical.feed(utc.db, utc.flat, NOW);
		expect(plain).not.toContain('VTIMEZONE');
		expect(plain).toContain('DTSTART:20270316T100000Z');
		expect(read(plain)[1]!.start).toBe('2027-03-23T10:00:00.000Z');
	});
});

describe('activityIcs', () => {
	it('holds the whole series, open-ended, right in the zone for years to come', async () => {
		const { db, flat, verbinder } = await setup();
		const a = calendar.create(db, flat, verbinder, coffee({ startDate: '2026-01-06' }), NOW);
		calendar.cancelOccurrence(db, flat, a.id, '2027-03-30', verbinder, 'Ziek', NOW);
		const ics = ical.activityIcs(db, flat, calendar.get(db, flat.id, a.id, verbinder), NOW);
		expect(ics).toContain('DTSTART;TZID=Europe/Amsterdam:20260106T100000');
		expect(ics).toContain('RRULE:FREQ=WEEKLY;BYDAY=TU\r\n');
		expect(ics).not.toContain('X-WR-CALNAME');
		const seen = read(ics, '2031-01-01');
		expect(seen[0]!.start).toBe('2026-01-06T09:00:00.000Z');
		expect(seen.find((o) => o.start.startsWith('2030-07-02'))!.start).toBe(
			'2030-07-02T08:00:00.000Z'
		);
		expect(seen.find((o) => o.start.startsWith('2030-12-31'))!.start).toBe(
			'2030-12-31T09:00:00.000Z'
		);
		expect(seen.filter((o) => o.status === 'CANCELLED').map((o) => o.recurrenceId)).toEqual([
			'2027-03-30T08:00:00.000Z'
		]);
	});

	it('ends a series on its last date, and a proposal is tentative', async () => {
		const { db, flat, verbinder, resident } = await setup();
		const a = calendar.create(
			db,
			flat,
			resident,
			coffee({ startDate: '2027-10-05', untilDate: '2027-11-02' }),
			NOW
		);
		const seen = read(ical.activityIcs(db, flat, calendar.get(db, flat.id, a.id, verbinder), NOW));
		expect(seen.map((o) => o.start)).toEqual([
			'2027-10-05T08:00:00.000Z',
			'2027-10-12T08:00:00.000Z',
			'2027-10-19T08:00:00.000Z',
			'2027-10-26T08:00:00.000Z',
			'2027-11-02T09:00:00.000Z'
		]);
		expect(seen.every((o) => o.status === 'TENTATIVE')).toBe(true);
	});
});

describe('feed addresses', () => {
	it('finds the member by token; a new address or revoking ends the old one', async () => {
		const { db, flat, kees } = await setup();
		expect(ical.hasFeed(db, flat.id, kees)).toBe(false);
		const first = ical.createFeed(db, flat.id, kees);
		expect(ical.hasFeed(db, flat.id, kees)).toBe(true);
		expect(ical.memberForFeed(db, flat.id, first)).toBe(kees);
		expect(ical.memberForFeed(db, flat.id, first + 'x')).toBeUndefined();

		const second = ical.createFeed(db, flat.id, kees);
		expect(second).not.toBe(first);
		expect(ical.memberForFeed(db, flat.id, first)).toBeUndefined();
		expect(ical.memberForFeed(db, flat.id, second)).toBe(kees);

		ical.revokeFeed(db, flat.id, kees);
		expect(ical.memberForFeed(db, flat.id, second)).toBeUndefined();
		expect(ical.hasFeed(db, flat.id, kees)).toBe(false);
	});

	it("refuses a token in another flat's address", async () => {
		const { db, flat, mo } = await setup();
		const other = flats.create(db, { name: 'B', slug: 'b-flat', timeZone: AMS, joinMode: 'open' });
		const token = ical.createFeed(db, flat.id, mo);
		expect(ical.memberForFeed(db, other.id, token)).toBeUndefined();
	});

	it('stops working for someone who moved out', async () => {
		const { db, flat, mo } = await setup();
		const token = ical.createFeed(db, flat.id, mo);
		members.remove(db, flat.id, members.membership(db, flat.id, mo)!.id);
		expect(ical.memberForFeed(db, flat.id, token)).toBeUndefined();
	});

	it('keeps only the hash of the token', async () => {
		const { db, flat, kees, mo } = await setup();
		const tokens = [ical.createFeed(db, flat.id, kees), ical.createFeed(db, flat.id, mo)];
		const rows = db.select().from(calendarFeeds).all();
		expect(rows.map((r) => r.id).sort()).toEqual(tokens.map(hashToken).sort());
		const stored = JSON.stringify(rows);
		for (const token of tokens) expect(stored).not.toContain(token);
	});
});
