import Database from 'better-sqlite3';
import path from 'node:path';
import { DATA_DIR } from '../playwright.config';

export type ServerDb = Database.Database;

/**
 * The test server's database, opened read-only beside the server: to look up the ids a page
 * does not show, and to see that a refused request stored nothing.
 */
export function serverDb(): ServerDb {
	return new Database(path.join(DATA_DIR, 'burenbord.db'), { readonly: true, fileMustExist: true });
}

type ForeignKey = { table: string; from: string; to: string | null };

/**
 * Every row that belongs to one flat, as text to compare before and after a request: the
 * flat, its members' accounts, and every row tied to those by a column or a foreign key,
 * found from the schema itself so that a new table is covered without anyone listing it.
 * Flats whose web name starts with this one's count too, so a new flat by that name shows.
 */
export function flatRows(db: ServerDb, flat: { id: number; slug: string }): string {
	const tables = db
		.prepare(
			`SELECT name FROM sqlite_master WHERE type = 'table'
			 AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' ORDER BY name`
		)
		.pluck()
		.all() as string[];
	const where = new Map<string, string>([
		['flats', `id = @flat OR slug LIKE @prefix`],
		['users', `id IN (SELECT user_id FROM memberships WHERE flat_id = @flat)`],
		// Counts of guesses and writes per account or address hash: no flat's data.
		['rate_limits', '0']
	]);
	for (const table of tables) {
		const columns = db.pragma(`table_info("${table}")`) as { name: string }[];
		if (!where.has(table) && columns.some((c) => c.name === 'flat_id'))
			where.set(table, 'flat_id = @flat');
	}
	// Tables tied to the flat only through another table, however many steps away.
	for (let grown = true; grown;) {
		grown = false;
		for (const table of tables.filter((t) => !where.has(t))) {
			const keys = db.pragma(`foreign_key_list("${table}")`) as ForeignKey[];
			const ties = keys
				.filter((k) => where.has(k.table))
				.map(
					(k) =>
						`"${k.from}" IN (SELECT "${k.to ?? 'id'}" FROM "${k.table}" WHERE ${where.get(k.table)})`
				);
			if (ties.length === 0) continue;
			where.set(table, ties.join(' OR '));
			grown = true;
		}
	}
	const untied = tables.filter((t) => !where.has(t));
	if (untied.length > 0) throw new Error(`flatRows cannot tie ${untied.join(', ')} to a flat`);
	const params = { flat: flat.id, prefix: `${flat.slug}-%` };
	const rows = Object.fromEntries(
		[...where].map(([table, condition]) => [
			table,
			db.prepare(`SELECT * FROM "${table}" WHERE ${condition} ORDER BY rowid`).all(params)
		])
	);
	return JSON.stringify(rows);
}
