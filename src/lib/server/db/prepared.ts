import type Database from 'better-sqlite3';
import { sql } from 'drizzle-orm';
import type { DB } from './client';

/*
 * Two ways to query, and the rule between them:
 * - A query on the page-view path (what every visit of a flat's pages runs: the session, the
 *   flat, the membership, the unread count, the board, the week, the hellos, the balance) or
 *   one run per recipient of a fan-out is `prepared()`: Drizzle builds it once per connection,
 *   then it only runs, with `sql.placeholder`s for its values. A list of values in it goes in
 *   through `listOf`, so the query keeps one shape.
 * - Every other query is written with Drizzle's query builder where it runs, lists with
 *   `inArray(column, values)`: clearer to read, and cheap enough because the connection keeps
 *   the statements it compiled (keepStatements in client.ts).
 * prepared.test.ts holds the page-view path to this: a second visit builds no query at all.
 */

/**
 * The connection a database or a transaction runs on: the better-sqlite3 handle, which the
 * database shows as its public `$client`. A transaction is a new Drizzle object over the same
 * connection without one (Drizzle 0.45 gives it no public way back); its session holds the
 * same handle, so that one field outside Drizzle's types is read here and nowhere else.
 */
function connectionOf(db: DB): Database.Database {
	const connection =
		(db as { $client?: Database.Database }).$client ??
		(db as unknown as { session?: { client?: Database.Database } }).session?.client;
	if (!connection) throw new Error('db: no connection behind this database or transaction');
	return connection;
}

/**
 * Something made once per database and then reused: what is made for the database serves
 * its transactions too (SQLite has one transaction per connection), and two databases never
 * share it.
 */
export function perConnection<Made>(make: (db: DB) => Made): (db: DB) => Made {
	const kept = new WeakMap<Database.Database, Made>();
	return (db) => {
		const connection = connectionOf(db);
		let made = kept.get(connection);
		if (!made) {
			made = make(db);
			kept.set(connection, made);
		}
		return made;
	};
}

/**
 * A query Drizzle builds once per connection and then only runs, with `sql.placeholder`s for
 * its values: building the SQL of a query on every call cost more than SQLite running it on
 * the pages every visit opens (session, flat, membership, the week). Inside a transaction it
 * runs on the transaction, as the same connection.
 */
export const prepared = <Query>(build: (db: DB) => Query) => perConnection(build);

/**
 * A list of values for `inArray` in a prepared query: the placeholder takes the list as one
 * JSON array (`JSON.stringify(ids)`), so the query keeps one shape however long the list is.
 */
export const listOf = (placeholder: string) =>
	sql`(select value from json_each(${sql.placeholder(placeholder)}))`;
