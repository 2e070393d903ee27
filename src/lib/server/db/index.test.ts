import { count, eq, sql } from 'drizzle-orm';
import { chmodSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase, prepared } from '.';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { flats } from './schema';
import { testDb } from '../../../../tests/unit/test-db';

describe('kept statements', () => {
	it('compiles the same SQL once and hands it out again', () => {
		const db = testDb();
		const first = db.$client.prepare('select 1 as one');
		expect(db.$client.prepare('select 1 as one')).toBe(first);
		expect(db.$client.prepare('select 2 as two')).not.toBe(first);
	});

	it('gives rows as objects again after Drizzle read the same SQL as arrays', () => {
		const db = testDb();
		db.insert(flats).values({ slug: 'a', name: 'A', joinCode: 'CODE-A' }).run();
		const query = db.select({ slug: flats.slug }).from(flats).where(eq(flats.slug, 'a'));
		// Drizzle reads a select with named fields in raw (array) mode.
		expect(query.all()).toEqual([{ slug: 'a' }]);
		const { sql: text, params } = query.toSQL();
		expect(db.$client.prepare(text).all(...params)).toEqual([{ slug: 'a' }]);
		expect(query.all()).toEqual([{ slug: 'a' }]);
		expect(db.all(sql`select count(*) as n from flats`)).toEqual([{ n: 1 }]);
	});
});

describe('prepared queries', () => {
	it('are built once per connection, and run inside a transaction on it', () => {
		const db = testDb();
		let builds = 0;
		const slugs = prepared((d) => {
			builds++;
			return d
				.select({ n: count() })
				.from(flats)
				.where(eq(flats.slug, sql.placeholder('slug')))
				.prepare();
		});
		expect(slugs(db).get({ slug: 'a' })).toEqual({ n: 0 });
		expect(() =>
			db.transaction((tx) => {
				tx.insert(flats).values({ slug: 'a', name: 'A', joinCode: 'CODE-A' }).run();
				// Inside the transaction, its own write is seen...
				expect(slugs(tx).get({ slug: 'a' })).toEqual({ n: 1 });
				throw new Error('undo');
			})
		).toThrow('undo');
		// ...and rolled back with it.
		expect(slugs(db).get({ slug: 'a' })).toEqual({ n: 0 });
		expect(builds).toBe(1);
		expect(slugs(testDb())).not.toBe(slugs(db));
		expect(builds).toBe(2);
	});
});

describe('the database file', () => {
	const modeOf = (file: string) => statSync(file).mode & 0o777;
	let dir: string;
	let umask: number;
	beforeEach(() => {
		// The usual umask, under which files are made readable by everyone unless asked not to.
		umask = process.umask(0o022);
		dir = mkdtempSync(path.join(tmpdir(), 'burenbord-db-'));
	});
	afterEach(() => {
		process.umask(umask);
		rmSync(dir, { recursive: true, force: true });
	});

	it('is made readable by the server’s user only, with its -wal and -shm files and directory', () => {
		const file = path.join(dir, 'data', 'burenbord.db');
		const db = openDatabase(file);
		db.$client.exec('create table t (x); insert into t values (1)');
		for (const own of [file, `${file}-wal`, `${file}-shm`]) {
			expect(existsSync(own), own).toBe(true);
			expect(modeOf(own), own).toBe(0o600);
		}
		expect(modeOf(path.dirname(file))).toBe(0o700);
		db.$client.close();
	});

	it('closes a database an older version left readable by everyone', () => {
		const file = path.join(dir, 'burenbord.db');
		chmodSync(dir, 0o750);
		// Open, so the -wal and -shm files are there too, as on a running server.
		const first = openDatabase(file);
		first.$client.exec('create table t (x); insert into t values (1)');
		for (const own of [file, `${file}-wal`, `${file}-shm`]) chmodSync(own, 0o644);
		const second = openDatabase(file);
		for (const own of [file, `${file}-wal`, `${file}-shm`]) expect(modeOf(own), own).toBe(0o600);
		// A data directory that was already there keeps the mode its owner gave it.
		expect(modeOf(dir)).toBe(0o750);
		second.$client.close();
		first.$client.close();
	});
});
