import { and, eq } from 'drizzle-orm';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { flatWithNeighbours, request } from '../../../../tests/unit/fixtures';
import { helpPosts, helpRecords, memberships, notifications } from '../db/schema';
import * as balance from '../balance';
import * as members from '../members';
import * as notify from '../notify';
import { postSchema } from '$lib/schemas';
import * as help from '.';

const DAY = 24 * 60 * 60 * 1000;
const T0 = new Date('2027-07-01T10:00:00Z');
const at = (days: number) => new Date(T0.getTime() + days * DAY);

const resident = (userId: number) => ({ userId, role: 'resident' as const });
const foundKeys = request('Sleutelbos met rode hanger', { type: 'found', category: 'keys' });

const statusOf = (db: Awaited<ReturnType<typeof flatWithNeighbours>>['db'], id: number) =>
	db.select().from(helpPosts).where(eq(helpPosts.id, id)).get()!;

describe('lost and found', () => {
	it('stays on the board 14 days, reminds the day before, and closes then, not before', async () => {
		const { db, flat, ans, kees } = await flatWithNeighbours('Europe/Amsterdam');
		// Dates sent with a lost or found thing are dropped: it has two weeks, whatever was typed.
		const id = help.create(
			db,
			flat,
			resident(ans),
			{ ...foundKeys, when: 'day', startDate: '2027-07-02' },
			T0
		);
		const p = statusOf(db, id);
		expect(p.expiresAt.getTime()).toBe(at(14).getTime());
		expect([p.when, p.startDate, p.endDate]).toEqual(['flexible', null, null]);

		expect(help.tick(db, at(12))).toMatchObject({ expired: 0, reminded: 0 });
		expect(help.tick(db, at(13))).toMatchObject({ expired: 0, reminded: 1 });
		expect(help.board(db, flat.id, kees, { type: 'lost_found' }).posts.map((x) => x.id)).toEqual([
			id
		]);
		expect(help.tick(db, new Date(at(14).getTime() - 1))).toMatchObject({ expired: 0 });
		expect(help.tick(db, at(14))).toMatchObject({ expired: 1 });
		expect(statusOf(db, id).status).toBe('closed');
		expect(help.board(db, flat.id, kees).posts).toEqual([]);
	});

	it('keeps its two weeks when edited, and may be extended once', async () => {
		const { db, flat, ans } = await flatWithNeighbours();
		const id = help.create(db, flat, resident(ans), foundKeys, T0);
		help.update(db, flat, id, resident(ans), { ...foundKeys, title: 'Drie sleutels' }, at(10));
		expect(statusOf(db, id).expiresAt.getTime()).toBe(at(14).getTime());
		help.extend(db, flat.id, id, ans, at(10));
		expect(statusOf(db, id).expiresAt.getTime()).toBe(at(28).getTime());
		expect(() => help.extend(db, flat.id, id, ans, at(11))).toThrow('once');
	});

	it('takes only its own categories, and help only help categories', async () => {
		const { db, flat, ans } = await flatWithNeighbours();
		expect(() =>
			help.create(db, flat, resident(ans), { ...foundKeys, category: 'spare_key' }, T0)
		).toThrow('category');
		expect(() =>
			help.create(db, flat, resident(ans), request('Sleutels?', { category: 'keys' }), T0)
		).toThrow('category');
		// 'other' is in both lists.
		expect(() =>
			help.create(db, flat, resident(ans), { ...foundKeys, type: 'lost', category: 'other' }, T0)
		).not.toThrow();
		// Help does not turn into a found thing (or back) by an edit.
		const asked = help.create(db, flat, resident(ans), request('Boodschappen'), T0);
		expect(() =>
			help.update(db, flat, asked, resident(ans), { ...foundKeys, category: 'other' }, T0)
		).toThrow('wrong_state');

		const form = (type: string, category: string) =>
			v.safeParse(postSchema, { type, category, title: 'Sleutels', when: 'flexible' });
		expect(form('found', 'keys').success).toBe(true);
		expect(form('lost', 'pet').success).toBe(true);
		const across = form('found', 'pets');
		expect(across.success).toBe(false);
		expect(across.issues?.map((i) => v.getDotPath(i))).toEqual(['category']);
		expect(form('request', 'parcel').success).toBe(false);
		expect(form('request', 'pets').success).toBe(true);
	});

	it('is never anonymous and tells no neighbour of a match or a new request', async () => {
		const { db, flat, ans, kees, mo } = await flatWithNeighbours();
		members.saveProfile(db, flat.id, kees, {
			talents: ['pets', 'spare_key', 'other'],
			tags: [],
			languages: [],
			notifyMatches: true,
			showBalance: false
		});
		const moMembership = db
			.select()
			.from(memberships)
			.where(and(eq(memberships.flatId, flat.id), eq(memberships.userId, mo)))
			.get()!;
		notify.prefs.save(db, moMembership.id, { requests: 'app' }, null);
		const id = help.create(
			db,
			flat,
			resident(ans),
			{ ...foundKeys, type: 'lost', category: 'pet', anonymous: true },
			T0
		);
		expect(statusOf(db, id).anonymous).toBe(false);
		expect(db.select().from(notifications).all()).toEqual([]);
		// The same neighbours do hear of a request, so the silence above is the type's.
		help.create(db, flat, resident(ans), request('Wie voert de kat?', { category: 'pets' }), T0);
		expect(
			db
				.select({ type: notifications.type })
				.from(notifications)
				.all()
				.map((n) => n.type)
				.sort()
		).toEqual(['request_match', 'request_new']);
	});

	it('is answered "that is mine", closes as returned, and puts nothing on the record', async () => {
		const { db, flat, ans, kees, mo } = await flatWithNeighbours();
		const id = help.create(db, flat, resident(ans), foundKeys, T0);
		help.respond(db, flat.id, id, kees, 'Die zijn van mij!');
		const seen = help.view(db, flat.id, id, ans);
		expect(seen).toMatchObject({ lostFound: true, canReturn: true, isReceiver: false });
		expect(help.view(db, flat.id, id, kees).canReturn).toBe(false);
		help.accept(db, flat.id, id, ans, seen.responses[0]!.id);
		help.message(db, flat.id, id, kees, 'Ik kom om vijf uur.');
		// Not help: no "done", so no record and no thank-you.
		expect(() => help.markDone(db, flat.id, id, ans, at(1))).toThrow('wrong_state');
		expect(() => help.markDone(db, flat.id, id, kees, at(1))).toThrow('wrong_state');
		expect(() => help.returned(db, flat.id, id, kees, at(1))).toThrow('not_allowed');
		expect(() => help.returned(db, flat.id, id, mo, at(1))).toThrow('not_allowed');
		help.returned(db, flat.id, id, ans, at(1));
		expect(statusOf(db, id)).toMatchObject({ status: 'returned', closedAt: at(1) });
		expect(() => help.returned(db, flat.id, id, ans, at(2))).toThrow('wrong_state');
		expect(() => help.thank(db, flat.id, id, kees, 'Dank je!')).toThrow('wrong_state');

		expect(db.select().from(helpRecords).all()).toEqual([]);
		expect(balance.forMember(db, flat.id, ans, at(2))).toEqual({ given: 0, received: 0 });
		expect(balance.forMember(db, flat.id, kees, at(2))).toEqual({ given: 0, received: 0 });
		const after = help.view(db, flat.id, id, ans);
		expect(after).toMatchObject({ canReturn: false, thanks: null, isReceiver: false });
		expect(after.post.status).toBe('returned');
		// Gone from the board; the author still finds it under "mine", returned.
		expect(help.board(db, flat.id, mo).posts).toEqual([]);
		expect(help.board(db, flat.id, ans, { mine: true }).posts.map((x) => x.status)).toEqual([
			'returned'
		]);
		// A week later the clock has nothing to confirm or close.
		expect(help.tick(db, at(20))).toEqual({ expired: 0, reminded: 0, confirmed: 0 });
		expect(db.select().from(helpRecords).all()).toEqual([]);
	});

	it('closes as returned straight from open, and help cannot', async () => {
		const { db, flat, ans } = await flatWithNeighbours();
		const id = help.create(db, flat, resident(ans), foundKeys, T0);
		help.returned(db, flat.id, id, ans, at(1));
		expect(statusOf(db, id).status).toBe('returned');
		const asked = help.create(db, flat, resident(ans), request('Boodschappen'), T0);
		expect(() => help.returned(db, flat.id, asked, ans, at(1))).toThrow('wrong_state');
		expect(statusOf(db, asked).status).toBe('open');
	});

	it('has its own filter on the board, and the help filters leave it out', async () => {
		const { db, flat, ans, kees } = await flatWithNeighbours();
		const asked = help.create(db, flat, resident(ans), request('Boodschappen'), T0);
		const offered = help.create(
			db,
			flat,
			resident(ans),
			request('Boor', { type: 'offer', category: 'lend' }),
			T0
		);
		const found = help.create(db, flat, resident(ans), foundKeys, T0);
		const lost = help.create(
			db,
			flat,
			resident(ans),
			{ ...foundKeys, type: 'lost', category: 'pet', title: 'Grijze kat' },
			at(1)
		);
		const ids = (filter: help.BoardFilter) =>
			help
				.board(db, flat.id, kees, filter)
				.posts.map((p) => p.id)
				.sort((a, b) => a - b);
		expect(ids({ type: 'lost_found' })).toEqual([found, lost]);
		expect(ids({ type: 'request' })).toEqual([asked]);
		expect(ids({ type: 'offer' })).toEqual([offered]);
		expect(ids({ type: 'found' })).toEqual([found]);
		expect(ids({ type: 'lost_found', category: 'pet' })).toEqual([lost]);
		expect(ids({})).toEqual([asked, offered, found, lost]);
	});
});
