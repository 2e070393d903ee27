import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { testDb } from '../db/test-db';
import { flatWithNeighbours, request } from '../db/fixtures';
import {
	helpMessages,
	helpPosts,
	helpResponses,
	pushSubscriptions,
	sessions,
	spareKeys,
	users
} from '../db/schema';
import * as flats from '../flats';
import * as help from '../help';
import * as keys from '../keys';
import * as members from '.';
import * as privacy from '../privacy';
import * as session from '../auth/session';
import { verifyPassword } from '../auth/password';

function flat(joinMode: 'open' | 'approval' = 'open') {
	const db = testDb();
	const f = flats.create(db, {
		name: 'De Horst',
		slug: 'de-horst',
		timeZone: 'Europe/Amsterdam',
		joinMode
	});
	return { db, flat: f };
}

const neighbour = { houseNumber: null, password: 'een lang wachtwoord', locale: 'nl' };

describe('joining', () => {
	it('makes an active member with an argon2id password in an open flat', async () => {
		const { db, flat: f } = flat();
		const { userId, status } = await members.join(db, { flat: f, name: '  Samira ', ...neighbour });
		expect(status).toBe('active');
		const user = db.select().from(users).where(eq(users.id, userId)).get()!;
		expect(user.name).toBe('Samira');
		expect(user.passwordHash).toMatch(/^\$argon2id\$/);
		expect(await verifyPassword(user.passwordHash!, neighbour.password)).toBe(true);
		expect(members.membership(db, f.id, userId)?.role).toBe('resident');
	});

	it('waits for a verbinder in a flat with approval', async () => {
		const { db, flat: f } = flat('approval');
		const { userId, status } = await members.join(db, { flat: f, name: 'Kees', ...neighbour });
		expect(status).toBe('pending');
		const m = members.membership(db, f.id, userId)!;
		members.approve(db, f.id, m.id);
		expect(members.membership(db, f.id, userId)?.status).toBe('active');
	});

	it('refuses a name already used in the flat, whatever its case, and writes nothing', async () => {
		const { db, flat: f } = flat();
		await members.join(db, { flat: f, name: 'Samira', ...neighbour });
		await expect(members.join(db, { flat: f, name: 'SAMIRA ', ...neighbour })).rejects.toThrow(
			members.MemberError
		);
		expect(db.select().from(users).all()).toHaveLength(1);
	});

	it('lets the same name live in two flats, and one account join a second flat', async () => {
		const { db, flat: a } = flat();
		const b = flats.create(db, { name: 'B', slug: 'b-flat', timeZone: 'UTC', joinMode: 'open' });
		const { userId } = await members.join(db, { flat: a, name: 'Samira', ...neighbour });
		expect(members.joinAsUser(db, { flat: b, userId, houseNumber: '4B' })).toBe('active');
		expect(members.flatsOf(db, userId).map((f) => f.slug)).toEqual(['b-flat', 'de-horst']);
		expect(() => members.joinAsUser(db, { flat: b, userId, houseNumber: null })).toThrow(
			'already_member'
		);
	});
});

