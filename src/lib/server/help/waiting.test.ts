import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { flatWithNeighbours, otherFlat, request } from '../../../../tests/unit/fixtures';
import { flats, helpPosts, notifications } from '../db/schema';
import * as members from '../members';
import * as moderation from '../moderation';
import { round } from '../clock';
import * as help from '.';

const DAY = 24 * 60 * 60 * 1000;
const T0 = new Date('2027-07-01T10:00:00Z');
const at = (days: number, ms = 0) => new Date(T0.getTime() + days * DAY + ms);
const resident = (userId: number) => ({ userId, role: 'resident' as const });

/** A flat where Ans is a verbinder, Kees and Mo residents, and Bram a second verbinder. */
async function setup() {
	const made = await flatWithNeighbours('Europe/Amsterdam');
	const bram = await made.join('Bram');
	const { db, flat } = made;
	for (const userId of [made.ans, bram])
		members.setRole(db, flat.id, members.membership(db, flat.id, userId)!.id, 'verbinder');
	const fresh = () => db.select().from(flats).where(eq(flats.id, flat.id)).get()!;
	return { ...made, bram, fresh };
}

const waitingTold = (db: Awaited<ReturnType<typeof setup>>['db']) =>
	db.select().from(notifications).where(eq(notifications.type, 'request_waiting')).all();

describe('a request waiting for a neighbour', () => {
	it('is an open request nobody answered within the flat’s days, oldest first', async () => {
		const { db, flat, ans, kees, mo, fresh } = await setup();
		const first = help.create(db, flat, resident(kees), request('Boodschappen'), T0);
		const second = help.create(db, flat, resident(mo), request('Lamp ophangen'), at(0, 60_000));
		const ids = (now: Date) => help.waiting(db, fresh(), ans, now).map((r) => r.id);

		expect(ids(at(2, -1))).toEqual([]);
		expect(ids(at(2))).toEqual([first]);
		expect(ids(at(3))).toEqual([first, second]);
		expect(help.waiting(db, fresh(), ans, at(3))[0]).toMatchObject({
			title: 'Boodschappen',
			authorName: 'Kees',
			days: 3
		});

		// One answer, even one the author did not take yet, and it waits no more.
		help.respond(db, flat.id, first, mo, 'Ik kan morgen');
		expect(ids(at(3))).toEqual([second]);

		// The verbinders choose: one day is sooner.
		help.setWaitingDays(db, flat.id, 1);
		expect(fresh().waitingDays).toBe(1);
		const third = help.create(db, flat, resident(kees), request('Poes voeren'), at(3));
		expect(ids(at(4))).toEqual([second, third]);
		// A request the verbinders were told of stays, even with more days chosen since.
		help.waitingTick(db, at(4));
		help.setWaitingDays(db, flat.id, 5);
		expect(ids(at(4))).toEqual([second, third]);
		// Held to 1–7, whatever reaches the verb.
		help.setWaitingDays(db, flat.id, 30);
		expect(fresh().waitingDays).toBe(7);
		help.setWaitingDays(db, flat.id, 0);
		expect(fresh().waitingDays).toBe(1);
	});

	it('leaves out offers, hidden, closed and expired posts, and other flats', async () => {
		const { db, flat, ans, kees, mo, fresh } = await setup();
		help.create(db, flat, resident(kees), { ...request('Boor te leen'), type: 'offer' }, T0);
		const hidden = help.create(db, flat, resident(kees), request('Verborgen'), T0);
		db.update(helpPosts).set({ hidden: true }).where(eq(helpPosts.id, hidden)).run();
		const gone = help.create(db, flat, resident(mo), request('Ingetrokken'), T0);
		help.withdraw(db, flat.id, gone, mo, at(1));
		// "Any time" lasts two weeks: on day 15 it is past its time, even before the clock closed it.
		const old = help.create(db, flat, resident(mo), request('Lang geleden'), T0);
		const other = otherFlat(db);
		const stranger = (
			await members.join(db, {
				flat: other,
				name: 'Els',
				houseNumber: null,
				password: 'wachtwoord',
				locale: 'nl'
			})
		).userId;
		help.create(db, other, resident(stranger), request('Elders'), T0);

		expect(help.waiting(db, fresh(), ans, at(3)).map((r) => r.id)).toEqual([old]);
		expect(help.waiting(db, fresh(), ans, at(15))).toEqual([]);
	});

	it('shows an anonymous request without a name, as the board does', async () => {
		const { db, flat, ans, kees, fresh } = await setup();
		help.create(db, flat, resident(kees), request('Brief lezen', { anonymous: true }), T0);
		help.create(
			db,
			flat,
			{ userId: ans, role: 'verbinder' },
			request('Voor Truus', { onBehalfOf: 'Truus' }),
			T0
		);
		const rows = help.waiting(db, fresh(), ans, at(3));
		expect(rows.map((r) => [r.title, r.authorName, r.onBehalfOf])).toEqual([
			['Brief lezen', null, null],
			['Voor Truus', 'Ans', 'Truus']
		]);
		expect(JSON.stringify(rows)).not.toContain('Kees');
		// The anonymous author's own name, to the author only (a verbinder who asked themselves).
		help.create(
			db,
			flat,
			{ userId: ans, role: 'verbinder' },
			request('Van mij', { anonymous: true }),
			T0
		);
		expect(
			help.waiting(db, fresh(), ans, at(3)).find((r) => r.title === 'Van mij')?.authorName
		).toBe('Ans');
	});

	it('tells each verbinder once, never the author or a verbinder they blocked', async () => {
		const { db, flat, ans, bram, kees, mo } = await setup();
		const cat = help.create(db, flat, resident(kees), request('Poes voeren'), T0);
		help.create(db, flat, { userId: ans, role: 'verbinder' }, request('Van Ans'), T0);
		moderation.block(db, flat.id, mo, bram);
		help.create(db, flat, resident(mo), request('Van Mo'), T0);

		expect(help.waitingTick(db, at(2, -1))).toEqual({ waiting: 0 });
		expect(waitingTold(db)).toEqual([]);

		expect(help.waitingTick(db, at(2))).toEqual({ waiting: 3 });
		const told = waitingTold(db).map((n) => [n.userId, n.params.title, n.link]);
		expect(told).toEqual(
			expect.arrayContaining([
				[ans, 'Poes voeren', 'help/waiting'],
				[bram, 'Poes voeren', 'help/waiting'],
				[bram, 'Van Ans', 'help/waiting'],
				[ans, 'Van Mo', 'help/waiting']
			])
		);
		expect(told).toHaveLength(4);
		expect(told.some(([userId]) => userId === kees || userId === mo)).toBe(false);
		expect(
			db.select().from(helpPosts).where(eq(helpPosts.id, cat)).get()!.waitingNotifiedAt
		).toEqual(at(2));

		// Again, later: nothing new to tell.
		expect(help.waitingTick(db, at(3))).toEqual({ waiting: 0 });
		expect(waitingTold(db)).toHaveLength(4);
	});

	it('runs in the clock’s round, each flat by its own days', async () => {
		const { db, flat, kees } = await setup();
		help.setWaitingDays(db, flat.id, 4);
		help.create(db, flat, resident(kees), request('Vuilnis buiten zetten'), T0);
		expect(round(db, at(3)).waiting).toBe(0);
		expect(round(db, at(4)).waiting).toBe(1);
		expect(
			db
				.select()
				.from(notifications)
				.where(and(eq(notifications.type, 'request_waiting'), eq(notifications.flatId, flat.id)))
				.all()
		).toHaveLength(2);
	});
});
