import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { flatWithNeighbours, request, otherFlat } from '../../../../tests/unit/fixtures';
import { helpPosts, helpRecords, notifications } from '../db/schema';
import * as members from '../members';
import * as balance from '../balance';
import * as help from '.';
import { concerns, soundsHarsh, suggestsCare } from './light';

const DAY = 24 * 60 * 60 * 1000;
const T0 = new Date('2027-07-01T10:00:00Z');

const setup = () => flatWithNeighbours('Europe/Amsterdam');

const catRequest: help.PostInput = {
	type: 'request',
	category: 'pets',
	title: 'Wie voert mijn kat?',
	description: 'Van 12 tot 19 juli.\nTwee keer per dag.',
	when: 'period',
	startDate: '2027-07-12',
	endDate: '2027-07-19',
	anonymous: false,
	onBehalfOf: null
};

const resident = (userId: number) => ({ userId, role: 'resident' as const });

describe('the help loop', () => {
	it('goes from request to thank-you, and the balance follows the record', async () => {
		const { db, flat, ans, kees, mo } = await setup();
		const id = help.create(db, flat, resident(ans), catRequest, T0);
		help.respond(db, flat.id, id, kees, 'Ik kan helpen!');
		help.respond(db, flat.id, id, mo, 'Ik ook');
		expect(() => help.respond(db, flat.id, id, kees, 'nog eens')).toThrow('already');
		expect(() => help.respond(db, flat.id, id, ans, 'zelf')).toThrow('own_post');

		const seen = help.view(db, flat.id, id, ans);
		const keesResponse = seen.responses.find((r) => r.name === 'Kees')!;
		expect(() => help.accept(db, flat.id, id, kees, keesResponse.id)).toThrow('not_allowed');
		help.accept(db, flat.id, id, ans, keesResponse.id);
		expect(help.view(db, flat.id, id, mo).myResponse?.status).toBe('declined');

		expect(() => help.message(db, flat.id, id, mo, 'mag ik meelezen?')).toThrow('not_allowed');
		// Who asks comes before the state: an outsider is refused, not told the help is unfinished.
		expect(() => help.thank(db, flat.id, id, mo, 'bedankt')).toThrow('not_allowed');
		expect(() => help.thank(db, flat.id, id, ans, 'te vroeg')).toThrow('wrong_state');
		help.message(db, flat.id, id, kees, 'Waar ligt het voer?');
		help.message(db, flat.id, id, ans, 'In de kast.');
		expect(help.view(db, flat.id, id, kees).messages.map((m) => [m.body, m.mine])).toEqual([
			['Waar ligt het voer?', true],
			['In de kast.', false]
		]);
		expect(help.view(db, flat.id, id, mo).messages).toEqual([]);

		help.markDone(db, flat.id, id, kees, new Date(T0.getTime() + 20 * DAY));
		expect(() => help.confirmDone(db, flat.id, id, kees)).toThrow('not_allowed');
		expect(balance.forMember(db, flat.id, kees, T0)).toEqual({ given: 0, received: 0 });
		help.confirmDone(db, flat.id, id, ans, new Date(T0.getTime() + 21 * DAY));
		const later = new Date(T0.getTime() + 22 * DAY);
		expect(balance.forMember(db, flat.id, kees, later)).toEqual({ given: 1, received: 0 });
		expect(balance.forMember(db, flat.id, ans, later)).toEqual({ given: 0, received: 1 });
		expect(balance.flatThisMonth(db, flat, later)).toBe(1);

		expect(() => help.thank(db, flat.id, id, kees, 'zelf bedankt')).toThrow('not_allowed');
		help.thank(db, flat.id, id, ans, 'Dank je wel, Kees!');
		expect(() => help.thank(db, flat.id, id, ans, 'nog eens')).toThrow('once');
		expect(help.view(db, flat.id, id, kees).thanks).toBe('Dank je wel, Kees!');

		const types = db
			.select({ type: notifications.type, userId: notifications.userId })
			.from(notifications)
			.all()
			.map((n) => `${n.type}:${n.userId === ans ? 'ans' : n.userId === kees ? 'kees' : 'mo'}`);
		expect(types).toEqual(
			expect.arrayContaining([
				'response_new:ans',
				'response_accepted:kees',
				'response_declined:mo',
				'message_new:ans',
				'message_new:kees',
				'done_marked:ans',
				'done_confirmed:kees',
				'thanks_received:kees'
			])
		);
	});

	it('counts only the last 12 months, and gives the offer side the "given"', async () => {
		const { db, flat, ans, kees } = await setup();
		const offer = help.create(
			db,
			flat,
			resident(ans),
			{ ...catRequest, type: 'offer', category: 'plants', title: 'Planten water geven' },
			T0
		);
		help.respond(db, flat.id, offer, kees, 'Graag!');
		help.accept(db, flat.id, offer, ans, help.view(db, flat.id, offer, ans).responses[0]!.id);
		help.markDone(db, flat.id, offer, ans, T0);
		help.confirmDone(db, flat.id, offer, kees, T0);
		expect(balance.forMember(db, flat.id, ans, T0)).toEqual({ given: 1, received: 0 });
		expect(balance.forMember(db, flat.id, kees, T0)).toEqual({ given: 0, received: 1 });
		expect(balance.forMember(db, flat.id, ans, new Date(T0.getTime() + 366 * DAY))).toEqual({
			given: 0,
			received: 0
		});
		expect(balance.nudge({ given: 4, received: 0 })).toBe('ask');
		expect(balance.nudge({ given: 0, received: 3 })).toBe('offer');
		expect(balance.nudge({ given: 0, received: 0 })).toBe('start');
		expect(balance.nudge({ given: 2, received: 1 })).toBe('even');
	});

	it('confirms "done" by itself after a week', async () => {
		const { db, flat, ans, kees } = await setup();
		const id = help.create(db, flat, resident(ans), catRequest, T0);
		help.respond(db, flat.id, id, kees, '');
		help.accept(db, flat.id, id, ans, help.view(db, flat.id, id, ans).responses[0]!.id);
		help.markDone(db, flat.id, id, kees, T0);
		expect(help.tick(db, new Date(T0.getTime() + 6 * DAY)).confirmed).toBe(0);
		expect(help.tick(db, new Date(T0.getTime() + 7 * DAY)).confirmed).toBe(1);
		expect(db.select().from(helpRecords).all()).toHaveLength(1);
		expect(balance.forMember(db, flat.id, kees, new Date(T0.getTime() + 8 * DAY)).given).toBe(1);
	});
});

