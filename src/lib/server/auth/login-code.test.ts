import { describe, expect, it } from 'vitest';
import { testDb } from '../../../../tests/unit/test-db';
import { loginCodes } from '../db/schema';
import * as flats from '../flats';
import * as members from '../members';
import * as loginCode from './login-code';
import * as session from './session';
import { hashToken } from './tokens';

const HOUR = 60 * 60 * 1000;

function setup() {
	const db = testDb();
	const flat = flats.create(db, { name: 'H', slug: 'h-flat', timeZone: 'UTC', joinMode: 'open' });
	const userId = members.addWithoutPassword(db, {
		flatId: flat.id,
		name: 'Bram',
		role: 'verbinder'
	});
	return { db, flat, userId };
}

describe('login codes', () => {
	it('are stored hashed and shown once as XXXX-XXXX-XXXX', () => {
		const { db, flat, userId } = setup();
		const code = loginCode.issue(db, { userId, flatId: flat.id });
		expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
		const [row] = db.select().from(loginCodes).all();
		expect(row!.id).toBe(hashToken(loginCode.normalize(code)));
		expect(JSON.stringify(row)).not.toContain(loginCode.normalize(code));
	});

	it('are valid for 72 hours, typed in any case', () => {
		const { db, flat, userId } = setup();
		const t0 = new Date('2026-05-01T10:00:00Z');
		const code = loginCode.issue(db, { userId, flatId: flat.id }, t0);
		const at = (h: number) => new Date(t0.getTime() + h * HOUR);
		expect(loginCode.check(db, code.toLowerCase(), at(71))?.name).toBe('Bram');
		expect(loginCode.check(db, code, at(72))).toBeUndefined();
		expect(loginCode.redeem(db, code, 'hash', at(73))).toBeUndefined();
	});

	it('work once, set the password and end other sessions', () => {
		const { db, flat, userId } = setup();
		const old = session.create(db, userId);
		const code = loginCode.issue(db, { userId, flatId: flat.id });
		expect(loginCode.redeem(db, code, '$argon2id$fake')).toBe(userId);
		expect(members.forLogin(db, flat.id, 'bram')?.passwordHash).toBe('$argon2id$fake');
		expect(session.validate(db, old.token)).toBeNull();
		expect(loginCode.redeem(db, code, '$argon2id$again')).toBeUndefined();
	});

	it('replace an earlier code for the same person', () => {
		const { db, flat, userId } = setup();
		const first = loginCode.issue(db, { userId, flatId: flat.id });
		const second = loginCode.issue(db, { userId, flatId: flat.id });
		expect(loginCode.check(db, first)).toBeUndefined();
		expect(loginCode.check(db, second)?.userId).toBe(userId);
	});

	it('ignore rubbish without touching the database', () => {
		const { db } = setup();
		for (const input of ['', 'x', "'; DROP TABLE users; --", '0000-0000-0000', 'é'.repeat(500)])
			expect(loginCode.check(db, input)).toBeUndefined();
	});
});
