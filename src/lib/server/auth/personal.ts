import { eq } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { DB } from '../db';
import { loginCodes, sessions, users } from '../db/schema';

/**
 * What one table keeps about a person, said by the concept that owns the table in its own
 * `personal.ts`. Erasing an account (account/erase.ts) is built from these declarations and the
 * export (privacy/export.ts) is checked against them; account/personal-data.test.ts walks the
 * schema, so a new table that names a person cannot be forgotten by either. The shape lives
 * here, beside the person's own table, because every concept that declares sits above auth.
 */
export type PersonalTable = {
	table: SQLiteTable;
	/** The columns that point at the person (users.id), or at one of their memberships. */
	columns: SQLiteColumn[];
	/**
	 * What erasing the account does to the rows: `delete` them; `anonymise` them (the columns
	 * become null, the row stays for the neighbours); or `cascade`: they go with the row their
	 * column points at, by its foreign key (a membership's checklist goes with the membership).
	 */
	erase: 'delete' | 'anonymise' | 'cascade';
	/**
	 * Where the rows show in the export: the key in the download (`memberships.greeting` for a
	 * part of each membership), or why they are left out.
	 */
	export: { key: string } | { omitted: string };
};

/**
 * One concept's part of a person's data: its tables, and what must happen before they go, in
 * the erasing transaction, so the neighbours are not left waiting on someone who is gone.
 */
export type Personal = {
	tables: PersonalTable[];
	/** For each flat the person is in, what leaving it does (posts close, seats free up). */
	leave?: (tx: DB, flatId: number, userId: number, now: Date) => void;
	/** Once, after every flat was left and before any row goes. */
	beforeErase?: (tx: DB, userId: number) => void;
};

/**
 * The account itself, its sessions and its login codes. The account's row goes last: what still
 * points at it then goes or becomes null by its foreign key, as the declarations say.
 */
export const personal: Personal = {
	tables: [
		{
			table: sessions,
			columns: [sessions.userId],
			erase: 'delete',
			export: { omitted: 'a session is a key to the account, not something about the person' }
		},
		{
			table: loginCodes,
			columns: [loginCodes.userId],
			erase: 'delete',
			export: { omitted: 'a login code is a key to the account; only its hash is kept' }
		},
		{ table: users, columns: [users.id], erase: 'delete', export: { key: 'profile' } }
	]
};

/** The account as the export shows it: no password hash, no id. */
export function exportProfile(db: DB, userId: number) {
	const user = db
		.select({
			name: users.name,
			locale: users.locale,
			isAdmin: users.isAdmin,
			createdAt: users.createdAt
		})
		.from(users)
		.where(eq(users.id, userId))
		.get();
	if (!user) return undefined;
	return {
		name: user.name,
		locale: user.locale,
		admin: user.isAdmin,
		createdAt: user.createdAt
	};
}