describe('expiry', () => {
	it('ends after the last day in the flat time zone, or after 14 days when flexible', async () => {
		const { db, flat, ans } = await setup();
		const dated = help.create(db, flat, resident(ans), catRequest, T0);
		const flexible = help.create(
			db,
			flat,
			resident(ans),
			{ ...catRequest, when: 'flexible', startDate: null, endDate: null },
			T0
		);
		const get = (id: number) => db.select().from(helpPosts).where(eq(helpPosts.id, id)).get()!;
		expect(get(dated).expiresAt.toISOString()).toBe('2027-07-19T22:00:00.000Z');
		expect(get(flexible).expiresAt.getTime()).toBe(T0.getTime() + 14 * DAY);

		const dayBefore = new Date('2027-07-19T00:00:00Z');
		// The flexible post (two weeks from 1 July) has ended; the dated one gets its reminder.
		expect(help.tick(db, dayBefore)).toEqual({ expired: 1, reminded: 1, confirmed: 0 });
		expect(help.tick(db, dayBefore).reminded).toBe(0);
		help.extend(db, flat.id, dated, ans, dayBefore);
		expect(() => help.extend(db, flat.id, dated, ans, dayBefore)).toThrow('once');
		expect(get(dated).expiresAt.toISOString()).toBe('2027-08-02T22:00:00.000Z');
		expect(help.tick(db, new Date('2027-08-02T21:59:00Z')).expired).toBe(0);
		expect(help.tick(db, new Date('2027-08-03T00:00:00Z')).expired).toBe(1);
		expect(get(dated).status).toBe('closed');
		expect(help.board(db, flat.id, ans).posts).toEqual([]);
		expect(help.board(db, flat.id, ans, { mine: true }).posts).toHaveLength(2);
	});

	it('closes the open posts of a member who leaves', async () => {
		const { db, flat, ans, kees } = await setup();
		members.addWithoutPassword(db, { flatId: flat.id, name: 'Bram', role: 'verbinder' });
		help.create(db, flat, resident(kees), catRequest, T0);
		expect(help.board(db, flat.id, ans).posts).toHaveLength(1);
		members.remove(db, flat.id, members.membership(db, flat.id, kees)!.id);
		expect(help.board(db, flat.id, ans).posts).toHaveLength(0);
	});
});

