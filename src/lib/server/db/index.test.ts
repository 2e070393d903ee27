import { count, eq, sql } from 'drizzle-orm';
import { prepared } from '.';
import { describe, expect, it } from 'vitest';
import { flats } from './schema';
import { testDb } from './test-db';

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