describe('managing members', () => {
	it('keeps at least one verbinder', async () => {
		const { db, flat: f } = flat();
		const vId = members.addWithoutPassword(db, { flatId: f.id, name: 'Bram', role: 'verbinder' });
		const v = members.membership(db, f.id, vId)!;
		expect(() => members.setRole(db, f.id, v.id, 'resident')).toThrow('last_verbinder');
		expect(() => members.remove(db, f.id, v.id)).toThrow('last_verbinder');
		const { userId } = await members.join(db, { flat: f, name: 'Ans', ...neighbour });
		const ans = members.membership(db, f.id, userId)!;
		members.setRole(db, f.id, ans.id, 'verbinder');
		members.setRole(db, f.id, v.id, 'resident');
		expect(members.membership(db, f.id, vId)?.role).toBe('resident');
	});

	it('closes the own open posts of someone who becomes a professional', async () => {
		const { db, flat: f, ans, mo } = await flatWithNeighbours();
		const postId = help.create(db, f, { userId: ans, role: 'resident' }, request('Wie tilt mee?'));
		const moPost = help.create(db, f, { userId: mo, role: 'resident' }, request('Een ladder?'));
		members.setRole(db, f.id, members.membership(db, f.id, ans)!.id, 'professional');
		const status = (id: number) =>
			db.select({ status: helpPosts.status }).from(helpPosts).where(eq(helpPosts.id, id)).get()
				?.status;
		expect(status(postId)).toBe('closed');
		expect(status(moPost)).toBe('open');
		expect(help.board(db, f.id, mo).posts.map((p) => p.id)).toEqual([moPost]);
	});

	it('removes a member who moves out, with the account and sessions when no flat is left', async () => {
		const { db, flat: f } = flat();
		members.addWithoutPassword(db, { flatId: f.id, name: 'Bram', role: 'verbinder' });
		const { userId } = await members.join(db, { flat: f, name: 'Ans', ...neighbour });
		session.create(db, userId);
		members.remove(db, f.id, members.membership(db, f.id, userId)!.id);
		expect(db.select().from(users).where(eq(users.id, userId)).get()).toBeUndefined();
		expect(db.select().from(sessions).where(eq(sessions.userId, userId)).all()).toHaveLength(0);
	});

	it('cannot touch a membership of another flat', async () => {
		const { db, flat: a } = flat();
		const b = flats.create(db, { name: 'B', slug: 'b-flat', timeZone: 'UTC', joinMode: 'open' });
		const { userId } = await members.join(db, { flat: b, name: 'Ans', ...neighbour });
		const inB = members.membership(db, b.id, userId)!;
		expect(() => members.approve(db, a.id, inB.id)).toThrow('not_found');
		expect(() => members.remove(db, a.id, inB.id)).toThrow('not_found');
		expect(() => members.setRole(db, a.id, inB.id, 'verbinder')).toThrow('not_found');
		expect(members.membership(db, b.id, userId)?.role).toBe('resident');
	});

	it('lists waiting neighbours first', async () => {
		const { db, flat: f } = flat('approval');
		members.addWithoutPassword(db, { flatId: f.id, name: 'Anna', role: 'verbinder' });
		await members.join(db, { flat: f, name: 'Zeynep', ...neighbour });
		expect(members.list(db, f.id).map((x) => [x.name, x.status])).toEqual([
			['Zeynep', 'pending'],
			['Anna', 'active']
		]);
	});
});

describe('removing the last flat of an account', () => {
	/** Ans asks, Kees answers and they write; Ans answers Mo; Ans has a device and a key. */
	async function busyAns() {
		const s = await flatWithNeighbours();
		const { db, flat: f, ans, kees, mo } = s;
		const postId = help.create(db, f, { userId: ans, role: 'resident' }, request('Wie tilt mee?'));
		help.respond(db, f.id, postId, kees, 'Ik kan vanavond.');
		help.accept(db, f.id, postId, ans, help.view(db, f.id, postId, ans).responses[0]!.id);
		help.message(db, f.id, postId, kees, 'Hoe laat?');
		help.message(db, f.id, postId, ans, 'Om zeven uur.');
		const moPost = help.create(db, f, { userId: mo, role: 'resident' }, request('Een ladder?'));
		help.respond(db, f.id, moPost, ans, 'Ik heb er een.');
		keys.add(db, f.id, ans, kees);
		session.create(db, ans);
		session.create(db, kees);
		db.insert(pushSubscriptions)
			.values({ userId: ans, endpoint: 'https://push.example.net/a', p256dh: 'p', auth: 'a' })
			.run();
		return { ...s, postId, moPost };
	}

	/** How many rows each table holds: two ways of leaving should leave the same database. */
	function counts(db: ReturnType<typeof testDb>) {
		const tables = db.$client
			.prepare("select name from sqlite_master where type = 'table'")
			.all() as { name: string }[];
		return Object.fromEntries(
			tables.map(({ name }) => [
				name,
				(db.$client.prepare(`select count(*) as n from "${name}"`).get() as { n: number }).n
			])
		);
	}

	it('anonymises the account the way deleting it does', async () => {
		const removed = await busyAns();
		const { db, flat: f, ans, kees, postId, moPost } = removed;
		members.remove(db, f.id, members.membership(db, f.id, ans)!.id);

		expect(db.select().from(users).where(eq(users.id, ans)).get()).toBeUndefined();
		const seen = help.view(db, f.id, postId, kees);
		expect(seen.post).toMatchObject({ authorName: null, formerNeighbour: true, status: 'closed' });
		expect(seen.messages.map((x) => x.body)).toEqual(['Hoe laat?']);
		expect(db.select().from(helpMessages).where(eq(helpMessages.authorId, ans)).all()).toEqual([]);
		expect(db.select().from(helpResponses).where(eq(helpResponses.postId, moPost)).all()).toEqual(
			[]
		);
		expect(db.select().from(pushSubscriptions).all()).toEqual([]);
		expect(db.select().from(spareKeys).all()).toEqual([]);
		expect(db.select().from(sessions).where(eq(sessions.userId, ans)).all()).toEqual([]);
		expect(db.select().from(sessions).where(eq(sessions.userId, kees)).all()).toHaveLength(1);

		const deleted = await busyAns();
		privacy.deleteAccount(deleted.db, deleted.ans);
		expect(counts(db)).toEqual(counts(deleted.db));
	});

	it('only ends the membership when the account still has another flat', async () => {
		const { db, flat: a, ans, postId } = await busyAns();
		const b = flats.create(db, { name: 'B', slug: 'b-flat', timeZone: 'UTC', joinMode: 'open' });
		members.joinAsUser(db, { flat: b, userId: ans, houseNumber: null });
		members.remove(db, a.id, members.membership(db, a.id, ans)!.id);
		expect(db.select().from(users).where(eq(users.id, ans)).get()).toBeTruthy();
		expect(members.flatsOf(db, ans).map((x) => x.slug)).toEqual(['b-flat']);
		expect(help.view(db, a.id, postId, ans).post.status).toBe('closed');
	});
});