describe('the board', () => {
	it('filters by kind and category, pages by twenty, and shows only its own flat', async () => {
		const { db, flat, ans, kees } = await setup();
		const other = otherFlat(db);
		help.create(db, other, resident(kees), request('Elders'), T0);
		const made: number[] = [];
		for (let i = 0; i < 23; i++)
			made.push(
				help.create(
					db,
					flat,
					resident(kees),
					request(`Vraag ${i}`, {
						type: i % 2 ? 'offer' : 'request',
						category: i % 3 ? 'errands' : 'pets'
					}),
					new Date(T0.getTime() + i * 60_000)
				)
			);
		const newestFirst = [...made].reverse();
		const first = help.board(db, flat.id, ans);
		expect(first.posts.map((p) => p.id)).toEqual(newestFirst.slice(0, help.PAGE_SIZE));
		expect(first.more).toBe(true);
		const second = help.board(db, flat.id, ans, { page: 2 });
		expect(second.posts.map((p) => p.id)).toEqual(newestFirst.slice(help.PAGE_SIZE));
		expect(second.more).toBe(false);

		const offers = help.board(db, flat.id, ans, { type: 'offer' }).posts;
		expect(offers.map((p) => p.id)).toEqual(made.filter((_, i) => i % 2).reverse());
		const petRequests = help.board(db, flat.id, ans, { type: 'request', category: 'pets' }).posts;
		expect(petRequests.map((p) => p.id)).toEqual(
			made.filter((_, i) => !(i % 2) && !(i % 3)).reverse()
		);
		expect(help.board(db, flat.id, ans, { mine: true }).posts).toEqual([]);
		expect(help.board(db, flat.id, kees, { mine: true, category: 'pets' }).posts).toHaveLength(8);
	});
});

describe('anonymous requests', () => {
	it('show no name to the flat until the author accepts a helper', async () => {
		const { db, flat, ans, kees, mo } = await setup();
		const id = help.create(db, flat, resident(ans), { ...catRequest, anonymous: true }, T0);
		const boardJson = JSON.stringify(help.board(db, flat.id, kees));
		expect(boardJson).not.toContain('Ans');
		expect(JSON.stringify(help.view(db, flat.id, id, kees))).not.toContain('Ans');
		expect(help.view(db, flat.id, id, ans).post.authorName).toBe('Ans');
		help.respond(db, flat.id, id, kees, 'Ik help');
		help.respond(db, flat.id, id, mo, 'Ik ook');
		help.accept(db, flat.id, id, ans, help.view(db, flat.id, id, ans).responses[0]!.id);
		expect(help.view(db, flat.id, id, kees).post.authorName).toBe('Ans');
		expect(JSON.stringify(help.view(db, flat.id, id, mo))).not.toContain('Ans');
	});

	it('are requests only, and only verbinders post on behalf of someone', async () => {
		const { db, flat, ans } = await setup();
		const offer = help.create(
			db,
			flat,
			resident(ans),
			{ ...catRequest, type: 'offer', anonymous: true, onBehalfOf: 'Mevrouw Jansen' },
			T0
		);
		const seen = help.view(db, flat.id, offer, ans).post;
		expect([seen.anonymous, seen.onBehalfOf]).toEqual([false, null]);
		const forJansen = help.create(
			db,
			flat,
			{ userId: ans, role: 'verbinder' },
			{ ...catRequest, onBehalfOf: 'Mevrouw Jansen' },
			T0
		);
		expect(help.view(db, flat.id, forJansen, ans).post.onBehalfOf).toBe('Mevrouw Jansen');
	});
});

