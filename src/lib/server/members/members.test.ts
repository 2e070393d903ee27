import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { testDb } from '../db/test-db';
import { sessions, users } from '../db/schema';
import * as flats from '../flats';
import * as members from '.';
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
