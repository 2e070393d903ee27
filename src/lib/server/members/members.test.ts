import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { testDb } from '../../../../tests/unit/test-db';
import { flatWithNeighbours, request } from '../../../../tests/unit/fixtures';
import { helpPosts, users } from '../db/schema';
import * as flats from '../flats';
import * as help from '../help';
import * as members from '.';
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

	it('ends only the membership; the account stays for account.removeMember to judge', async () => {
		const { db, flat: f } = flat();
		members.addWithoutPassword(db, { flatId: f.id, name: 'Bram', role: 'verbinder' });
		const { userId } = await members.join(db, { flat: f, name: 'Ans', ...neighbour });
		members.remove(db, f.id, members.membership(db, f.id, userId)!.id);
		expect(members.membership(db, f.id, userId)).toBeUndefined();
		expect(db.select().from(users).where(eq(users.id, userId)).get()).toBeTruthy();
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
