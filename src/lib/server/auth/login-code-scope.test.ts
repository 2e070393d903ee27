import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { testDb } from '../../../../tests/unit/test-db';
import { memberships, users } from '../db/schema';
import * as flats from '../flats';
import * as members from '../members';
import * as loginCode from './login-code';
import * as session from './session';

/**
 * Flat A holds Kees's private threads; flat B's verbinder must not be able to take his account
 * over by giving him a login code in B.
 */
async function twoFlats(bMode: 'open' | 'approval' = 'open') {
	const db = testDb();
	const a = flats.create(db, { name: 'A', slug: 'a-flat', timeZone: 'UTC', joinMode: 'open' });
	const b = flats.create(db, { name: 'B', slug: 'b-flat', timeZone: 'UTC', joinMode: bMode });
	const join = { houseNumber: null, password: 'wachtwoord-kees', locale: 'nl' };
	const { userId: kees } = await members.join(db, { flat: a, name: 'Kees', ...join });
	const passwordOf = () =>
		db.select({ h: users.passwordHash }).from(users).where(eq(users.id, kees)).get()!.h;
	return { db, a, b, kees, passwordOf };
}

describe('a flat gives login codes only for accounts of that flat alone', () => {
	it('refuses a member who is in another flat too, before and after approval', async () => {
		const { db, b, kees } = await twoFlats('approval');
		members.joinAsUser(db, { flat: b, userId: kees, houseNumber: null });
		expect(() => loginCode.issue(db, { userId: kees, flatId: b.id })).toThrow(
			expect.objectContaining({ code: 'pending' })
		);
		const m = members.membership(db, b.id, kees)!;
		members.approve(db, b.id, m.id);
		expect(() => loginCode.issue(db, { userId: kees, flatId: b.id })).toThrow(
			expect.objectContaining({ code: 'elsewhere' })
		);
		expect(members.list(db, b.id).find((x) => x.userId === kees)?.elsewhere).toBe(true);
	});

	it('refuses a pending member of the flat itself', async () => {
		const { db, b } = await twoFlats('approval');
		const { userId } = await members.join(db, {
			flat: b,
			name: 'Fatima',
			houseNumber: null,
			password: 'wachtwoord-fatima',
			locale: 'nl'
		});
		expect(loginCode.refusal(db, b.id, userId)).toBe('pending');
		expect(() => loginCode.issue(db, { userId, flatId: b.id })).toThrow(loginCode.LoginCodeError);
	});

	it('ends a code given while the account was the flat’s alone once it joins a second flat', async () => {
		const { db, a, b, kees, passwordOf } = await twoFlats();
		const code = loginCode.issue(db, { userId: kees, flatId: a.id });
		expect(loginCode.check(db, code)?.name).toBe('Kees');
		members.joinAsUser(db, { flat: b, userId: kees, houseNumber: null });
		const before = passwordOf();
		expect(loginCode.check(db, code)).toBeUndefined();
		expect(loginCode.redeem(db, code, 'new-hash')).toBeUndefined();
		expect(passwordOf()).toBe(before);
	});

	it('never reaches the instance administrator, even with a membership left from before', async () => {
		const { db, b } = await twoFlats();
		const admin = db
			.insert(users)
			.values({ name: 'Anna', nameKey: 'anna', isAdmin: true, passwordHash: 'x' })
			.returning()
			.get();
		// Older versions let the administrator join a flat; that membership gives B no power.
		db.insert(memberships).values({ flatId: b.id, userId: admin.id }).run();
		expect(() => loginCode.issue(db, { userId: admin.id, flatId: b.id })).toThrow(
			expect.objectContaining({ code: 'admin' })
		);
		expect(members.list(db, b.id).find((x) => x.userId === admin.id)?.elsewhere).toBe(true);
	});

	it('leaves the operator’s code (no flat) for a person in several flats', async () => {
		const { db, b, kees } = await twoFlats();
		members.joinAsUser(db, { flat: b, userId: kees, houseNumber: null });
		const other = session.create(db, kees);
		const code = loginCode.issue(db, { userId: kees, flatId: null });
		expect(loginCode.redeem(db, code, 'new-hash')).toBe(kees);
		expect(session.validate(db, other.token)).toBeNull();
	});

	it('still works for an active member of this flat alone', async () => {
		const { db, a, kees } = await twoFlats();
		expect(loginCode.refusal(db, a.id, kees)).toBeNull();
		const code = loginCode.issue(db, { userId: kees, flatId: a.id });
		expect(loginCode.redeem(db, code, 'new-hash')).toBe(kees);
	});
});

describe('the instance administrator is an identity apart', () => {
	it('cannot join a flat with its code', async () => {
		const { db, b } = await twoFlats();
		const admin = db
			.insert(users)
			.values({ name: 'Anna', nameKey: 'anna', isAdmin: true })
			.returning()
			.get();
		expect(() => members.joinAsUser(db, { flat: b, userId: admin.id, houseNumber: null })).toThrow(
			expect.objectContaining({ code: 'admin' })
		);
		expect(members.membership(db, b.id, admin.id)).toBeUndefined();
	});
});
