import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { flatWithNeighbours, request } from '../../../../tests/unit/fixtures';
import {
	calendarFeeds,
	helpMessages,
	helpPosts,
	helpRecords,
	loginCodes,
	memberships,
	notifications,
	pushOutbox,
	pushSubscriptions,
	sessions,
	users
} from '../db/schema';
import * as balance from '../balance';
import * as help from '../help';
import * as keys from '../keys';
import * as members from '../members';
import * as welcome from '../welcome';
import * as session from '../auth/session';
import * as loginCode from '../auth/login-code';
import * as ical from '../calendar/ical';
import * as prefs from '../notify/prefs';
import * as privacy from '.';

const DAY = 24 * 60 * 60 * 1000;
const T0 = new Date('2027-07-01T10:00:00Z');

const resident = (userId: number) => ({ userId, role: 'resident' as const });

type Setup = Awaited<ReturnType<typeof flatWithNeighbours>>;

/** Ans asks, Kees helps, they write to each other, and it is done: one record, Kees gave. */
function helped({ db, flat, ans, kees }: Setup, title = 'Boodschappen zaterdag', at = T0) {
	const id = help.create(db, flat, resident(ans), request(title), at);
	help.respond(db, flat.id, id, kees, 'Ik ga toch naar de markt.');
	const response = help.view(db, flat.id, id, ans).responses[0]!;
	help.accept(db, flat.id, id, ans, response.id);
	help.message(db, flat.id, id, kees, 'Wat moet ik halen?');
	help.message(db, flat.id, id, ans, 'Brood en melk, dank je!');
	db.update(helpMessages).set({ createdAt: at }).where(eq(helpMessages.postId, id)).run();
	help.markDone(db, flat.id, id, kees, new Date(at.getTime() + DAY));
	help.confirmDone(db, flat.id, id, ans, new Date(at.getTime() + 2 * DAY));
	return id;
}

const membershipOf = (s: Setup, userId: number) => members.membership(s.db, s.flat.id, userId)!;

function setHouseNumber(s: Setup, userId: number, houseNumber: string) {
	s.db
		.update(memberships)
		.set({ houseNumber })
		.where(eq(memberships.id, membershipOf(s, userId).id))
		.run();
}

function makeVerbinder(s: Setup, userId: number) {
	members.setRole(s.db, s.flat.id, membershipOf(s, userId).id, 'verbinder');
}

