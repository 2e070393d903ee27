import { describe, expect, it } from 'vitest';
import { testDb } from '../../../../tests/unit/test-db';
import * as loginCode from '../auth/login-code';
import * as flats from '../flats';
import * as members from '../members';
import * as admin from '../admin';
import { run } from './admin';
import { seed } from './demo';
import * as help from '../help';
import * as balance from '../balance';
import { helpPosts, users } from '../db/schema';
import { flatWithNeighbours, request } from '../../../../tests/unit/fixtures';

function codeIn(out: string): string {
	return out.match(/[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}/)![0];
}

describe('admin command line', () => {
	it('issues a login code for a member by flat and name', async () => {
		const db = testDb();
		const flat = flats.create(db, {
			name: 'De Horst',
			slug: 'de-horst',
			timeZone: 'UTC',
			joinMode: 'open'
		});
		const { userId } = await members.join(db, {
			flat,
			name: 'Kees',
			houseNumber: null,
			password: 'x'.repeat(8),
			locale: 'nl'
		});
		const result = run(db, ['login-code', 'de-horst', 'kees']);
		expect(result.status).toBe(0);
		expect(loginCode.check(db, codeIn(result.out))?.userId).toBe(userId);
		expect(run(db, ['login-code', 'nope', 'Kees']).status).toBe(1);
		expect(run(db, ['login-code', 'de-horst', 'Nobody']).status).toBe(1);
		expect(run(db, ['what']).out).toContain('Usage');
	});

	it('lets a locked-out admin back in, creating the account when needed', () => {
		const db = testDb();
		const result = run(db, ['admin-code', 'Anna']);
		const owner = loginCode.check(db, codeIn(result.out));
		expect(owner?.name).toBe('Anna');
		expect(admin.forLogin(db, 'anna')?.userId).toBe(owner?.userId);
		run(db, ['admin-code', 'anna']);
		expect(db.select().from(users).all()).toHaveLength(1);
	});
});

describe('the clock by hand', () => {
	it('runs one round as at a given instant, and refuses what is no instant', async () => {
		const { db, flat, ans } = await flatWithNeighbours();
		const id = help.create(db, flat, { userId: ans, role: 'resident' }, request('Boodschappen'));
		// A round a year later closes the request, which expired long before.
		const later = new Date(Date.now() + 365 * 24 * 3600 * 1000).toISOString();
		const result = run(db, ['tick', later]);
		expect(result.status).toBe(0);
		expect(result.out).toMatch(/\t[1-9]/);
		const row = db
			.select()
			.from(helpPosts)
			.all()
			.find((p) => p.id === id);
		expect(row?.status).toBe('closed');
		expect(run(db, ['tick', 'gisteren']).status).toBe(2);
	});
});

describe('demo', () => {
	it('fills an empty database with a flat, neighbours and codes, once', async () => {
		const db = testDb();
		const out = await seed(db);
		expect(out).toMatch(/Join code: DEHOR-[A-Z0-9]{4}/);
		const flat = flats.bySlug(db, 'de-horst')!;
		expect(members.list(db, flat.id).map((m) => [m.name, m.role])).toEqual(
			expect.arrayContaining([
				['Bram', 'verbinder'],
				['Joost', 'professional'],
				['Samira', 'resident']
			])
		);
		const board = help.board(db, flat.id, members.forLogin(db, flat.id, 'Kees')!.userId);
		expect(board.posts.map((p) => p.type)).toEqual(expect.arrayContaining(['offer', 'request']));
		expect(board.posts.some((p) => p.onBehalfOf === 'mevrouw De Vries')).toBe(true);
		expect(board.posts.find((p) => p.anonymous)?.authorName).toBeNull();
		const kees = members.forLogin(db, flat.id, 'Kees')!.userId;
		expect(balance.forMember(db, flat.id, kees)).toEqual({ given: 1, received: 0 });
		await expect(seed(db)).rejects.toThrow(/already has flats/);
	});
});
