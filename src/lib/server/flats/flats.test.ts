import { describe, expect, it } from 'vitest';
import { testDb } from '../db/test-db';
import * as flats from '.';
import { CODE_ALPHABET } from '../auth/tokens';

const horst = {
	name: 'De Horst',
	slug: 'de-horst',
	timeZone: 'Europe/Amsterdam',
	joinMode: 'open'
} as const;

describe('join codes', () => {
	it('look like HORST-7K3Q: letters of the flat, then four unambiguous characters', () => {
		for (let i = 0; i < 200; i++) {
			const code = flats.joinCode.generate('de-horst');
			expect(code).toMatch(/^DEHOR[A-Z0-9]{4}$/);
			for (const c of code.slice(-4)) expect(CODE_ALPHABET).toContain(c);
			expect(flats.joinCode.format(code)).toMatch(/^DEHOR-[A-Z0-9]{4}$/);
		}
		expect(CODE_ALPHABET).not.toMatch(/[01ILOU]/);
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
});