describe('exportData', () => {
	it("holds the member's own data, others only by first name, and nothing secret", async () => {
		const s = await flatWithNeighbours();
		const { db, flat, ans, kees } = s;
		setHouseNumber(s, ans, '12A');
		setHouseNumber(s, kees, '77Q');
		const postId = helped(s);
		session.create(db, ans);
		session.create(db, kees);
		loginCode.issue(db, { userId: ans, flatId: flat.id });
		ical.createFeed(db, flat.id, ans);
		keys.add(db, flat.id, ans, kees);
		welcome.greet(db, flat.id, ans, membershipOf(s, ans).id, 'Hallo allemaal!');
		db.insert(pushSubscriptions)
			.values({
				userId: ans,
				endpoint: 'https://push.example.net/send/endpoint-secret-123',
				p256dh: 'p256dh-secret-456',
				auth: 'auth-secret-789',
				label: 'Android · Chrome'
			})
			.run();

		const data = privacy.exportData(db, ans);
		expect(data.profile).toMatchObject({ name: 'Ans', locale: 'nl' });
		expect(data.memberships).toHaveLength(1);
		expect(data.memberships[0]).toMatchObject({
			flat: { name: 'H', slug: 'h-flat' },
			role: 'resident',
			houseNumber: '12A',
			calendarFeed: true,
			greeting: { body: 'Hallo allemaal!' }
		});
		expect(data.memberships[0]!.welcomeSteps.map((w) => w.step)).toContain('greet');
		expect(data.posts.map((p) => p.title)).toEqual(['Boodschappen zaterdag']);
		expect(data.posts[0]!.responses).toEqual([
			expect.objectContaining({ name: 'Kees', message: 'Ik ga toch naar de markt.' })
		]);
		expect(data.messages.map((m) => [m.post, m.body])).toEqual([
			['Boodschappen zaterdag', 'Brood en melk, dank je!']
		]);
		expect(data.balance).toEqual([
			expect.objectContaining({ post: 'Boodschappen zaterdag', role: 'received' })
		]);
		expect(data.notifications.length).toBeGreaterThan(0);
		expect(data.notifications.every((n) => n.text.length > 0)).toBe(true);
		expect(data.pushDevices).toEqual([
			expect.objectContaining({ label: 'Android · Chrome', service: 'push.example.net' })
		]);
		expect(data.spareKeys).toEqual([expect.objectContaining({ yourKey: true, keptBy: 'Kees' })]);

		const text = JSON.stringify(data);
		const secrets = [
			...db.select({ s: users.passwordHash }).from(users).all(),
			...db.select({ s: sessions.id }).from(sessions).all(),
			...db.select({ s: loginCodes.id }).from(loginCodes).all(),
			...db.select({ s: calendarFeeds.id }).from(calendarFeeds).all(),
			...db.select({ s: pushSubscriptions.endpoint }).from(pushSubscriptions).all(),
			{ s: 'endpoint-secret-123' },
			{ s: 'p256dh-secret-456' },
			{ s: 'auth-secret-789' }
		].map((r) => r.s!);
		expect(secrets.length).toBeGreaterThanOrEqual(9);
		for (const secret of secrets) expect(text).not.toContain(secret);
		expect(text).not.toMatch(/argon2|password/i);
		// Kees's house number is for verbinders, and nobody's ids are in it.
		expect(text).not.toContain('77Q');
		expect(text).not.toMatch(/"\w*(user|author|giver|receiver|owner|holder|blocked)Id"/i);
		expect(text).not.toContain(`"id":${kees}`);
		expect(postId).toBeGreaterThan(0);
	});

	it('gives a file name any phone can save', () => {
		expect(privacy.exportFileName('Ans')).toEqual({
			ascii: 'burenbord-ans.json',
			utf8: 'burenbord-ans.json'
		});
		expect(privacy.exportFileName('José Maria').ascii).toBe('burenbord-jose-maria.json');
		expect(privacy.exportFileName('سميرة')).toEqual({
			ascii: 'burenbord-export.json',
			utf8: 'burenbord-سميرة.json'
		});
	});
});

