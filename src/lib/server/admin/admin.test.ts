import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { testDb } from '../../../../tests/unit/test-db';
import { notifications, users } from '../db/schema';
import { hashPassword } from '../auth/password';
import * as cli from '../cli/admin';
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

	it('names the flat it handed a verbinder, and refuses a flat that is not there', () => {
		const db = testDb();
		const flat = flats.create(db, first);
		const handed = admin.handOver(db, { flatId: flat.id, name: 'Bram' });
		expect(handed.flat).toBe(flat.name);
		expect(loginCode.check(db, handed.code)?.name).toBe('Bram');
		expect(() => admin.handOver(db, { flatId: flat.id + 1, name: 'Eve' })).toThrow(
			new flats.FlatError('not_found')
		);
		expect(members.forLogin(db, flat.id + 1, 'Eve')).toBeUndefined();
	});
});

describe('the administrator is seen by the flat', () => {
	it('announces a handed verbinder to the flat’s verbinders, marks and logs it', async () => {
		const db = testDb();
		const flat = admin.createFlat(db, first);
		const bram = admin.handVerbinder(db, { flatId: flat.id, name: 'Bram' });
		const bramId = loginCode.check(db, bram)!.userId;
		await loginCodeRedeem(db, bram);
		admin.handVerbinder(db, { flatId: flat.id, name: 'Eve' });

		const told = db
			.select()
			.from(notifications)
			.where(eq(notifications.userId, bramId))
			.all()
			.filter((n) => n.type === 'verbinder_added');
		expect(told.map((n) => n.params.name)).toEqual(['Eve']);

		const list = members.list(db, flat.id);
		expect(list.find((x) => x.name === 'Eve')?.addedByAdmin).toBe(true);
		expect(list.every((x) => x.addedByAdmin)).toBe(true);

		const log = admin.log.forFlat(db, flat.id);
		expect(log.map((e) => [e.action, e.name])).toEqual([
			['verbinder_added', 'Eve'],
			['verbinder_added', 'Bram'],
			['flat_created', null]
		]);
	});

	it('keeps nobody’s name in the log once the account is gone', () => {
		const db = testDb();
		const flat = admin.createFlat(db, first);
		admin.handVerbinder(db, { flatId: flat.id, name: 'Bram' });
		const eve = loginCode.check(db, admin.handVerbinder(db, { flatId: flat.id, name: 'Eve' }))!;
		db.delete(users).where(eq(users.id, eve.userId)).run();
		const names = admin.log.forFlat(db, flat.id).map((e) => e.name);
		expect(names).not.toContain('Eve');
		expect(names).toContain('Bram');
	});

	it('notes an operator’s login code in every flat of the person', async () => {
		const db = testDb();
		const a = admin.createFlat(db, first);
		const b = admin.createFlat(db, { ...first, slug: 'tweede' });
		const { userId } = await members.join(db, {
			flat: a,
			name: 'Kees',
			houseNumber: null,
			password: 'wachtwoord-kees',
			locale: 'nl'
		});
		members.joinAsUser(db, { flat: b, userId, houseNumber: null });
		const out = cli.run(db, ['login-code', 'de-horst', 'Kees']);
		expect(out.status).toBe(0);
		for (const flat of [a, b])
			expect(admin.log.forFlat(db, flat.id)[0]).toMatchObject({
				action: 'login_code',
				name: 'Kees'
			});
	});
});

async function loginCodeRedeem(db: ReturnType<typeof testDb>, code: string) {
	expect(loginCode.redeem(db, code, await hashPassword('wachtwoord-bram'))).toBeTypeOf('number');
}