describe('keeping help light', () => {
	it('notices a third request in a category within 28 days, long periods and care words', async () => {
		const { db, flat, ans } = await setup();
		const ask = (text = 'Kan iemand helpen?') =>
			concerns(
				db,
				{
					flatId: flat.id,
					userId: ans,
					type: 'request',
					category: 'errands',
					when: 'flexible',
					startDate: null,
					endDate: null,
					text
				},
				T0
			);
		expect(ask()).toEqual([]);
		help.create(
			db,
			flat,
			resident(ans),
			{ ...catRequest, category: 'errands' },
			new Date(T0.getTime() - 20 * DAY)
		);
		help.create(
			db,
			flat,
			resident(ans),
			{ ...catRequest, category: 'errands' },
			new Date(T0.getTime() - 30 * DAY)
		);
		expect(ask()).toEqual([]);
		help.create(
			db,
			flat,
			resident(ans),
			{ ...catRequest, category: 'errands' },
			new Date(T0.getTime() - 2 * DAY)
		);
		expect(ask()).toEqual(['repeat']);
		expect(ask('Wie helpt mij elke dag met mijn medicijnen?')).toEqual(['repeat', 'care']);
		const long = concerns(
			db,
			{
				flatId: flat.id,
				userId: ans,
				type: 'request',
				category: 'pets',
				when: 'period',
				startDate: '2027-07-01',
				endDate: '2027-09-01',
				text: ''
			},
			T0
		);
		expect(long).toEqual(['long']);
		expect(
			concerns(
				db,
				{
					flatId: flat.id,
					userId: ans,
					type: 'offer',
					category: 'errands',
					when: 'flexible',
					startDate: null,
					endDate: null,
					text: 'elke dag'
				},
				T0
			)
		).toEqual([]);
	});

	it('recognises care and harsh words in each language, as whole words', () => {
		expect(suggestsCare('I need help with my medication')).toBe(true);
		expect(suggestsCare('أحتاج مساعدة كل يوم')).toBe(true);
		expect(suggestsCare('Wondermooi weer vandaag')).toBe(false);
		expect(soundsHarsh('Wat een idioot, die buurman')).toBe(true);
		expect(soundsHarsh('Kunnen we de stoep vegen?')).toBe(false);
	});
});

describe('talents', () => {
	it('tell the neighbours who asked for it about requests that fit them', async () => {
		const { db, flat, ans, kees, mo } = await setup();
		const p = (talents: string[], languages: string[], notifyMatches: boolean) => ({
			talents: talents as never,
			tags: [],
			languages,
			notifyMatches,
			showBalance: false
		});
		members.saveProfile(db, flat.id, kees, p(['pets'], ['Nederlands'], true));
		members.saveProfile(db, flat.id, mo, p(['pets'], ['Arabisch'], false));
		members.saveProfile(db, flat.id, ans, p([], ['Nederlands', 'Arabisch'], true));
		expect(help.matches(db, flat.id, ans, 'pets')).toEqual([kees]);
		// Letters: a shared language other than Dutch makes a match, if the member opted in.
		members.saveProfile(db, flat.id, mo, p([], ['arabisch '], true));
		expect(help.matches(db, flat.id, ans, 'letters')).toEqual([mo]);
		help.create(db, flat, resident(ans), { ...catRequest, anonymous: true }, T0);
		const sent = db
			.select()
			.from(notifications)
			.where(eq(notifications.type, 'request_match'))
			.all();
		expect(sent.map((n) => n.userId)).toEqual([kees]);
		expect(JSON.stringify(sent)).not.toContain('Ans');
		help.create(db, flat, resident(ans), { ...catRequest, type: 'offer' }, T0);
		expect(
			db.select().from(notifications).where(eq(notifications.type, 'request_match')).all()
		).toHaveLength(1);
	});
});
