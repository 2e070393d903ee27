import { eq } from 'drizzle-orm';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type DB } from '../db';
import { memberships, users } from '../db/schema';
import { testDb } from '../../../../tests/unit/test-db';
import * as flats from '../flats';
import * as members from '.';
import { fillNameSkeletons } from './backfill';
import { nameSkeleton } from './name';

/** An account as the version before skeletons made it: the old login key, no skeleton. */
function oldAccount(db: DB, name: string, flatId?: number) {
	const oldKey = name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('nl');
	const { id } = db
		.insert(users)
		.values({ name, nameKey: oldKey, passwordHash: '$argon2id$fake' })
		.returning({ id: users.id })
		.get();
	if (flatId) db.insert(memberships).values({ flatId, userId: id }).run();
	return id;
}

const rows = (db: DB) => db.select().from(users).orderBy(users.id).all();

describe('filling in skeletons of older accounts', () => {
	it('fills the skeleton and the login key, once', () => {
		const db = testDb();
		const flat = flats.create(db, { name: 'H', slug: 'h', timeZone: 'UTC', joinMode: 'open' });
		const samira = oldAccount(db, 'Sami\u200bra', flat.id);
		const kees = oldAccount(db, 'Kees');
		expect(rows(db).map((u) => u.nameSkeleton)).toEqual([null, null]);

		expect(fillNameSkeletons(db)).toBe(2);
		const filled = rows(db);
		expect(filled.map((u) => [u.id, u.nameKey, u.nameSkeleton])).toEqual([
			[samira, 'samira', nameSkeleton('Samira')],
			[kees, 'kees', nameSkeleton('Kees')]
		]);
		expect(members.forLogin(db, flat.id, 'Samira')?.userId).toBe(samira);
		expect(members.nameTaken(db, flat.id, '\u0405\u0430mira')).toBe(true);

		expect(fillNameSkeletons(db)).toBe(0);
		expect(rows(db)).toEqual(filled);
	});

	// The server fills them in at start (hooks.server.ts init), after openDatabase migrated.
	describe('when the server starts', () => {
		let dir = '';
		afterEach(() => rmSync(dir, { recursive: true, force: true }));

		it('runs after the migrations', () => {
			dir = mkdtempSync(path.join(tmpdir(), 'burenbord-'));
			const file = path.join(dir, 'test.db');
			const before = openDatabase(file);
			const id = oldAccount(before, 'Ｓａｍｉｒａ');
			before.$client.close();

			const after = openDatabase(file);
			fillNameSkeletons(after);
			const user = after.select().from(users).where(eq(users.id, id)).get()!;
			expect(user).toMatchObject({ nameKey: 'samira', nameSkeleton: nameSkeleton('Samira') });
			after.$client.close();
		});
	});
});
