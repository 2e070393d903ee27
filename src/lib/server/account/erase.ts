import { eq, getTableColumns, or } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { DB } from '../db';
import { memberships } from '../db/schema';
import type { PersonalTable } from '../auth/personal';
import { PERSONAL_DATA } from './personal-data';

/**
 * Removes an account and what it wrote to others (messages, answers to posts); their posts stay
 * for the neighbours as "a former neighbour"; completed help stays in the record without them,
 * so nobody else's balance changes. Each concept says what it keeps and how it goes
 * (personal-data.ts). Run it inside the caller's transaction: the owner deleting their account
 * and a verbinder removing someone's last flat both end here, so they match.
 */
export function erase(tx: DB, userId: number, now = new Date()): void {
	const flatIds = tx
		.select({ flatId: memberships.flatId })
		.from(memberships)
		.where(eq(memberships.userId, userId))
		.all()
		.map((r) => r.flatId);
	for (const flatId of flatIds)
		for (const concept of PERSONAL_DATA) concept.leave?.(tx, flatId, userId, now);
	for (const concept of PERSONAL_DATA) concept.beforeErase?.(tx, userId);
	for (const concept of PERSONAL_DATA)
		for (const declared of concept.tables) eraseRows(tx, declared, userId);
}

/** One table's rows of the person: deleted, or kept without them. */
function eraseRows(tx: DB, { table, columns, erase: how }: PersonalTable, userId: number) {
	if (how === 'delete')
		tx.delete(table)
			.where(or(...columns.map((column) => eq(column, userId))))
			.run();
	else if (how === 'anonymise')
		for (const column of columns)
			tx.update(table)
				.set({ [keyOf(table, column)]: null })
				.where(eq(column, userId))
				.run();
	// 'cascade': the rows go with the row they hang from, by the foreign key.
}

/** The name Drizzle gives a column in its table, which `set()` takes. */
function keyOf(table: PersonalTable['table'], column: SQLiteColumn): string {
	const found = Object.entries(getTableColumns(table)).find(([, c]) => c === column);
	if (!found) throw new Error(`account: ${column.name} is not a column of its table`);
	return found[0];
}
