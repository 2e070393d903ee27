import { describe, expect, it } from 'vitest';
import { testDb } from '../../../../tests/unit/test-db';
import * as flats from '.';
import { eq } from 'drizzle-orm';
import { CODE_ALPHABET } from '../auth/tokens';
import { flats as flatsTable } from '../db/schema';
import { DomainError } from '../errors';

const horst = {
	name: 'De Horst',
	slug: 'de-horst',
	timeZone: 'Europe/Amsterdam',
	joinMode: 'open'
} as const;

describe('join codes', () => {
	it('look like DEHOR-7K3Q-M8XP: letters of the flat, then eight unambiguous characters', () => {
		for (let i = 0; i < 200; i++) {
			const code = flats.joinCode.generate('de-horst');
			expect(code).toMatch(/^DEHOR[A-Z0-9]{8}$/);
			for (const c of code.slice(-8)) expect(CODE_ALPHABET).toContain(c);
			expect(flats.joinCode.format(code)).toMatch(/^DEHOR-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
			expect(flats.joinCode.isShort(code)).toBe(false);
		}
		expect(CODE_ALPHABET).not.toMatch(/[01ILOU]/);
		// Too few letters for a prefix: FLAT, so a new code is never as short as an old one.
		expect(flats.joinCode.generate('a-1')).toMatch(/^FLAT[A-Z0-9]{8}$/);
	});

	it('take more than a year to guess for one flat from a thousand addresses', () => {
		// 8 characters of 29, 30 guesses per address per 10 minutes (rate-limit.ts joinCode).
		const space = CODE_ALPHABET.length ** 8;
		const perYear = 1000 * 30 * 6 * 24 * 365;
		expect(space / 2 / perYear).toBeGreaterThan(100);
	});

	it('made before the longer ones keep working and are shown as they were printed', () => {
		const db = testDb();
		const flat = flats.create(db, horst);
		db.update(flatsTable).set({ joinCode: 'DEHOR7K3Q' }).where(eq(flatsTable.id, flat.id)).run();
		expect(flats.joinCode.isShort('DEHOR7K3Q')).toBe(true);
		expect(flats.joinCode.format('DEHOR7K3Q')).toBe('DEHOR-7K3Q');
		expect(flats.byJoinCode(db, 'dehor-7k3q')?.id).toBe(flat.id);
	});

	it('are found however they are typed', () => {
		const db = testDb();
		const flat = flats.create(db, horst);
		const shown = flats.joinCode.format(flat.joinCode);
		for (const typed of [shown, shown.toLowerCase(), ` ${shown.replace('-', ' ')} `, flat.joinCode])
			expect(flats.byJoinCode(db, typed)?.id).toBe(flat.id);
		expect(flats.byJoinCode(db, '')).toBeUndefined();
		expect(flats.byJoinCode(db, 'NOPE-2345')).toBeUndefined();
	});

	it('stop working when rotated', () => {
		const db = testDb();
		const flat = flats.create(db, horst);
		const next = flats.rotateJoinCode(db, flat.id);
		expect(next).not.toBe(flat.joinCode);
		expect(flats.byJoinCode(db, flat.joinCode)).toBeUndefined();
		expect(flats.byJoinCode(db, next)?.id).toBe(flat.id);
	});
});

describe('flats', () => {
	it('refuse a slug that is taken', () => {
		const db = testDb();
		flats.create(db, horst);
		expect(() => flats.create(db, { ...horst, name: 'Other' })).toThrow(flats.FlatError);
		expect(flats.count(db)).toBe(1);
	});

	it('show the admin names and slugs only', () => {
		const db = testDb();
		flats.create(db, horst);
		const [row] = flats.listForAdmin(db);
		expect(Object.keys(row!).sort()).toEqual(['createdAt', 'id', 'name', 'slug']);
	});

	it('are found as a person names one at login: the web name in any case, or the join code', () => {
		const db = testDb();
		const flat = flats.create(db, horst);
		for (const typed of [' De-Horst ', 'de-horst', flats.joinCode.format(flat.joinCode)])
			expect(flats.named(db, typed)?.id).toBe(flat.id);
		expect(flats.named(db, 'elders')).toBeUndefined();
	});

	it('answer a join code that opens none as not found, a refusal of the flats', () => {
		const db = testDb();
		const flat = flats.create(db, horst);
		expect(flats.forJoinCode(db, flat.joinCode.toLowerCase()).id).toBe(flat.id);
		expect(() => flats.forJoinCode(db, 'NOPE-2345')).toThrow(new flats.FlatError('not_found'));
		expect(new flats.FlatError('not_found')).toBeInstanceOf(DomainError);
		expect(new flats.FlatError('not_found').concept).toBe('flats');
	});
});
