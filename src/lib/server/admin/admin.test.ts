import { describe, expect, it } from 'vitest';
import { testDb } from '../db/test-db';
import * as admin from '.';
import * as flats from '../flats';
import * as loginCode from '../auth/login-code';
import * as members from '../members';

const first = {
	name: 'De Horst',
	slug: 'de-horst',
	timeZone: 'Europe/Amsterdam',
	joinMode: 'open'
} as const;

describe('first-run setup', () => {
	it('creates the admin and the first flat, then closes', async () => {
		const db = testDb();
		expect(admin.setupOpen(db)).toBe(true);
		const { userId, flatSlug } = await admin.setup(db, {
			adminName: 'Anna',
			password: 'beheer-wachtwoord',
			locale: 'nl',
			flat: first
		});
		expect(flatSlug).toBe('de-horst');
		expect(admin.forLogin(db, 'anna')?.userId).toBe(userId);
		expect(admin.setupOpen(db)).toBe(false);
		await expect(
			admin.setup(db, {
				adminName: 'Eve',
				password: 'x'.repeat(10),
				locale: 'nl',
				flat: { ...first, slug: 'other' }
			})
		).rejects.toThrow(admin.SetupError);
		expect(admin.forLogin(db, 'eve')).toBeUndefined();
		expect(flats.count(db)).toBe(1);
	});

	it('hands a flat a verbinder through a one-time login code', () => {
		const db = testDb();
		const flat = flats.create(db, first);
		const code = admin.handVerbinder(db, { flatId: flat.id, name: 'Bram' });
		const owner = loginCode.check(db, code);
		expect(owner?.name).toBe('Bram');
		expect(members.membership(db, flat.id, owner!.userId)?.role).toBe('verbinder');
		expect(members.forLogin(db, flat.id, 'Bram')?.passwordHash).toBeNull();
	});
});