describe('names that look the same', () => {
	const taken = { code: 'name_taken' };

	it('refuses a look-alike of a name in the flat, but not another name or another flat', async () => {
		const { db, flat: f } = flat();
		const b = flats.create(db, { name: 'B', slug: 'b-flat', timeZone: 'UTC', joinMode: 'open' });
		await members.join(db, { flat: f, name: 'Samira', ...neighbour });
		for (const name of [
			'Sami\u200bra',
			'\u0405\u0430mira',
			'Sam\u0456ra',
			'samira',
			'Ｓａｍｉｒａ'
		])
			await expect(members.join(db, { flat: f, name, ...neighbour }), name).rejects.toMatchObject(
				taken
			);
		expect(() =>
			members.addWithoutPassword(db, { flatId: f.id, name: '\u0405\u0430mira', role: 'verbinder' })
		).toThrow(members.MemberError);
		await members.join(db, { flat: f, name: 'Samir', ...neighbour });
		const { userId } = await members.join(db, { flat: b, name: 'Samira', ...neighbour });
		expect(members.forLogin(db, b.id, 'Samira')?.userId).toBe(userId);
	});

	it('refuses an account whose name looks like one in the flat it joins', async () => {
		const { db, flat: f } = flat();
		const b = flats.create(db, { name: 'B', slug: 'b-flat', timeZone: 'UTC', joinMode: 'open' });
		await members.join(db, { flat: f, name: 'Samira', ...neighbour });
		const { userId } = await members.join(db, { flat: b, name: '\u0405\u0430mira', ...neighbour });
		expect(() => members.joinAsUser(db, { flat: f, userId, houseNumber: null })).toThrow(
			'name_taken'
		);
	});

	it('lets a neighbour log in typing the name in capitals or with a space after it', async () => {
		const { db, flat: f } = flat();
		const { userId } = await members.join(db, { flat: f, name: 'Anaïs', ...neighbour });
		expect(members.forLogin(db, f.id, 'ANAÏS')?.userId).toBe(userId);
		expect(members.forLogin(db, f.id, 'Anaïs ')?.userId).toBe(userId);
		expect(members.forLogin(db, f.id, 'Ana\u0069\u0308s')?.userId).toBe(userId);
		expect(members.forLogin(db, f.id, 'Anais')).toBeUndefined();
	});
});

describe('hearing of fitting requests', () => {
	it('asks yes by default for a member without talents, and keeps a choice once made', async () => {
		const { db, flat: f } = flat();
		const { userId } = await members.join(db, { flat: f, name: 'Layla', ...neighbour });
		const fresh = members.profile(db, f.id, userId);
		expect(fresh.notifyMatches).toBe(false);
		expect(members.hearsOfMatches(fresh)).toBe(true);

		const chosen = { ...fresh, talents: ['pets' as const] };
		members.saveProfile(db, f.id, userId, { ...chosen, notifyMatches: false });
		expect(members.hearsOfMatches(members.profile(db, f.id, userId))).toBe(false);
		members.saveProfile(db, f.id, userId, { ...chosen, notifyMatches: true });
		expect(members.hearsOfMatches(members.profile(db, f.id, userId))).toBe(true);
	});
});