describe('deleteAccount', () => {
	it("keeps the other neighbour's balance, leaves the post without author, takes the messages", async () => {
		const s = await flatWithNeighbours();
		const { db, flat, ans, kees } = s;
		const postId = helped(s);
		session.create(db, ans);
		session.create(db, kees);
		const later = new Date(T0.getTime() + 10 * DAY);
		const before = balance.forMember(db, flat.id, kees, later);
		expect(before).toEqual({ given: 1, received: 0 });

		privacy.deleteAccount(db, ans);

		expect(db.select().from(users).where(eq(users.id, ans)).get()).toBeUndefined();
		expect(balance.forMember(db, flat.id, kees, later)).toEqual(before);
		const record = db.select().from(helpRecords).where(eq(helpRecords.postId, postId)).get()!;
		expect(record).toMatchObject({ giverId: kees, receiverId: null });

		const seen = help.view(db, flat.id, postId, kees);
		expect(seen.post.authorName).toBeNull();
		expect(seen.post.formerNeighbour).toBe(true);
		expect(seen.messages.map((m) => [m.body, m.mine])).toEqual([['Wat moet ik halen?', true]]);
		expect(db.select().from(helpMessages).where(eq(helpMessages.authorId, ans)).all()).toEqual([]);

		expect(db.select().from(sessions).where(eq(sessions.userId, ans)).all()).toEqual([]);
		expect(db.select().from(sessions).where(eq(sessions.userId, kees)).all()).toHaveLength(1);
		expect(db.select().from(notifications).where(eq(notifications.userId, ans)).all()).toEqual([]);
	});

	it("takes the member's answers from others' posts, and reopens a request they were to help with", async () => {
		const s = await flatWithNeighbours();
		const { db, flat, ans, kees, mo } = s;
		const open = help.create(db, flat, resident(mo), request('Wie leent een ladder?'), T0);
		help.respond(db, flat.id, open, kees, 'Ik heb er een.');
		help.respond(db, flat.id, open, ans, 'Ik ook.');
		const answers = help.view(db, flat.id, open, mo).responses;
		help.accept(db, flat.id, open, mo, answers.find((r) => r.name === 'Kees')!.id);

		privacy.deleteAccount(db, kees);

		const seen = help.view(db, flat.id, open, mo);
		expect(seen.post.status).toBe('open');
		expect(seen.responses.map((r) => [r.name, r.status])).toEqual([['Ans', 'waiting']]);
	});

	it("closes their open posts, and a verbinder's post for a neighbour keeps that name", async () => {
		const s = await flatWithNeighbours();
		const { db, flat, ans, mo } = s;
		makeVerbinder(s, ans);
		makeVerbinder(s, mo);
		const forTruus = help.create(
			db,
			flat,
			{ userId: ans, role: 'verbinder' },
			request('Wie brengt Truus naar de dokter?', { onBehalfOf: 'Truus' }),
			T0
		);

		privacy.deleteAccount(db, ans, T0);

		const post = db.select().from(helpPosts).where(eq(helpPosts.id, forTruus)).get()!;
		expect(post).toMatchObject({ authorId: null, onBehalfOf: 'Truus', status: 'closed' });
	});

	it('refuses the last verbinder of a flat, and the instance admin', async () => {
		const s = await flatWithNeighbours();
		const { db, kees, mo } = s;
		makeVerbinder(s, kees);
		expect(() => privacy.deleteAccount(db, kees)).toThrow('last_verbinder');
		expect(privacy.deleteRefusal(db, kees)).toMatchObject({ code: 'last_verbinder', flat: 'H' });
		expect(membershipOf(s, kees)).toBeTruthy();

		makeVerbinder(s, mo);
		expect(privacy.deleteRefusal(db, kees)).toBeNull();

		db.update(users).set({ isAdmin: true }).where(eq(users.id, s.ans)).run();
		expect(() => privacy.deleteAccount(db, s.ans)).toThrow('admin');
		expect(db.select().from(users).where(eq(users.id, s.ans)).get()).toBeTruthy();
	});

	it('takes the name from every notification about the person, and from pushes waiting to go', async () => {
		const s = await flatWithNeighbours();
		const { db, flat, ans } = s;
		makeVerbinder(s, ans);
		prefs.save(db, membershipOf(s, ans).id, { ...prefs.DEFAULTS, joins: 'push' }, null);
		db.insert(pushSubscriptions)
			.values({ userId: ans, endpoint: 'https://push.example/ans', p256dh: 'k', auth: 'a' })
			.run();
		const { userId: dirk } = await members.join(db, {
			flat,
			name: 'Dirk',
			houseNumber: null,
			password: 'wachtwoord-dirk',
			locale: 'nl'
		});
		const mentions = () =>
			[...db.select().from(notifications).all(), ...db.select().from(pushOutbox).all()].filter(
				(row) => JSON.stringify(row).includes('Dirk')
			);
		expect(mentions()).toHaveLength(2);

		privacy.deleteAccount(db, dirk);

		expect(mentions()).toEqual([]);
	});

	it('checks the password like the login does', async () => {
		const { db, ans } = await flatWithNeighbours();
		expect(await privacy.checkPassword(db, ans, 'wachtwoord')).toBe(true);
		expect(await privacy.checkPassword(db, ans, 'fout')).toBe(false);
		expect(await privacy.checkPassword(db, 9999, 'wachtwoord')).toBe(false);
	});
});

