import { is } from 'drizzle-orm';
import { getTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import { flatWithNeighbours } from '../../../../tests/unit/fixtures';
import * as schema from '../db/schema';
import type { Personal } from '../auth/personal';
import * as privacy from '../privacy';
import { PERSONAL_DATA } from '.';

const tables = Object.values(schema).filter((t) => is(t, SQLiteTable)) as SQLiteTable[];

/** A column's name says it is a person: `user_id`, `author_id`, `done_marked_by` … */
const PERSON_NAME =
	/(^|_)user_id$|_by$|^author|^(giver|receiver|owner|holder|reporter|blocker|blocked|subject)_id$/;

/**
 * Every column in the schema that points at a person: a foreign key to users (or to a
 * membership, a person in one flat), or a name that says so. `users` itself is the person.
 */
function personColumns(): string[] {
	const found = new Set<string>(['users.id']);
	for (const table of tables) {
		const config = getTableConfig(table);
		for (const fk of config.foreignKeys) {
			const ref = fk.reference();
			const target = getTableConfig(ref.foreignTable).name;
			if (target === 'users' || target === 'memberships')
				for (const column of ref.columns) found.add(`${config.name}.${column.name}`);
		}
		for (const column of config.columns)
			if (PERSON_NAME.test(column.name)) found.add(`${config.name}.${column.name}`);
	}
	return [...found].sort();
}

/** The columns the declarations name, as `table.column`. */
function declared(concepts: Personal[]): Set<string> {
	return new Set(
		concepts.flatMap((c) =>
			c.tables.flatMap((t) => t.columns.map((col) => `${getTableConfig(t.table).name}.${col.name}`))
		)
	);
}

/** What erase and export would miss with these declarations. */
function missing(concepts: Personal[]): string[] {
	const known = declared(concepts);
	return personColumns().filter((c) => !known.has(c));
}

describe("the declarations of a person's data", () => {
	it('cover every column of the schema that points at a person', () => {
		expect(personColumns().length).toBeGreaterThan(20);
		expect(missing(PERSONAL_DATA)).toEqual([]);
	});

	it('notice a table left out', () => {
		for (const concept of PERSONAL_DATA)
			for (const left of concept.tables) {
				const without = PERSONAL_DATA.map((c) =>
					c === concept ? { ...c, tables: c.tables.filter((t) => t !== left) } : c
				);
				const name = getTableConfig(left.table).name;
				expect(missing(without), name).toContain(`${name}.${left.columns[0]!.name}`);
			}
	});

	it('declare each table once, with columns of that table', () => {
		const names = PERSONAL_DATA.flatMap((c) => c.tables.map((t) => getTableConfig(t.table).name));
		expect(new Set(names).size).toBe(names.length);
		for (const concept of PERSONAL_DATA)
			for (const { table, columns } of concept.tables) {
				const own = getTableConfig(table).columns;
				for (const column of columns) expect(own).toContain(column);
			}
	});

	it("say 'cascade' only where the foreign key deletes the rows", () => {
		for (const concept of PERSONAL_DATA)
			for (const { table, columns, erase } of concept.tables.filter((t) => t.erase === 'cascade')) {
				const config = getTableConfig(table);
				for (const column of columns) {
					const fk = config.foreignKeys.find((k) => k.reference().columns.includes(column));
					expect(fk?.onDelete, `${config.name}.${column.name} (${erase})`).toBe('cascade');
				}
			}
	});

	it('are all in the export, under the key they name', async () => {
		const { db, ans } = await flatWithNeighbours();
		const data = privacy.exportData(db, ans) as Record<string, unknown>;
		for (const concept of PERSONAL_DATA)
			for (const { table, export: shown } of concept.tables) {
				if (!('key' in shown)) continue;
				const [top, part] = shown.key.split('.');
				const value = data[top!];
				const where = `${getTableConfig(table).name} → ${shown.key}`;
				expect(value, where).toBeDefined();
				if (part) {
					const first = (value as Record<string, unknown>[])[0];
					expect(first && part in first, where).toBe(true);
				}
			}
	});
});