describe('retention', () => {
	const NOW = new Date('2029-03-15T03:00:00Z');
	const monthsAgo = (n: number) => {
		const d = new Date(NOW);
		d.setUTCMonth(d.getUTCMonth() - n);
		return d;
	};

	it('deletes what is kept no longer, and keeps the rest', async () => {
		const s = await flatWithNeighbours();
		const { db, flat, ans, kees } = s;
		const old = helped(s, 'Oude vraag', monthsAgo(14));
		const recent = helped(s, 'Nieuwere vraag', monthsAgo(12));
		const close = (id: number, at: Date) =>
			db.update(helpPosts).set({ closedAt: at }).where(eq(helpPosts.id, id)).run();
		close(old, monthsAgo(13));
		close(recent, monthsAgo(11));
		// An open post: one message from seven months ago goes, one from last month stays.
		const ongoing = help.create(db, flat, resident(kees), request('Hulp bij de computer'), NOW);
		db.insert(helpMessages)
			.values([
				{ postId: ongoing, authorId: kees, body: 'zeven maanden', createdAt: monthsAgo(7) },
				{ postId: ongoing, authorId: ans, body: 'vorige maand', createdAt: monthsAgo(1) }
			])
			.run();
		db.delete(notifications).run();
		const note = (readAt: Date | null, createdAt: Date) => ({
			flatId: flat.id,
			userId: ans,
			type: 'response_new',
			link: 'help/1',
			params: { title: 'x' },
			readAt,
			createdAt
		});
		db.insert(notifications)
			.values([
				note(monthsAgo(4), monthsAgo(4)),
				note(null, monthsAgo(4)),
				note(monthsAgo(1), monthsAgo(1))
			])
			.run();
		db.delete(sessions).run();
		session.create(db, ans, new Date(NOW.getTime() - 31 * DAY));
		session.create(db, kees, NOW);
		loginCode.issue(db, { userId: ans, flatId: flat.id }, new Date(NOW.getTime() - 4 * DAY));
		const device = db
			.insert(pushSubscriptions)
			.values({ userId: ans, endpoint: 'https://push.example.net/x', p256dh: 'p', auth: 'a' })
			.returning()
			.get();
		const push = (status: 'pending' | 'sent' | 'failed', createdAt: Date) => ({
			subscriptionId: device.id,
			userId: ans,
			flatId: flat.id,
			thread: 'post:1',
			payload: { title: 't', body: 'b', url: '/', tag: 't' },
			notBefore: createdAt,
			status,
			createdAt
		});
		const eightDays = new Date(NOW.getTime() - 8 * DAY);
		db.insert(pushOutbox)
			.values([
				push('sent', eightDays),
				push('failed', eightDays),
				push('pending', eightDays),
				push('sent', NOW)
			])
			.run();
		const givenBefore = balance.forMember(db, flat.id, kees, monthsAgo(2)).given;

		const gone = privacy.retention(db, NOW);

		expect(gone).toEqual({
			posts: 1,
			// The seven-month-old one, and the two of the post closed 11 months ago (the post stays).
			messages: 3,
			readNotifications: 1,
			expiredSessions: 1,
			expiredCodes: 1,
			pushes: 2,
			expiredNotices: 0
		});
		const titles = db.select({ title: helpPosts.title }).from(helpPosts).all();
		expect(titles.map((t) => t.title).sort()).toEqual(['Hulp bij de computer', 'Nieuwere vraag']);
		expect(db.select().from(helpMessages).where(eq(helpMessages.postId, old)).all()).toEqual([]);
		expect(
			db
				.select({ body: helpMessages.body })
				.from(helpMessages)
				.all()
				.map((m) => m.body)
		).toEqual(['vorige maand']);
		// Completed help stays in the record; only its link to the post is gone.
		expect(db.select().from(helpRecords).all()).toHaveLength(2);
		expect(db.select().from(helpRecords).where(eq(helpRecords.postId, old)).all()).toEqual([]);
		expect(balance.forMember(db, flat.id, kees, monthsAgo(2)).given).toBe(givenBefore);
		const left = db.select().from(notifications).where(eq(notifications.userId, ans)).all();
		expect(left.map((n) => n.readAt === null).sort()).toEqual([false, true]);
		expect(
			db
				.select()
				.from(sessions)
				.all()
				.map((x) => x.userId)
		).toEqual([kees]);
		expect(db.select().from(loginCodes).all()).toEqual([]);
		expect(
			db
				.select({ status: pushOutbox.status })
				.from(pushOutbox)
				.where(eq(pushOutbox.userId, ans))
				.all()
				.map((p) => p.status)
				.sort()
		).toEqual(['pending', 'sent']);
	});
});
